-- The member's open conversations are found by (collective, member, status); the few found are
-- sorted by time. With updated_at in the index, every answered step rewrote an index page too
-- (one more page to write and fsync per turn); now a turn's update leaves the index alone.
DROP INDEX conversation_by_member;
CREATE INDEX conversation_by_member ON conversation (collective_id, member_id, status);
