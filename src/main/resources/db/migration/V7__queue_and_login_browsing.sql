-- Indexes for the Queues and Logins pages (issue 4). Each index costs time on every insert of an
-- ingest (10^7 log events, 10^6 queue messages), so only what a page's query needs: none on
-- queue_message or queue_recipient (the Queues page reads present messages through
-- queue_message_present (source_id, gone_at, folder) from V3, and queue_depth is already indexed on
-- (source_id, at)).

-- The events browser without filters: newest first, keyset paging on (at desc, id desc).
create index log_event_time on log_event (at, id);

-- The outcome filter (login success/failure, SMTP AUTH) and the IP view, which reads login events
-- only, within a time window.
create index log_event_type_at on log_event (event_type, at);

-- The account filter matches the GroupWise id (log_event_account from V4), the network id or the
-- address: each needs its own index for the OR to be answered by indexes.
create index log_event_network on log_event (network_id, at);
create index log_event_address on log_event (address, at);
