-- The conflict method as seed 004 teaches it (tool sheet 3, sheets 7 and 8).
-- Active listening: each party restates another party's need (or conviction, on the value path) and
-- its author recognises it or corrects it; the parties then agree on a shared goal (the equation of
-- needs). Step 3 keeps each party's short word on advantages and drawbacks; step 5 the resources of
-- each step and every party's approval of the whole plan. The value path keeps each party's stance.

ALTER TABLE conflict_case ADD COLUMN goal TEXT;                       -- the agreed equation of needs, heading steps 2 and 4
ALTER TABLE conflict_case ADD COLUMN listen_round INTEGER NOT NULL DEFAULT 0; -- restatement rounds so far (bounded)
ALTER TABLE conflict_case ADD COLUMN project TEXT;                    -- value path: the project the difference is about, if any

ALTER TABLE conflict_party ADD COLUMN restates TEXT;                  -- the party whose words this party restates
ALTER TABLE conflict_party ADD COLUMN restatement TEXT;               -- shown to its author only
ALTER TABLE conflict_party ADD COLUMN recognised INTEGER;             -- 1 once the party recognised the restatement of their words
ALTER TABLE conflict_party ADD COLUMN correction TEXT;                -- what the author corrected, shown to the restater only
ALTER TABLE conflict_party ADD COLUMN goal_text TEXT;                 -- a party's own wording of the goal
ALTER TABLE conflict_party ADD COLUMN plan_ok INTEGER;                -- step 5: 1 approved the whole plan, 0 asked for changes
ALTER TABLE conflict_party ADD COLUMN plan_remark TEXT;               -- what should change, shared with the parties
ALTER TABLE conflict_party ADD COLUMN conviction TEXT;                -- value path: the approved wording of the conviction
ALTER TABLE conflict_party ADD COLUMN need_part TEXT;                 -- value path: what the party lacks, for the need path
ALTER TABLE conflict_party ADD COLUMN stance TEXT;                    -- value path: together, adjust, withdraw, stop
ALTER TABLE conflict_party ADD COLUMN stance_text TEXT;               -- value path: what can be done together / which adjustment

ALTER TABLE conflict_rating ADD COLUMN remark TEXT;                   -- step 3: advantages and drawbacks, shown without the author
ALTER TABLE conflict_action ADD COLUMN resources TEXT;                -- step 5: what the step needs
