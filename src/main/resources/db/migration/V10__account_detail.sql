-- The account page aggregates one account's log events by (gw_id, at) over event_type, ip and platform
-- (client addresses, login timeline). With those columns in the index PostgreSQL answers from the index
-- alone instead of fetching one heap row per event: for an account with 100,000 events of 3,000,000,
-- about 1 s became 0.1 s (docs/ranking.md). The new index replaces (gw_id, at): same leading columns, so
-- every query that used it still can, and ingestion still maintains one index for the account, not two.
create index log_event_account_detail on log_event (gw_id, at, event_type, ip, platform);
drop index log_event_account;
