-- Who coordinates is decided when it is used (DESIGN.md, identity and roles). Two facts, kept apart:
-- `coordinator` is the platform's own role as last seen (Slack admin or owner, the Discord role),
-- `configured_coordinator` whether the id is in TRAME_COORDINATORS, rewritten at every start. A
-- coordinator-only message is addressed to either, and checked again when it leaves.
ALTER TABLE member ADD COLUMN configured_coordinator INTEGER NOT NULL DEFAULT 0;

-- The terminal has no platform roles: its flags all came from the configured names, which the
-- next start sets again (a name removed from the list no longer counts).
UPDATE member SET coordinator = 0 WHERE collective_id LIKE 'console:%';
