package org.trame.core.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** A collective's settings, one text value per key, with who set them last. */
public final class Settings {

  private Settings() {}

  public static Optional<String> get(Connection c, String collectiveId, String key) throws SQLException {
    try (ResultSet rs = Sql.query(c, "SELECT value FROM collective_setting WHERE collective_id = ? AND key = ?", collectiveId, key)
        .executeQuery()) {
      return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
    }
  }

  public static void put(Connection c, String collectiveId, String key, String value, String by, long now) throws SQLException {
    Sql.update(c, "INSERT INTO collective_setting (collective_id, key, value, updated_at, updated_by)"
        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (collective_id, key) DO UPDATE SET value = excluded.value,"
        + " updated_at = excluded.updated_at, updated_by = excluded.updated_by", collectiveId, key, value, now, by);
  }
}
