package org.trame.core.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one batch of the {@link Writer} becomes one transaction on the one connection, the same on
 * SQLite and PostgreSQL: each job in its own savepoint (a failing one undone alone, its neighbours
 * kept), jobs queued meanwhile joining before the commit, housekeeping, one commit, then each job
 * completed. A failure of the file itself (SQLite) refuses the whole batch; on PostgreSQL, jobs
 * that lost a race with another process are deferred to the next batch. Whoever runs a batch (the
 * writer's thread or a waiting caller) holds the writer's lock, so one thread at a time uses this.
 */
final class GroupTransaction {

  /** Jobs queued while a batch runs, taken into it before its commit; true when some joined. */
  @FunctionalInterface
  interface LateJobs {
    boolean joinInto(List<WriterJob<?>> batch, long started);
  }

  private static final Logger log = LoggerFactory.getLogger(GroupTransaction.class);
  /**
   * Set by a job (on the thread running its batch) whose deletions must leave the write-ahead log
   * too: see {@link Writer#truncateLogAfterCommit()}.
   */
  private static final ThreadLocal<Boolean> TRUNCATE_LOG = ThreadLocal.withInitial(() -> false);
  /** How many times a job that lost a race with another process (PostgreSQL) is run again. */
  private static final int MOST_ATTEMPTS = 5;

  private final Database database;
  private final LateJobs late;
  private final List<Writer.Work<?>> everyBatch = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** Jobs that lost a race with another process: run again in the next transaction, first. */
  private final List<WriterJob<?>> deferred = new ArrayList<>();
  private Connection connection;
  /** SQLite undid the group transaction by itself (it does on a full disk or an I/O error). */
  private boolean transactionLost;
  /** The first failure of the file itself in this connection's current transaction. */
  private Throwable fault;

  GroupTransaction(Database database, LateJobs late) {
    this.database = database;
    this.late = late;
  }

  /** Housekeeping run inside every transaction, before its commit. */
  void everyBatch(Writer.Work<?> work) {
    everyBatch.add(work);
  }

  /** Whether jobs that lost a race wait for the next transaction. */
  boolean hasDeferred() {
    return !deferred.isEmpty();
  }

  /** Moves the jobs that lost a race into {@code batch}, first. */
  void takeDeferred(List<WriterJob<?>> batch) {
    batch.addAll(deferred);
    deferred.clear();
  }

  /**
   * {@code work}, not run once SQLite has undone the group transaction (it would then commit on its
   * own, outside the batch), and noting a failure of the file itself for the operator's message.
   */
  <T> Writer.Work<T> guarded(Writer.Work<T> work) {
    return c -> {
      if (fault != null) {
        // The file failed an earlier event of this batch: say the same, rather than what a half-run statement would.
        throw (Exception) StorageFaults.explain(fault, database.file());
      }
      if (transactionLost) {
        throw new StorageException("not run: the database " + database.file() + " undid the transaction before this event", null);
      }
      try {
        return work.run(c);
      } catch (Exception e) {
        if (fault == null && StorageFaults.isFault(e)) {
          fault = e;
        }
        throw e;
      }
    };
  }

  /**
   * Runs {@code batch} as one transaction and completes each job after the commit; when the file
   * itself fails, nothing of the batch is kept and every job fails with the reason.
   */
  void run(List<WriterJob<?>> batch) {
    TRUNCATE_LOG.set(false);
    Connection c;
    try {
      c = connection();
    } catch (SQLException e) {
      StorageException failure = new StorageException("cannot open the database " + database.name() + ": " + e.getMessage(), e);
      log.error("{}", failure.getMessage());
      batch.forEach(job -> job.future.completeExceptionally(failure));
      return;
    }
    long started = System.nanoTime();
    // A doomed transaction takes no late jobs: they wait for the next one, on a fresh connection.
    for (int i = 0; i < batch.size() || (!doomed() && late.joinInto(batch, started)); i++) {
      batch.get(i).runIn(c);
    }
    if (doomed()) {
      failBatch(c, batch, new SQLException("SQLite undid the transaction or could not write it (a full disk or an I/O error)"));
      return;
    }
    if (database.dialect() == Database.Dialect.POSTGRESQL) {
      deferRaceLosers(batch);
    }
    for (Writer.Work<?> housekeeping : everyBatch) {
      WriterJob<?> job = new WriterJob<>(housekeeping, null);
      job.runIn(c);
      if (job.failure != null) {
        log.warn("housekeeping in the group transaction failed: {}", job.failure.toString());
      }
    }
    try {
      if (transactionLost) {
        // Committing now would keep the jobs that ran after SQLite's own rollback and lose the rest.
        throw new SQLException("SQLite undid the transaction (a full disk or an I/O error)");
      }
      c.commit();
    } catch (SQLException e) {
      failBatch(c, batch, e);
      return;
    }
    if (TRUNCATE_LOG.get()) {
      TRUNCATE_LOG.set(false);
      truncateLog(c);
    }
    boolean fileAtFault = false;
    for (WriterJob<?> job : batch) {
      if (job.failure != null && StorageFaults.isFault(job.failure)) {
        // The file, not the event, failed: say so once, in words an operator can act on.
        job.failure = StorageFaults.explain(job.failure, database.file());
        if (!fileAtFault) {
          log.error("{}", job.failure.getMessage());
        }
        fileAtFault = true;
      }
      job.complete();
    }
    if (fileAtFault) {
      closeConnection(); // a fresh connection for the next batch: no statement left half-run, recovery once fixed
    }
  }

  /** Asks the batch running on this thread to checkpoint and truncate the write-ahead log once committed. */
  static void truncateLogAfterCommit() {
    TRUNCATE_LOG.set(true);
  }

  /**
   * SQLite: copies the committed log into the database file and truncates the log to zero bytes, so
   * that no frame of it still holds what the batch deleted (old frames stay in the file until
   * overwritten otherwise). Outside any transaction: the commit has just ended the batch's, and the
   * driver's next one has read nothing yet. It waits (the busy timeout) for readers of older
   * snapshots; a failure or a reader that stays is logged, and the log is truncated at the next
   * request or when the last connection closes.
   */
  private void truncateLog(Connection c) {
    if (database.dialect() != Database.Dialect.SQLITE) {
      return;
    }
    try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
      if (rs.next() && rs.getInt(1) != 0) {
        log.warn("the write-ahead log could not be truncated after an erasure: a reader held it; it will be at the next checkpoint");
      }
    } catch (SQLException e) {
      log.warn("the write-ahead log could not be truncated after an erasure: {}", e.getMessage());
    }
  }

  /** Undoes the batch and fails every job of it: the file, not the events, is at fault. */
  private void failBatch(Connection c, List<WriterJob<?>> batch, SQLException e) {
    Throwable explained = StorageFaults.explain(fault != null ? fault : e, database.file());
    StorageException failure = explained instanceof StorageException se ? se : new StorageException("cannot commit to the database "
        + database.name() + ", nothing of " + batch.size() + " events was saved (is the disk full or the file read-only?): " + e.getMessage(), e);
    log.error("{}", failure.getMessage());
    rollbackQuietly(c);
    closeConnection(); // the next batch reopens: recovery once the operator fixes the cause
    batch.forEach(job -> job.future.completeExceptionally(failure));
  }

  /**
   * Whether the file itself failed in this transaction (SQLite undid it, or a write could not be
   * made): committing would keep some events and silently lose others, so none is kept.
   */
  private boolean doomed() {
    return transactionLost || fault != null;
  }

  /**
   * PostgreSQL: a job that failed because another process held what it needed (a deadlock, a
   * serialization failure, or a row another process inserted first, such as the member both
   * processes met at once) is not a failure of the job. It leaves this batch and runs again first
   * in the next, once this transaction's commit has released this process's locks.
   */
  private void deferRaceLosers(List<WriterJob<?>> batch) {
    for (java.util.Iterator<WriterJob<?>> it = batch.iterator(); it.hasNext(); ) {
      WriterJob<?> job = it.next();
      if (job.failure != null && job.attempts < MOST_ATTEMPTS && Writer.lostRace(job.failure)) {
        log.debug("a job lost a race with another process ({}); it runs again", job.failure.toString());
        job.failure = null;
        job.result = null;
        deferred.add(job);
        it.remove();
      }
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      Connection c = database.connect();
      c.setAutoCommit(false);
      if (database.dialect() == Database.Dialect.SQLITE) {
        c.unwrap(org.sqlite.SQLiteConnection.class).addCommitListener(new org.sqlite.SQLiteCommitListener() {
          @Override
          public void onCommit() {
          }

          @Override
          public void onRollback() {
            transactionLost = true; // the writer itself rolls back only to close the connection
          }
        });
      }
      connection = c;
    }
    return connection;
  }

  private void rollbackQuietly(Connection c) {
    if (transactionLost) {
      return; // SQLite already rolled back: there is nothing left to undo
    }
    try {
      c.rollback();
    } catch (SQLException e) {
      log.warn("rollback failed: {}", e.getMessage());
    }
  }

  /** Closes the connection (the next batch opens a new one). */
  void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        log.warn("closing the writer connection failed: {}", e.getMessage());
      }
      connection = null;
    }
    transactionLost = false;
    fault = null;
  }
}
