-- Cheaper queue writes (issue 3's files per second). Measured with a stand-alone insert of the same
-- rows (200,000 files, 1.3 million recipients, docs/benchmarks.md "Ingestion", session 4):
--
-- 1. The unique index on (source_id, rel_path) goes. Nothing looks a message up by its path: rescans
--    load the source's index by path hash (QueueIndex), and one scan per source runs at a time (the
--    claim in SourceRepository), so it guarded against nothing the application can do. Keyed by paths
--    of up to 1,024 characters in random order, it was the dearest B-tree of an insert: 44 us of
--    154 us of CPU per file on H2.
--
-- 2. queue_recipient loses its foreign key to queue_message. The check ran once per recipient row,
--    about 6.4 per file: 25 us per file on H2, and on PostgreSQL a trigger and a row lock per row
--    (the same load took 9.9 s instead of 14.4 s without it). The rows are deleted with their
--    messages by the code that deletes messages (SourceRepository.delete), and every query reaches
--    recipients through their message.
--
-- The table is rebuilt rather than altered because the foreign key has no name (its generated name
-- differs between H2 and PostgreSQL).
alter table queue_message drop constraint queue_message_path_unique;

create table queue_recipient_v13 (
	message_id bigint not null,
	address varchar(320) not null,
	domain varchar(255) not null,
	role char(1) not null
);
insert into queue_recipient_v13 (message_id, address, domain, role)
	select message_id, address, domain, role from queue_recipient;
drop table queue_recipient;
alter table queue_recipient_v13 rename to queue_recipient;
create index queue_recipient_message on queue_recipient (message_id);
