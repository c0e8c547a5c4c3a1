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
}
