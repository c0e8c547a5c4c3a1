-- Conflict spaces (seed 004 sheet 7, tool sheet 3): a case, its parties, and what they agreed to share.
-- What a party writes stays in their own conversation until they approve a wording for the others.

CREATE TABLE conflict_case (
  id                INTEGER PRIMARY KEY,
  collective_id     TEXT NOT NULL REFERENCES collective(id),
  opened_by         TEXT NOT NULL,             -- the coordinator who opened it
  topic             TEXT,
  nature            TEXT CHECK (nature IN ('need', 'value')),
  phase             TEXT NOT NULL,             -- invite, prep, needs, solutions, rating, choice, decision, plan, followup, review, value, closed
  phase_seq         INTEGER NOT NULL DEFAULT 1,-- bumped at every phase change: jobs of an earlier phase see it and do nothing
  round             INTEGER NOT NULL DEFAULT 1,-- brainstorming round: back to step 2 makes a new one
  step_days         INTEGER NOT NULL DEFAULT 3,-- the time frame the parties agreed for each step
  phase_deadline_at INTEGER,
  nudged_seq        INTEGER,                   -- the phase whose deadline has passed once (reminder sent)
  decision          TEXT,
  review_at         INTEGER,                   -- step 6: when each party is asked how it went
  outcome           TEXT,                      -- closed, stopped, value_path, or a coordinator's close
  opened_at         INTEGER NOT NULL,
  closed_at         INTEGER
);
CREATE INDEX conflict_case_open ON conflict_case (collective_id, closed_at);

CREATE TABLE conflict_party (
  case_id         INTEGER NOT NULL REFERENCES conflict_case(id),
  member_id       TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('invited', 'active', 'declined', 'stopped')),
  conversation_id INTEGER REFERENCES conversation(id), -- the party's conversation for the current phase
  answered_seq    INTEGER,                   -- the phase they last finished
  proposed_nature TEXT,
  proposed_sheet  INTEGER,
  nature          TEXT,                      -- as the party confirmed or corrected it: they have the last word
  sheet           INTEGER,
  step_days       INTEGER,
  needs_draft     TEXT,                      -- the wording being approved; private
  needs           TEXT,                      -- the approved wording, shared with the other parties
  accepted        TEXT,                      -- step 4: solution ids the party accepts
  decision_text   TEXT,                      -- step 4: a party's own wording of the decision
  review_at       INTEGER,                   -- step 5: the evaluation date the party proposed
  review          TEXT,                      -- step 6: solved, adjust, reopen
  review_note     TEXT,                      -- private
  value_answers   TEXT,                      -- value path: JSON of the grid, conviction sharing, withdrawal
  PRIMARY KEY (case_id, member_id)
);
CREATE INDEX conflict_party_by_conversation ON conflict_party (conversation_id);

-- Step 2: solutions, shown to everyone without their authors.
CREATE TABLE conflict_solution (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES conflict_case(id),
  round      INTEGER NOT NULL,
  text       TEXT NOT NULL,
  added_by   TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

-- Step 3: each party's marks, 1 to 5.
CREATE TABLE conflict_rating (
  solution_id INTEGER NOT NULL REFERENCES conflict_solution(id),
  member_id   TEXT NOT NULL,
  feasibility INTEGER NOT NULL CHECK (feasibility BETWEEN 1 AND 5),
  relevance   INTEGER NOT NULL CHECK (relevance BETWEEN 1 AND 5),
  impact      INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
  PRIMARY KEY (solution_id, member_id)
);

-- Step 5: the action plan; a new plan (after an adjustment) has a higher plan_seq.
CREATE TABLE conflict_action (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES conflict_case(id),
  plan_seq   INTEGER NOT NULL,
  what       TEXT NOT NULL,
  owner      TEXT NOT NULL,
  due_date   TEXT NOT NULL,                  -- YYYY-MM-DD
  obstacles  TEXT,
  added_by   TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

-- "conflict request": a member asked the coordinators for a conflict space.
CREATE TABLE conflict_request (
  id            INTEGER PRIMARY KEY,
  collective_id TEXT NOT NULL REFERENCES collective(id),
  member_id     TEXT NOT NULL,
  message       TEXT,                        -- only when the member chose to add words
  created_at    INTEGER NOT NULL
);
