-- SQLite only: the dedup record becomes a table keyed by the event id itself (WITHOUT ROWID).
-- Before, the text primary key was a second b-tree beside the rowid table, and every turn wrote a
-- page of each: now one page per turn less to write and fsync. (PostgreSQL keeps its table: there
-- the primary key is an index beside the rows either way.) Old records are copied, so a platform
-- delivering an old event again is still recognised.
CREATE TABLE inbound_event_keyed (
  event_id    TEXT PRIMARY KEY,            -- platform ':' platform event id
  received_at INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO inbound_event_keyed (event_id, received_at) SELECT event_id, received_at FROM inbound_event;
DROP TABLE inbound_event;
ALTER TABLE inbound_event_keyed RENAME TO inbound_event;
