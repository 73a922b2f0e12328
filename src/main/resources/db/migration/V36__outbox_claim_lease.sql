-- A node's claim on an outbox row while it sends it: rows are claimed for a short lease in a statement of their own
-- and each marked sent at once, instead of being held locked by one transaction while the whole batch is sent (a
-- PostgreSQL restart before that commit sent the batch again). A row whose claim lapsed (its node died) is claimed
-- again by any node.
alter table outbox_message add column claimed_until timestamptz;

comment on column outbox_message.claimed_until is
    'until when a node''s delivery pass holds the row; null or past: free to be claimed';
