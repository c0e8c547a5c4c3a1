package org.trame.core.storage;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A savepoint whose SQL runs through the connection's cached statements. The driver's
 * {@code Connection.setSavepoint()} formats and prepares new SQL at each call, and every turn
 * opens and releases two savepoints (its job's, and the turn's own). Savepoints of one name nest:
 * each refers to the latest one opened and not yet released.
 */
public final class NamedSavepoint {

  private final String open;
  private final String release;
  private final String rollback;

  /** {@code name} is an SQL identifier chosen in code (letters and underscores). */
  public NamedSavepoint(String name) {
    if (!name.matches("[a-z_]+")) {
      throw new IllegalArgumentException("not a savepoint name: " + name);
    }
    this.open = "SAVEPOINT " + name;
    this.release = "RELEASE " + name;
    this.rollback = "ROLLBACK TO " + name;
  }

  public void open(Connection c) throws SQLException {
    Sql.prepare(c, open).execute();
  }

  /** Keeps what was done since {@link #open}, as part of the enclosing transaction. */
  public void release(Connection c) throws SQLException {
    Sql.prepare(c, release).execute();
  }

  /** Undoes what was done since {@link #open} and closes the savepoint. */
  public void rollback(Connection c) throws SQLException {
    Sql.prepare(c, rollback).execute();
    Sql.prepare(c, release).execute();
  }
}
