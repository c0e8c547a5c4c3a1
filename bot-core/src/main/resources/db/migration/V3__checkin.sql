-- Periodic re-alignment check-ins (seed 004 sheet 4 §4, sheet 2 §3).

-- A collective's rhythm: a Unix cron read in the collective's IANA zone.
CREATE TABLE checkin_schedule (
  collective_id TEXT PRIMARY KEY REFERENCES collective(id),
  cron          TEXT NOT NULL,             -- 5 fields, e.g. '0 9 * * 1'
  time_zone     TEXT NOT NULL,             -- e.g. 'Europe/Paris'
  paused        INTEGER NOT NULL DEFAULT 0,
  set_by        TEXT,
  updated_at    INTEGER NOT NULL
);

-- One round per occurrence of the schedule: the unique key is what makes a round never run twice.
CREATE TABLE checkin_round (
  id            INTEGER PRIMARY KEY,
  collective_id TEXT NOT NULL REFERENCES collective(id),
  occurrence    TEXT NOT NULL,             -- the schedule's local date-time ('2026-03-02T09:00'), or 'now-<millis>'
  due_at        INTEGER NOT NULL,          -- when it should have started
  status        TEXT NOT NULL CHECK (status IN ('open', 'closed', 'missed')),
  anonymous     INTEGER NOT NULL,          -- the collective's setting when the round opened
  opened_at     INTEGER,
  deadline_at   INTEGER,
  closed_at     INTEGER,
  UNIQUE (collective_id, occurrence)
);
CREATE INDEX checkin_round_by_collective ON checkin_round (collective_id, id);

-- Who was asked in a round, when, and whether they answered, skipped or were reminded.
-- It says nothing of what anyone answered.
CREATE TABLE checkin_invitee (
  round_id        INTEGER NOT NULL REFERENCES checkin_round(id),
  member_id       TEXT NOT NULL,
  time_zone       TEXT NOT NULL,           -- the zone the member is asked in
  ask_at          INTEGER NOT NULL,
  asked_at        INTEGER,
  conversation_id INTEGER REFERENCES conversation(id),
  answered_at     INTEGER,
  skipped_at      INTEGER,
  reminded_at     INTEGER,
  PRIMARY KEY (round_id, member_id)
);
-- A member's answers find their round through their conversation.
CREATE INDEX checkin_invitee_by_conversation ON checkin_invitee (conversation_id);

-- The answers, deliberately without the member: the report can only ever aggregate them.
-- Row ids are random so that their order does not tell who answered first.
CREATE TABLE checkin_answer (
  id            INTEGER PRIMARY KEY,
  round_id      INTEGER NOT NULL REFERENCES checkin_round(id),
  alignment     INTEGER CHECK (alignment BETWEEN 1 AND 5),
  engagement    INTEGER CHECK (engagement BETWEEN 1 AND 5),
  fairness      INTEGER CHECK (fairness BETWEEN 1 AND 5),
  trust         INTEGER CHECK (trust BETWEEN 1 AND 5),
  remark        TEXT                       -- kept only when its author agreed to show it in the report, unnamed
);
CREATE INDEX checkin_answer_by_round ON checkin_answer (round_id);

-- A member's holidays: not asked for rounds before this local date.
CREATE TABLE checkin_snooze (
  collective_id TEXT NOT NULL REFERENCES collective(id),
  member_id     TEXT NOT NULL,
  until_date    TEXT NOT NULL,             -- 'YYYY-MM-DD': asked again from this day on
  PRIMARY KEY (collective_id, member_id)
);
