-- PostgreSQL only: several processes share the outbox. A row belongs to the process that wrote
-- it (the name its connections carry) until its lease runs out; a process that finds a row whose
-- lease ran out (its writer died) claims it with FOR UPDATE SKIP LOCKED and sends it. Leases
-- are in the database's time, the one clock all processes share.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT DEFAULT current_setting('trame.process', true);
ALTER TABLE outbox ADD COLUMN claimed_until BIGINT
  DEFAULT (extract(epoch FROM clock_timestamp()) * 1000)::bigint
    + COALESCE(NULLIF(current_setting('trame.outbox_lease_ms', true), '')::bigint, 60000);
CREATE INDEX outbox_unsent_by_claim ON outbox (claimed_until) WHERE sent_at IS NULL;
