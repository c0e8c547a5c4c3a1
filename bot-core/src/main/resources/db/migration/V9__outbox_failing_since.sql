-- When sending a message first failed: the outbox gives a message up once it has failed for a day,
-- and that day now counts across restarts (it used to start again with every process).
ALTER TABLE outbox ADD COLUMN failing_since INTEGER;
