-- The cooperation diagnostic (seeds 000/001: success factors and points of vigilance; seed 004
-- sheet 1: time horizon and compatible cultures; sheet 3: diverging views). A coordinator opens
-- one at launch or at a milestone; each member rates every item privately; at the close the
-- individual ratings are folded into counts, so that only anonymous aggregates remain.

-- One diagnostic of a collective, numbered in order (the second one on shows the trend).
CREATE TABLE diagnostic_round (
  id            INTEGER PRIMARY KEY,
  collective_id TEXT NOT NULL REFERENCES collective(id),
  number        INTEGER NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  opened_by     TEXT,                      -- a platform member id, never a display name
  opened_at     INTEGER NOT NULL,
  closed_at     INTEGER,
  UNIQUE (collective_id, number)
);
CREATE INDEX diagnostic_round_by_collective ON diagnostic_round (collective_id, status, id);

-- Who was asked, through which conversation, and whether they answered. Nothing of what they answered.
CREATE TABLE diagnostic_invitee (
  round_id        INTEGER NOT NULL REFERENCES diagnostic_round(id),
  member_id       TEXT NOT NULL,
  conversation_id INTEGER REFERENCES conversation(id),
  asked_at        INTEGER NOT NULL,
  answered_at     INTEGER,
  PRIMARY KEY (round_id, member_id)
);
CREATE INDEX diagnostic_invitee_by_conversation ON diagnostic_invitee (conversation_id);

-- A member's ratings while the diagnostic is open (for their export and erasure); deleted at the close.
-- rating: 1..5, or NULL for "I don't know".
CREATE TABLE diagnostic_answer (
  round_id      INTEGER NOT NULL REFERENCES diagnostic_round(id),
  member_id     TEXT NOT NULL,
  item          TEXT NOT NULL,
  rating        INTEGER CHECK (rating BETWEEN 1 AND 5),
  PRIMARY KEY (round_id, member_id, item)
);

-- What a closed diagnostic keeps: per item, how many gave each rating (0 counts "I don't know").
CREATE TABLE diagnostic_tally (
  round_id      INTEGER NOT NULL REFERENCES diagnostic_round(id),
  item          TEXT NOT NULL,
  rating        INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 5),
  answers       INTEGER NOT NULL,
  PRIMARY KEY (round_id, item, rating)
);
