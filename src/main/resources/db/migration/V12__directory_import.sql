-- The SHA-256 of the directory export each DIRECTORY source imported last: a rescan of the same bytes
-- changes nothing and says so (no replace, no "changed" run, so the ranking's caches stay).
create table directory_import (
	source_id bigint primary key references source (id) on delete cascade,
	sha256 varchar(64) not null,
	imported_at timestamp with time zone not null
);
