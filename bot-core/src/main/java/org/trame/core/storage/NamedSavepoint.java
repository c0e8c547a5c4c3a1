package org.trame.core.storage;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A savepoint whose SQL runs through the connection's cached statements. The driver's
 * {@code Connection.setSavepoint()} formats and prepares new SQL at each call, and every turn
 * opens and releases two savepoints. Savepoints of one name nest: each refers to the latest one
 * opened and not yet released.
 *
 * <p>While the writer runs a group transaction optimistically (see {@link Writer}), savepoints
 * cost nothing: opening and releasing do no SQL, and a rollback abandons the whole attempt
 * (throws {@link Abandoned}), after which the writer runs the batch again with real savepoints.
 */
public final class NamedSavepoint {

  /** Whether this thread runs a batch without savepoints (the thread running a batch: the writer's, or a waiting caller's). */
  private static final ThreadLocal<boolean[]> SKIPPING = ThreadLocal.withInitial(() -> new boolean[1]);

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
    if (!skipping()) {
      Sql.prepare(c, open).execute();
    }
  }

  /** Keeps what was done since {@link #open}, as part of the enclosing transaction. */
  public void release(Connection c) throws SQLException {
    if (!skipping()) {
      Sql.prepare(c, release).execute();
    }
  }

  /** Undoes what was done since {@link #open} and closes the savepoint. */
  public void rollback(Connection c) throws SQLException {
    if (skipping()) {
      throw new Abandoned();
    }
    Sql.prepare(c, rollback).execute();
    Sql.prepare(c, release).execute();
  }

  static boolean skipping() {
    return SKIPPING.get()[0];
  }

  /** The writer's thread runs its next jobs without ({@code true}) or with real savepoints. */
  static void skip(boolean on) {
    SKIPPING.get()[0] = on;
  }

  /** A rollback was asked for while savepoints were skipped: the writer undoes the batch and runs it again, carefully. */
  public static final class Abandoned extends RuntimeException {
    Abandoned() {
      super("a savepoint was rolled back during an optimistic batch", null, false, false);
    }
  }
}
