-- Privacy (seed 004 sheets 8 and 9, tool sheet 4): the right of withdrawal, the audit log.
-- V5 because the conflict space brings V4.

-- A member who withdrew from the collective is asked nothing more (rounds, check-ins) but stays known
-- until they erase their data; null while they take part.
ALTER TABLE member ADD COLUMN withdrawn_at INTEGER;

-- What coordinators did and what was refused, for coordinators to read with "audit".
-- Never a member's free text: the action is a command word, the detail a number or a setting.
CREATE TABLE audit_log (
  id            INTEGER PRIMARY KEY,
  collective_id TEXT NOT NULL,
  at            INTEGER NOT NULL,
  actor         TEXT,                      -- the member who acted; null for the bot's own schedule
  action        TEXT NOT NULL,             -- e.g. 'stakes round', 'privacy retention', 'erase'
  detail        TEXT,
  refused       INTEGER NOT NULL DEFAULT 0 -- 1 when the access point said no
);
CREATE INDEX audit_log_by_collective ON audit_log (collective_id, id);
