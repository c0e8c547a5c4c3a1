-- Collectives, members, conversations, the dedup log of inbound events and the outbox.
-- Times are epoch milliseconds (UTC).

CREATE TABLE collective (
  id          TEXT PRIMARY KEY,          -- platform ':' platform id, e.g. 'console:local'
  platform    TEXT NOT NULL,
  external_id TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);

CREATE TABLE member (
  collective_id TEXT NOT NULL REFERENCES collective(id),
  member_id     TEXT NOT NULL,             -- the platform's user id
  display_name  TEXT,
  lang          TEXT,                      -- 'fr' | 'en'; null until known
  lang_source   TEXT,                      -- 'chosen' | 'detected' | 'platform'
  time_zone     TEXT,
  created_at    INTEGER NOT NULL,
  PRIMARY KEY (collective_id, member_id)
);

-- One row per inbound event ever handled: the primary key is the dedup.
CREATE TABLE inbound_event (
  event_id    TEXT PRIMARY KEY,            -- platform ':' platform event id
  received_at INTEGER NOT NULL
);

CREATE TABLE conversation (
  id            INTEGER PRIMARY KEY,
  collective_id TEXT NOT NULL REFERENCES collective(id),
  member_id     TEXT NOT NULL,
  flow          TEXT NOT NULL,
  step          TEXT,                      -- the step awaiting an answer; null once ended
  status        TEXT NOT NULL CHECK (status IN ('active', 'paused', 'done', 'cancelled')),
  state         TEXT NOT NULL,             -- JSON: answers, trail, pending sharing question
  started_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);
CREATE INDEX conversation_by_member ON conversation (collective_id, member_id, status, updated_at);

CREATE TABLE outbox (
  id            INTEGER PRIMARY KEY,
  platform      TEXT NOT NULL,
  collective_id TEXT NOT NULL,
  audience      TEXT NOT NULL CHECK (audience IN ('member', 'channel')),
  recipient     TEXT NOT NULL,
  payload       TEXT NOT NULL,             -- JSON of the message
  created_at    INTEGER NOT NULL,
  sent_at       INTEGER,
  attempts      INTEGER NOT NULL DEFAULT 0,
  last_error    TEXT
);
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;

-- The personal stakes register: one row per answer, versioned by questionnaire.
CREATE TABLE stakes_answer (
  id            INTEGER PRIMARY KEY,
  collective_id TEXT NOT NULL REFERENCES collective(id),
  member_id     TEXT NOT NULL,
  version       INTEGER NOT NULL,          -- 1 for the first questionnaire, then 2, ...
  question      TEXT NOT NULL,             -- the step id in prompts/stakes.yaml
  answer        TEXT,                      -- null when skipped
  sharing       TEXT NOT NULL CHECK (sharing IN ('private', 'coordinators', 'collective')),
  answered_at   INTEGER NOT NULL,
  conversation_id INTEGER NOT NULL REFERENCES conversation(id)
);
CREATE INDEX stakes_answer_by_member ON stakes_answer (collective_id, member_id, version);
