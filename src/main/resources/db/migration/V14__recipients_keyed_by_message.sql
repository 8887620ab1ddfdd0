-- queue_recipient is keyed by message_id * 256 + the recipient's position (issue 3's files per
-- second on H2). A message stores at most 200 recipients (QueueMessageRepository
-- .MAX_RECIPIENTS_STORED), so a message's recipients are exactly the keys from message_id * 256 to
-- message_id * 256 + 255, and the primary key finds them: the index on message_id goes.
--
-- Why: without a primary key of its own, H2 kept every recipient row twice, in the table under a
-- hidden row id and in the message_id index, and each insert touched both (an insert, an undo-log
-- entry and a commit per map). Measured with bench/insert-rows.sh (the database alone, 10^6 files,
-- 6.5 million recipient rows, 250 files per transaction, CPU of the inserting process): 47 us per
-- file with the index, 41 us keyed like this (docs/benchmarks.md, "Session 6").
--
-- Queries reach a message's recipients with both conditions, "r.message_id = m.id and r.id between
-- m.id * 256 and m.id * 256 + 255": the range lets either database look them up by primary key, and
-- the equality lets PostgreSQL hash-join when it reads them all.
create table queue_recipient_v14 (
	id bigint primary key,
	message_id bigint not null,
	address varchar(320) not null,
	domain varchar(255) not null,
	role char(1) not null
);
insert into queue_recipient_v14 (id, message_id, address, domain, role)
	select message_id * 256 + n, message_id, address, domain, role
	from (
		select message_id, address, domain, role,
			row_number() over (partition by message_id order by address, role) - 1 as n
		from queue_recipient
	) t
	where n < 256;
drop table queue_recipient;
alter table queue_recipient_v14 rename to queue_recipient;
