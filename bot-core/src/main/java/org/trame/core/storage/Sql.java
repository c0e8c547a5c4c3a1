package org.trame.core.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Prepared statements kept per connection: a turn runs the same handful of statements, and
 * preparing them again for every turn costs more than running them. Callers must not close the
 * statements they get; closing the connection closes them.
 */
public final class Sql {

  private static final Map<Connection, Map<String, PreparedStatement>> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private Sql() {}

  /** The connection's prepared statement for {@code sql}, parameters cleared. */
  public static PreparedStatement prepare(Connection c, String sql) throws SQLException {
    Map<String, PreparedStatement> statements = CACHE.computeIfAbsent(c, k -> new HashMap<>());
    synchronized (statements) {
      PreparedStatement ps = statements.get(sql);
      if (ps == null || ps.isClosed()) {
        ps = c.prepareStatement(sql);
        statements.put(sql, ps);
      } else {
        ps.clearParameters();
      }
      return ps;
    }
  }
}
