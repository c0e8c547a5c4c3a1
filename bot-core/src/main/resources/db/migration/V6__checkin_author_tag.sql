-- Privacy (issue 9): a member's check-in answers must be found again for "mydata export" and
-- "mydata forget", yet a copy of the database alone must not tell whose they are. Each answer
-- carries a keyed pseudonym of its author for that round: HMAC-SHA256 over platform, collective,
-- member and round, under a key kept outside the database (TRAME_PSEUDONYM_KEY, or a key file
-- beside the SQLite file). Different in every round, so answers of two rounds cannot be matched
-- to each other either. Null for answers given before this column existed, and once erased.
ALTER TABLE checkin_answer ADD COLUMN author_tag TEXT;
CREATE INDEX checkin_answer_by_author ON checkin_answer (round_id, author_tag);
