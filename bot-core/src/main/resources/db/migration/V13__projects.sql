-- Projects and the common ethics grid (seed 004 sheet 8): criteria set before decisions and
-- conflicts, a grid round with the "black ball" among a project's members, and the individual
-- right of withdrawal from a project without exclusion from the collective.

-- A cooperation project of the collective; its name is unique in the collective whatever its case.
CREATE TABLE project (
  id            INTEGER PRIMARY KEY,
  collective_id TEXT NOT NULL REFERENCES collective(id),
  name          TEXT NOT NULL,             -- as the coordinator wrote it
  name_key      TEXT NOT NULL,             -- lower case, spaces collapsed: what makes names unique
  created_by    TEXT,
  created_at    INTEGER NOT NULL,
  UNIQUE (collective_id, name_key)
);

-- Who takes part in a project now: leaving deletes the row, and joining again adds it back.
CREATE TABLE project_member (
  project_id    INTEGER NOT NULL REFERENCES project(id),
  member_id     TEXT NOT NULL,
  joined_at     INTEGER NOT NULL,
  PRIMARY KEY (project_id, member_id)
);
CREATE INDEX project_member_by_member ON project_member (member_id);

-- The project a member's withdrawal conversation is about (one such conversation at a time).
CREATE TABLE project_leaving (
  collective_id TEXT NOT NULL REFERENCES collective(id),
  member_id     TEXT NOT NULL,
  project_id    INTEGER NOT NULL REFERENCES project(id),
  PRIMARY KEY (collective_id, member_id)
);

-- The collective's ethics criteria once coordinators edited them (none: the three of sheet 8).
-- A criterion is one of the defaults by its key (shown in each reader's language) or a wording.
CREATE TABLE ethics_criterion (
  id            INTEGER PRIMARY KEY,
  collective_id TEXT NOT NULL REFERENCES collective(id),
  position      INTEGER NOT NULL,
  default_key   TEXT,
  wording       TEXT,
  CHECK ((default_key IS NULL) <> (wording IS NULL))
);
CREATE INDEX ethics_criterion_by_collective ON ethics_criterion (collective_id, position);

-- One grid round on a project (and what it is about, e.g. a partner).
CREATE TABLE ethics_grid (
  id            INTEGER PRIMARY KEY,
  collective_id TEXT NOT NULL REFERENCES collective(id),
  project_id    INTEGER NOT NULL REFERENCES project(id),
  subject       TEXT,                      -- what is examined, as the coordinator wrote it; null: the project itself
  opened_by     TEXT,
  opened_at     INTEGER NOT NULL,
  closed_at     INTEGER,
  blocked       INTEGER                    -- the verdict once closed: 1 when a black ball was cast
);
CREATE INDEX ethics_grid_by_project ON ethics_grid (project_id, closed_at);

-- The criteria as they stood when the round opened, and once a member finished, the counts of
-- positions on each: the tallies hold no member.
CREATE TABLE ethics_grid_criterion (
  grid_id       INTEGER NOT NULL REFERENCES ethics_grid(id),
  position      INTEGER NOT NULL,
  default_key   TEXT,
  wording       TEXT,
  ok            INTEGER NOT NULL DEFAULT 0,
  black_ball    INTEGER NOT NULL DEFAULT 0,
  unsure        INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (grid_id, position)
);

-- Who was asked in a round, whether they finished or declined, and their feeling with its sharing.
CREATE TABLE ethics_grid_member (
  grid_id         INTEGER NOT NULL REFERENCES ethics_grid(id),
  member_id       TEXT NOT NULL,
  conversation_id INTEGER REFERENCES conversation(id),
  answered_at     INTEGER,
  declined_at     INTEGER,
  feeling         TEXT,
  sharing         TEXT,
  PRIMARY KEY (grid_id, member_id)
);
CREATE INDEX ethics_grid_member_by_conversation ON ethics_grid_member (conversation_id);

-- A member's positions while they answer (so that "back" can change one): once they finish, their
-- positions go into the round's tallies and these rows are deleted.
CREATE TABLE ethics_vote (
  grid_id       INTEGER NOT NULL REFERENCES ethics_grid(id),
  member_id     TEXT NOT NULL,
  position      INTEGER NOT NULL,
  vote          TEXT NOT NULL CHECK (vote IN ('ok', 'black_ball', 'unsure')),
  PRIMARY KEY (grid_id, member_id, position)
);
