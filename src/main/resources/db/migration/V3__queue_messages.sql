-- One row per file seen below a queue source's send/ and defer/ folders (and kept after it left:
-- gone_at says when it was first seen missing, so queue depth over time and departures are known).
-- Ids are handed out in blocks of 1,000 from this sequence (one round trip per block), so that bulk
-- loads (COPY on PostgreSQL, JDBC batches on H2) know a row's id without reading generated keys back.
create sequence queue_message_seq start with 1 increment by 1000;

create table queue_message (
	id bigint primary key,
	source_id bigint not null references source (id) on delete cascade,
	rel_path varchar(1024) not null,
	-- 64-bit hash of rel_path (QueueIndex.hash): rescans load the index without the paths themselves.
	path_hash bigint not null,
	folder varchar(8) not null,
	size_bytes bigint not null,
	mtime timestamp with time zone not null,
	sha256 char(64),
	dialect varchar(16) not null,
	status varchar(12) not null,
	problem varchar(1000),
	sender varchar(320),
	sender_domain varchar(255),
	subject varchar(1000),
	from_header varchar(1000),
	message_id varchar(1000),
	date_header timestamp with time zone,
	first_hop varchar(1000),
	x_mailer varchar(300),
	recipient_count integer not null,
	warnings varchar(2000),
	first_seen timestamp with time zone not null,
	changed_at timestamp with time zone not null,
	gone_at timestamp with time zone,
	run_id bigint not null,
	constraint queue_message_path_unique unique (source_id, rel_path),
	constraint queue_message_folder_known check (folder in ('SEND', 'DEFER', 'OTHER'))
);
create index queue_message_sender on queue_message (sender, folder);
create index queue_message_present on queue_message (source_id, gone_at, folder);
-- Further indexes come with the queries that need them (ranking, browsing): every index costs time on
-- each of the 10^6 inserts of an incident's first scan.

-- Envelope addresses of a message other than its sender (recipients, and unknown roles).
create table queue_recipient (
	message_id bigint not null references queue_message (id) on delete cascade,
	address varchar(320) not null,
	domain varchar(255) not null,
	role char(1) not null
);
create index queue_recipient_message on queue_recipient (message_id);

-- Depth of each folder after every scan: the queue over time.
create table queue_depth (
	source_id bigint not null references source (id) on delete cascade,
	at timestamp with time zone not null,
	folder varchar(8) not null,
	messages bigint not null,
	bytes bigint not null
);
create index queue_depth_at on queue_depth (source_id, at);
