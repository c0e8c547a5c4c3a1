-- The partner map (seed 004, tool sheet 1, sociodynamics): on one topic, each member says privately
-- their synergy with it and their antagonism to it (each rational and affective), their capacity to
-- act (influence, ability to mobilise), what would turn them against it and the commitment they can
-- keep. Closed, a map shows the positions together, names only for those who agreed.

-- One map on one topic; a later map on the same topic (same key) is compared with the last closed one.
CREATE TABLE partner_map (
  id            INTEGER PRIMARY KEY,
  collective_id TEXT NOT NULL REFERENCES collective(id),
  topic         TEXT NOT NULL,             -- as the coordinator wrote it
  topic_key     TEXT NOT NULL,             -- lower case, accents and extra spaces dropped
  opened_by     TEXT,
  opened_at     INTEGER NOT NULL,
  deadline_at   INTEGER NOT NULL,
  closed_at     INTEGER
);
CREATE INDEX partner_map_by_topic ON partner_map (collective_id, topic_key, closed_at);

-- Who was asked, and once they finished, their position (scales 1 to 5), whether their name may
-- appear beside it, and their two texts, each with its sharing choice (private unless chosen).
CREATE TABLE partner_map_member (
  map_id               INTEGER NOT NULL REFERENCES partner_map(id),
  member_id            TEXT NOT NULL,
  conversation_id      INTEGER REFERENCES conversation(id),
  answered_at          INTEGER,
  synergy_rational     INTEGER,
  synergy_affective    INTEGER,
  antagonism_rational  INTEGER,
  antagonism_affective INTEGER,
  influence            INTEGER,
  mobilise             INTEGER,
  named                INTEGER NOT NULL DEFAULT 0,
  turn_against         TEXT,
  turn_against_sharing TEXT,
  commitment           TEXT,
  commitment_sharing   TEXT,
  PRIMARY KEY (map_id, member_id)
);
CREATE INDEX partner_map_member_by_conversation ON partner_map_member (conversation_id);
