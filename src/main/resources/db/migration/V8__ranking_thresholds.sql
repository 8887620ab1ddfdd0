-- Ranking thresholds changed by an admin at run time (Settings > Ranking), shared by every instance on
-- the database. A threshold without a row has its configured value (quench.ranking.*); "reset to
-- default" deletes the row. name is the property name (human-logins-per-minute), setting_value its
-- canonical text (an integer or a decimal).
create table ranking_threshold (
	name varchar(64) primary key,
	setting_value varchar(32) not null,
	changed_by varchar(64) not null,
	changed_at timestamp with time zone not null
);
