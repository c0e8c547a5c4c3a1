package org.trame.core.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The record of inbound events already handled: its primary key makes a second delivery a no-op. */
public final class EventLog {

  private EventLog() {}

  /** Records the event; false when it was recorded before (a duplicate delivery). */
  public static boolean record(Connection c, String eventKey, long now) throws SQLException {
    PreparedStatement ps = Sql.prepare(c, "INSERT INTO inbound_event (event_id, received_at) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING");
    ps.setString(1, eventKey);
    ps.setLong(2, now);
    return ps.executeUpdate() == 1;
  }

  /**
   * One slice of the purge: looks at the next {@code slice} records in key order after {@code after}
   * (null: from the start) and deletes those received before {@code before}. Bounded whatever the
   * table's size, with no index on the time (a second b-tree every turn would pay for): the key
   * order is the primary key's. Returns the last key looked at, from which the next slice goes on,
   * or null once the end of the table is reached.
   */
  public static String purgeSlice(Connection c, String after, long before, int slice) throws SQLException {
    String from = after == null ? "" : after;
    String last;
    int seen;
    try (java.sql.ResultSet rs = Sql.query(c, "SELECT max(event_id), count(*) FROM (SELECT event_id FROM inbound_event"
        + " WHERE event_id > ? ORDER BY event_id LIMIT ?) slice", from, slice).executeQuery()) {
      rs.next();
      last = rs.getString(1);
      seen = rs.getInt(2);
    }
    if (last == null) {
      return null;
    }
    Sql.update(c, "DELETE FROM inbound_event WHERE event_id > ? AND event_id <= ? AND received_at < ?", from, last, before);
    return seen < slice ? null : last;
  }
}
