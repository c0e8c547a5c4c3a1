package org.trame.core.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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

  private static final Map<Connection, Map<String, Cached>> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());
  private static final Map<Connection, Database.Dialect> DIALECTS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private Sql() {}

  /** Runs an INSERT, UPDATE or DELETE with its parameters in order; returns the rows changed. */
  public static int update(Connection c, String sql, Object... params) throws SQLException {
    return bound(c, sql, params).executeUpdate();
  }

  /** The connection's statement for {@code sql} with its parameters bound, ready to query. */
  public static PreparedStatement query(Connection c, String sql, Object... params) throws SQLException {
    return bound(c, sql, params);
  }

  /** Binding every parameter overwrites the last run's values: clearing them first would bind each twice. */
  private static PreparedStatement bound(Connection c, String sql, Object... params) throws SQLException {
    Cached cached = cached(c, sql);
    if (params.length != cached.parameters) {
      clear(cached);
    }
    PreparedStatement ps = cached.statement;
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
    return ps;
  }

  /**
   * The connection's prepared statement for {@code sql}, parameters cleared. Cleared by setting
   * each to NULL rather than with {@code clearParameters()}: the driver's clear makes SQLite
   * re-prepare the statement on its next run, which cost more than running it.
   */
  public static PreparedStatement prepare(Connection c, String sql) throws SQLException {
    Cached cached = cached(c, sql);
    clear(cached);
    return cached.statement;
  }

  private static Cached cached(Connection c, String sql) throws SQLException {
    Map<String, Cached> statements = CACHE.computeIfAbsent(c, k -> new HashMap<>());
    synchronized (statements) {
      Cached cached = statements.get(sql);
      if (cached == null || cached.statement.isClosed()) {
        PreparedStatement ps = c.prepareStatement(sql);
        cached = new Cached(ps, ps.getParameterMetaData().getParameterCount());
        statements.put(sql, cached);
      }
      return cached;
    }
  }

  private static void clear(Cached cached) throws SQLException {
    for (int i = 1; i <= cached.parameters; i++) {
      cached.statement.setNull(i, Types.NULL);
    }
  }

  /** The engine behind {@code c}, for the few statements that differ. */
  public static Database.Dialect dialect(Connection c) throws SQLException {
    Database.Dialect known = DIALECTS.get(c);
    if (known == null) {
      known = c.getMetaData().getURL().startsWith("jdbc:postgresql:") ? Database.Dialect.POSTGRESQL : Database.Dialect.SQLITE;
      DIALECTS.put(c, known);
    }
    return known;
  }

  public static boolean isPostgresql(Connection c) throws SQLException {
    return dialect(c) == Database.Dialect.POSTGRESQL;
  }

  /**
   * What a SELECT ends with to lock the rows it reads until the transaction ends: on PostgreSQL,
   * where several processes write, {@code FOR UPDATE} (a turn of another process on the same
   * rows waits, then reads what it committed); nothing on SQLite, where the one writer already
   * runs turns one at a time, nor on a read-only connection.
   */
  public static String forUpdate(Connection c) throws SQLException {
    return isPostgresql(c) && !c.isReadOnly() ? " FOR UPDATE" : "";
  }

  /** A condition true when {@code column} holds the text bound to its one parameter: each engine has its own word. */
  public static String holds(Connection c, String column) throws SQLException {
    return (isPostgresql(c) ? "strpos(" : "instr(") + column + ", ?) > 0";
  }


  /** The number in {@code column} of the current row, or null where the column holds NULL (not 0). */
  public static Long longOrNull(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  /** The number in {@code column} of the current row, or null where the column holds NULL (not 0). */
  public static Integer intOrNull(ResultSet rs, int column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  private record Cached(PreparedStatement statement, int parameters) {}
}
