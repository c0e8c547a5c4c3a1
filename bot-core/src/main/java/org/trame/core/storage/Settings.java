package org.trame.core.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** A collective's settings, one text value per key, with who set them last. */
public final class Settings {

  private Settings() {}

  public static Optional<String> get(Connection c, String collectiveId, String key) throws SQLException {
    PreparedStatement ps = Sql.prepare(c, "SELECT value FROM collective_setting WHERE collective_id = ? AND key = ?");
    ps.setString(1, collectiveId);
    ps.setString(2, key);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
    }
  }

  public static void put(Connection c, String collectiveId, String key, String value, String by, long now) throws SQLException {
    PreparedStatement ps = Sql.prepare(c, "INSERT INTO collective_setting (collective_id, key, value, updated_at, updated_by)"
        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (collective_id, key) DO UPDATE SET value = excluded.value,"
        + " updated_at = excluded.updated_at, updated_by = excluded.updated_by");
    ps.setString(1, collectiveId);
    ps.setString(2, key);
    ps.setString(3, value);
    ps.setLong(4, now);
    ps.setString(5, by);
    ps.executeUpdate();
  }
}
