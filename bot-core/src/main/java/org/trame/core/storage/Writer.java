package org.trame.core.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer. Jobs queue up; the writer thread takes every job waiting when a transaction
 * starts, runs them, commits once, and only then completes each job's future. This is group
 * commit: full durability at the cost of one fsync per batch rather than per turn. One failing
 * job never takes its neighbours down: on SQLite the batch first runs without savepoints and, at
 * a failure, runs again with one per job; on PostgreSQL each job always has its own.
 *
 * <p>On SQLite a caller who waits for its job's future ({@code join}, {@code get}) runs the batch
 * itself when none is running, instead of sleeping while the writer's thread wakes up, runs it
 * and wakes the caller again: two thread hand-overs saved on a caller's every turn. Batches
 * still run one at a time, under one lock, in the order their jobs were queued.
 */
public final class Writer implements AutoCloseable {

  /** A unit of work run inside the group transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws Exception;
  }

  private static final Logger log = LoggerFactory.getLogger(Writer.class);
  private static final int MAX_BATCH = 500;
  /** How long a transaction takes in jobs queued after it started, before it commits anyway. */
  private static final long LATE_JOIN_NANOS = 2_000_000;
  /** How long the writer stays awake for the next job after a batch. */
  private static final long AWAKE_NANOS = 100_000;
  /**
   * How long the writer's thread leaves a job it took to its submitter, who may be about to wait
   * for it and then runs it without a hand-over (see {@link #help}); an unawaited job waits this
   * much longer.
   */
  private static final long HELP_WINDOW_NANOS = 20_000;
  /** How many times a job that lost a race with another process (PostgreSQL) is run again. */
  private static final int MOST_ATTEMPTS = 5;

  private final Database database;
  private final long lateJoinNanos;
  private final long helpWindowNanos;
  private final BlockingQueue<WriterJob<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  /** Held by whichever thread runs a batch: the writer's own, or a caller waiting for its job. */
  private final ReentrantLock running = new ReentrantLock();
  /** The job the writer's thread took from the queue and left to a waiting caller for a moment. */
  private final AtomicReference<WriterJob<?>> inHand = new AtomicReference<>();
  /** Whether callers waiting for their jobs run batches (SQLite; PostgreSQL retries races on the writer's thread). */
  private final boolean helped;
  private final List<Work<?>> everyBatch = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile boolean closing;
  private Connection connection;
  /** Jobs that lost a race with another process: run again in the next transaction, first. */
  private final List<WriterJob<?>> again = new ArrayList<>();
  /** The writer's thread has stopped and closed the connection: no caller runs a batch any more. */
  private boolean stopped;
  /** The writer was asked to stop: what was queued before is done, nothing after it joins. */
  private boolean poisoned;
  /** SQLite undid the group transaction by itself (it does on a full disk or an I/O error). */
  private boolean transactionLost;
  /** The first failure of the file itself in this connection's current transaction. */
  private Throwable fault;

  public Writer(Database database) {
    this(database, LATE_JOIN_NANOS);
  }

  /** With another late-join window: tests set a long one, so that what they prove does not hang on timing. */
  Writer(Database database, long lateJoinNanos) {
    this(database, lateJoinNanos, HELP_WINDOW_NANOS);
  }

  /** With other windows: tests set long ones, so that what they prove does not hang on timing. */
  Writer(Database database, long lateJoinNanos, long helpWindowNanos) {
    this.database = database;
    this.lateJoinNanos = lateJoinNanos;
    this.helpWindowNanos = helpWindowNanos;
    this.helped = database.dialect() == Database.Dialect.SQLITE;
    this.thread = new Thread(this::loop, "trame-writer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Queues {@code work}; the future completes after the transaction holding it is committed. */
  public <T> CompletableFuture<T> submit(Work<T> work) {
    return submit(work, null);
  }

  /**
   * Queues {@code work}; {@code afterCommit} runs right after the commit, in commit order, before
   * the future completes (e.g. to hand outbox rows to the sender in order), on the thread that ran
   * the batch: the writer's, or a caller's waiting for its own job.
   */
  public <T> CompletableFuture<T> submit(Work<T> work, Consumer<T> afterCommit) {
    WriterJob<T> job = new WriterJob<>(guarded(work), afterCommit, new Awaited<>());
    if (closing) {
      job.future.completeExceptionally(new IllegalStateException("the writer is closed"));
      return job.future;
    }
    queue.add(job);
    return job.future;
  }

  /**
   * {@code work}, not run once SQLite has undone the group transaction (it would then commit on its
   * own, outside the batch), and noting a failure of the file itself for the operator's message.
   */
  private <T> Work<T> guarded(Work<T> work) {
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
   * Adds housekeeping run inside every group transaction, before its commit (e.g. marking outbox
   * rows sent), so that it rides on commits that happen anyway instead of costing its own fsync.
   */
  public void everyBatch(Work<?> work) {
    everyBatch.add(work);
  }

  private void loop() {
    List<WriterJob<?>> batch = new ArrayList<>();
    while (true) {
      WriterJob<?> first;
      try {
        first = again.isEmpty() ? nextJob() : null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (first != null && first.isPoison()) {
        break;
      }
      if (first != null && helped) {
        first = offerToCaller(first);
        if (first == null) {
          continue; // its caller ran it
        }
      } else {
        running.lock();
      }
      try {
        if (first != null) {
          batch.add(first);
        } else {
          batch.addAll(again);
          again.clear();
        }
        queue.drainTo(batch, Math.max(0, MAX_BATCH - batch.size()));
        poisoned = batch.removeIf(WriterJob::isPoison);
        runBatch(batch);
        batch.clear();
        if (poisoned) {
          // Jobs that lost a race still run before the writer stops (each a bounded number of times).
          while (!again.isEmpty()) {
            batch.addAll(again);
            again.clear();
            runBatch(batch);
            batch.clear();
          }
          break;
        }
      } finally {
        running.unlock();
      }
    }
    running.lock();
    try {
      stopped = true;
      closeConnection();
    } finally {
      running.unlock();
    }
    // Anything still queued after close is failed, never silently dropped.
    List<WriterJob<?>> rest = new ArrayList<>();
    queue.drainTo(rest);
    for (WriterJob<?> job : rest) {
      job.future.completeExceptionally(new IllegalStateException("the writer is closed"));
    }
  }

  /**
   * The next job, waited for briefly awake before sleeping: a caller who waits for each commit
   * sends its next event within microseconds, and waking a sleeping thread costs more than that
   * (on a virtual machine, an interrupt between cores).
   */
  private WriterJob<?> nextJob() throws InterruptedException {
    WriterJob<?> job = queue.poll();
    if (job == null) {
      long until = System.nanoTime() + AWAKE_NANOS;
      while ((job = queue.poll()) == null && System.nanoTime() < until) {
        // Yielding, not spinning: on two cores the caller and the outbox sender, both just woken
        // by the commit, need the core more than this thread does.
        Thread.yield();
      }
    }
    return job != null ? job : queue.take();
  }

  /**
   * Leaves {@code job} for a moment to a caller who may wait for it (see {@link #help}), then
   * takes the batch lock: returns the job to run, lock held, or null (lock not held) when a
   * caller took it.
   */
  private WriterJob<?> offerToCaller(WriterJob<?> job) {
    inHand.set(job);
    long until = System.nanoTime() + helpWindowNanos;
    while (inHand.get() != null && System.nanoTime() < until) {
      Thread.yield();
    }
    if (inHand.get() == null) {
      return null;
    }
    running.lock();
    WriterJob<?> still = inHand.getAndSet(null);
    if (still == null) {
      running.unlock();
    }
    return still;
  }

  /**
   * A caller about to wait for its job: when no batch runs, it runs the waiting jobs as one batch
   * on its own thread. It never runs one inside a batch (a job that waits for another job).
   */
  private void help() {
    if (!helped || closing || running.isHeldByCurrentThread() || !running.tryLock()) {
      return;
    }
    try {
      if (stopped) {
        return;
      }
      List<WriterJob<?>> batch = new ArrayList<>();
      takeInHand(batch);
      queue.drainTo(batch, MAX_BATCH - batch.size());
      poisoned = batch.removeIf(WriterJob::isPoison);
      if (!batch.isEmpty()) {
        runBatch(batch);
      }
      if (poisoned) {
        // The writer was asked to stop while this caller ran: its own thread stops, as asked.
        poisoned = false;
        queue.add(WriterJob.poison());
      }
    } finally {
      running.unlock();
    }
  }

  /** Adds the job the writer's thread left for a caller, queued before any still in the queue. */
  private void takeInHand(List<WriterJob<?>> batch) {
    WriterJob<?> handed = inHand.getAndSet(null);
    if (handed != null) {
      batch.add(handed);
    }
  }

  /** A job's future: a caller waiting on it first runs the batch when the writer is free (see {@link #help}). */
  private final class Awaited<T> extends CompletableFuture<T> {
    @Override
    public T join() {
      if (!isDone()) {
        help();
      }
      return super.join();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
      if (!isDone()) {
        help();
      }
      return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
      if (!isDone()) {
        help();
      }
      return super.get(timeout, unit);
    }
  }

  private void runBatch(List<WriterJob<?>> batch) {
    Connection c;
    try {
      c = connection();
    } catch (SQLException e) {
      StorageException failure = new StorageException("cannot open the database " + database.name() + ": " + e.getMessage(), e);
      log.error("{}", failure.getMessage());
      batch.forEach(job -> job.future.completeExceptionally(failure));
      return;
    }
    boolean sqlite = database.dialect() == Database.Dialect.SQLITE;
    if (!sqlite || !runWithoutSavepoints(c, batch)) {
      if (sqlite) {
        c = undoAttempt(c, batch);
        if (c == null) {
          return;
        }
      }
      for (WriterJob<?> job : batch) {
        job.runIn(c);
      }
    }
    if (database.dialect() == Database.Dialect.POSTGRESQL) {
      deferRaceLosers(batch);
    }
    for (Work<?> housekeeping : everyBatch) {
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
   * SQLite: runs the batch with no savepoint at all (a turn's two savepoints cost four statements,
   * as much as its own writes), which holds as long as no job fails. At the first failure it stops
   * and returns false: the caller undoes the transaction and runs the batch again with a savepoint
   * per job, so that the failing job is undone alone. PostgreSQL never runs so: there a failed
   * statement spoils the whole transaction unless a savepoint was taken before it.
   */
  private boolean runWithoutSavepoints(Connection c, List<WriterJob<?>> batch) {
    long started = System.nanoTime();
    NamedSavepoint.skip(true);
    try {
      for (int i = 0; i < batch.size() || joinLate(batch, started); i++) {
        if (!batch.get(i).runBare(c)) {
          return false;
        }
      }
      return true;
    } finally {
      NamedSavepoint.skip(false);
    }
  }

  /**
   * Jobs queued while the transaction ran join it before its commit (for a little while): a burst
   * of events then costs one fsync rather than one for its first event and one for the rest.
   * True when some joined.
   */
  private boolean joinLate(List<WriterJob<?>> batch, long started) {
    if (poisoned || batch.size() >= MAX_BATCH || System.nanoTime() - started > lateJoinNanos) {
      return false;
    }
    int before = batch.size();
    takeInHand(batch);
    queue.drainTo(batch, MAX_BATCH - batch.size());
    List<WriterJob<?>> joined = batch.subList(before, batch.size());
    poisoned = joined.removeIf(WriterJob::isPoison);
    return !joined.isEmpty();
  }

  /**
   * Undoes a batch that failed without savepoints, for it to run again with them; returns the
   * connection to run it on, or null when the file itself failed (a full disk, an I/O error):
   * then nothing of the batch is kept and every event is refused, to apply when delivered again.
   */
  private Connection undoAttempt(Connection c, List<WriterJob<?>> batch) {
    if (transactionLost || fault != null) {
      failBatch(c, batch, new SQLException("SQLite undid the transaction or could not write it (a full disk or an I/O error)"));
      return null;
    }
    log.debug("a job failed in a group transaction without savepoints; the {} jobs run again with savepoints", batch.size());
    rollbackQuietly(c);
    transactionLost = false; // the writer's own rollback, not one of SQLite's
    batch.forEach(WriterJob::reset);
    return c;
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
      if (job.failure != null && job.attempts < MOST_ATTEMPTS && lostRace(job.failure)) {
        log.debug("a job lost a race with another process ({}); it runs again", job.failure.toString());
        job.failure = null;
        job.result = null;
        again.add(job);
        it.remove();
      }
    }
  }

  /**
   * Whether {@code e} says another process held what the work needed (PostgreSQL: a deadlock, a
   * serialization failure, a unique row it inserted first): work failing so runs again.
   */
  public static boolean lostRace(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if ("40P01".equals(state) || "40001".equals(state) || "23505".equals(state)) {
          return true;
        }
      }
    }
    return false;
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

  private void closeConnection() {
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

  /** Finishes the jobs already queued, then stops. */
  @Override
  public void close() {
    if (closing) {
      return;
    }
    closing = true;
    queue.add(WriterJob.poison());
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
