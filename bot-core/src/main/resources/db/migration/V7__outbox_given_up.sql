-- A message the outbox gives up on (the platform says it can never be delivered, or it kept
-- failing for too long) is marked here, its reason in last_error: it is not sent again, not even
-- after a restart, and it no longer holds back its recipient's later messages. Purged after 7 days
-- like delivered ones. The index of rows still to send leaves given-up rows out.
ALTER TABLE outbox ADD COLUMN given_up_at INTEGER;
DROP INDEX outbox_unsent;
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL AND given_up_at IS NULL;
