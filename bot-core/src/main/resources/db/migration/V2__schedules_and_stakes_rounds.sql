-- Work due at a time: reminders, deadlines, re-evaluations. Fired once, by whoever runs the clock.
CREATE TABLE scheduled_job (
  id            INTEGER PRIMARY KEY,
  collective_id TEXT NOT NULL REFERENCES collective(id),
  kind          TEXT NOT NULL,             -- e.g. 'stakes.remind', 'stakes.close', 'stakes.reevaluate'
  due_at        INTEGER NOT NULL,
  payload       TEXT NOT NULL DEFAULT '{}',
  done_at       INTEGER,
  created_at    INTEGER NOT NULL
);
CREATE INDEX scheduled_job_due ON scheduled_job (due_at) WHERE done_at IS NULL;

-- Per-collective settings (channel, ambition, rhythms), as text.
CREATE TABLE collective_setting (
  collective_id TEXT NOT NULL REFERENCES collective(id),
  key           TEXT NOT NULL,
  value         TEXT NOT NULL,
  updated_at    INTEGER NOT NULL,
  updated_by    TEXT,
  PRIMARY KEY (collective_id, key)
);

-- Whether the member was a coordinator when last seen (platform role or configured list).
ALTER TABLE member ADD COLUMN coordinator INTEGER NOT NULL DEFAULT 0;

CREATE TABLE stakes_round (
  id            INTEGER PRIMARY KEY,
  collective_id TEXT NOT NULL REFERENCES collective(id),
  opened_by     TEXT,                      -- null when opened by the re-evaluation schedule
  opened_at     INTEGER NOT NULL,
  deadline_at   INTEGER NOT NULL,
  closed_at     INTEGER
);

CREATE TABLE stakes_round_member (
  round_id        INTEGER NOT NULL REFERENCES stakes_round(id),
  member_id       TEXT NOT NULL,
  conversation_id INTEGER REFERENCES conversation(id),
  answered_at     INTEGER,
  reminded_at     INTEGER,
  PRIMARY KEY (round_id, member_id)
);

ALTER TABLE stakes_answer ADD COLUMN round_id INTEGER REFERENCES stakes_round(id);
