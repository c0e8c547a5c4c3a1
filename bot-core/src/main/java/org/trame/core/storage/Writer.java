package org.trame.core.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The one writer. Jobs queue up; the writer thread takes every job waiting when a transaction
 * starts, runs them, commits once, and only then completes each job's future. This is group
 * commit: full durability at the cost of one fsync per batch rather than per turn. One failing
 * job never takes its neighbours down: each job runs in its own savepoint, on SQLite and
 * PostgreSQL alike (see {@link GroupTransaction}).
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

  private static final int MAX_BATCH = 500;
  /** How long a transaction takes in jobs queued after it started, before it commits anyway. */
  private static final long LATE_JOIN_NANOS = 2_000_000;
  /** How long the writer stays awake for the next job after a batch. */
  private static final long AWAKE_NANOS = 100_000;
  /**
   * How long the writer's thread leaves the job at the head of the queue to its submitter, who may
   * be about to wait for it and then runs it without a hand-over (see {@link #help}); a job nobody
   * waits for starts this much later.
   */
  private static final long HELP_WINDOW_NANOS = 20_000;

  private final long lateJoinNanos;
  private final long helpWindowNanos;
  private final BlockingQueue<WriterJob<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  /** Held by whichever thread runs a batch: the writer's own, or a caller waiting for its job. */
  private final ReentrantLock running = new ReentrantLock();
  /** The writer's thread is parked until a job is queued. */
  private volatile boolean sleeping;
  /** Whether callers waiting for their jobs run batches (SQLite; PostgreSQL retries races on the writer's thread). */
  private final boolean helped;
  private final GroupTransaction transaction;
  private volatile boolean closing;
  /**
   * The writer's thread has stopped: no caller runs a batch any more, and what is queued is
   * refused (by the thread, or by a submitter whose job came after its last look at the queue).
   */
  private volatile boolean stopped;
  /** The writer was asked to stop: what was queued before is done, nothing after it joins. */
  private boolean poisoned;

  public Writer(Database database) {
    this(database, LATE_JOIN_NANOS);
  }

  /** With another late-join window: tests set a long one, so that what they prove does not hang on timing. */
  Writer(Database database, long lateJoinNanos) {
    this(database, lateJoinNanos, HELP_WINDOW_NANOS);
  }

  /** With other windows: tests set long ones, so that what they prove does not hang on timing. */
  Writer(Database database, long lateJoinNanos, long helpWindowNanos) {
    this.lateJoinNanos = lateJoinNanos;
    this.helpWindowNanos = helpWindowNanos;
    this.helped = database.dialect() == Database.Dialect.SQLITE;
    this.transaction = new GroupTransaction(database, this::joinLate);
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
    WriterJob<T> job = new WriterJob<>(transaction.guarded(work), afterCommit, new Awaited<>());
    if (closing) {
      job.future.completeExceptionally(new IllegalStateException("the writer is closed"));
      return job.future;
    }
    enqueue(job);
    if (stopped) {
      refuseQueued(); // queued as the writer stopped, perhaps after its last look at the queue
    }
    return job.future;
  }

  /** Queues {@code job} and wakes the writer's thread if it sleeps. */
  private void enqueue(WriterJob<?> job) {
    queue.add(job);
    if (sleeping) {
      LockSupport.unpark(thread);
    }
  }

  /**
   * Adds housekeeping run inside every group transaction, before its commit (e.g. marking outbox
   * rows sent), so that it rides on commits that happen anyway instead of costing its own fsync.
   */
  public void everyBatch(Work<?> work) {
    transaction.everyBatch(work);
  }

  /**
   * Called from a job's work (on the thread running its batch): once the batch is committed, and
   * before its jobs complete, SQLite's write-ahead log is checkpointed and truncated, so that what
   * the job deleted leaves the log's bytes too (with {@code secure_delete} on every connection, it
   * leaves the database file's as well). For erasures: rare, and worth a checkpoint. A no-op on
   * PostgreSQL.
   */
  public static void truncateLogAfterCommit() {
    GroupTransaction.truncateLogAfterCommit();
  }

  private void loop() {
    try {
      runBatches();
    } finally {
      // However the loop ended, no caller runs a batch any more and nothing queued waits forever.
      running.lock();
      try {
        stopped = true;
        transaction.closeConnection();
      } finally {
        running.unlock();
      }
      refuseQueued();
    }
  }

  /** Runs batches until the writer is asked to stop. */
  private void runBatches() {
    List<WriterJob<?>> batch = new ArrayList<>();
    while (true) {
      // Jobs deferred after losing a race (PostgreSQL) run first, at once. Only this thread touches
      // them: callers never run batches on PostgreSQL.
      if (!transaction.hasDeferred()) {
        awaitJobs();
        if (helped && leftToCaller()) {
          continue;
        }
      }
      running.lock();
      try {
        transaction.takeDeferred(batch);
        queue.drainTo(batch, Math.max(0, MAX_BATCH - batch.size()));
        poisoned = batch.removeIf(WriterJob::isPoison);
        if (!batch.isEmpty()) {
          transaction.run(batch);
          batch.clear();
        }
        if (poisoned) {
          // Jobs that lost a race still run before the writer stops (each a bounded number of times).
          while (transaction.hasDeferred()) {
            transaction.takeDeferred(batch);
            transaction.run(batch);
            batch.clear();
          }
          return;
        }
      } finally {
        running.unlock();
      }
    }
  }

  /** Fails what is still queued once the writer's thread has finished: never silently dropped. */
  private void refuseQueued() {
    List<WriterJob<?>> rest = new ArrayList<>();
    queue.drainTo(rest);
    for (WriterJob<?> job : rest) {
      job.future.completeExceptionally(new IllegalStateException("the writer is closed"));
    }
  }

  /**
   * Waits until a job is queued, briefly awake before sleeping: a caller who waits for each commit
   * sends its next event within microseconds, and waking a sleeping thread costs more than that
   * (on a virtual machine, an interrupt between cores). Only {@link #close} stops the writer: an
   * interrupt left by a job's work is cleared, not taken as a stop.
   */
  private void awaitJobs() {
    long until = System.nanoTime() + AWAKE_NANOS;
    while (queue.isEmpty() && System.nanoTime() < until) {
      // Yielding, not spinning: on two cores the caller and the outbox sender, both just woken
      // by the commit, need the core more than this thread does.
      Thread.yield();
    }
    while (queue.isEmpty()) {
      sleeping = true;
      if (queue.isEmpty()) {
        LockSupport.park(this);
      }
      sleeping = false;
      Thread.interrupted();
    }
  }

  /**
   * Leaves the job at the head of the queue for a moment to its submitter, who may be about to
   * wait for it and run it (see {@link #help}); true when a caller took it meanwhile. Jobs leave
   * the queue only into a running batch, so batches keep the order in which jobs were queued.
   */
  private boolean leftToCaller() {
    WriterJob<?> head = queue.peek();
    if (head == null || head.isPoison() || closing) {
      return false;
    }
    long until = System.nanoTime() + helpWindowNanos;
    while (queue.peek() == head && System.nanoTime() < until) {
      Thread.yield();
    }
    return queue.peek() != head;
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
      queue.drainTo(batch, MAX_BATCH);
      poisoned = batch.removeIf(WriterJob::isPoison);
      if (!batch.isEmpty()) {
        transaction.run(batch);
      }
    } finally {
      if (poisoned) {
        // The writer was asked to stop while this caller ran: its own thread stops, as asked.
        poisoned = false;
        enqueue(WriterJob.poison());
      }
      running.unlock();
    }
  }

  /**
   * A job's future: a caller waiting on it first runs the batch when the writer is free (see
   * {@link #help}); one waiting with a timeout may then wait longer, for the batch it runs.
   */
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
    queue.drainTo(batch, MAX_BATCH - before);
    List<WriterJob<?>> joined = batch.subList(before, batch.size());
    poisoned = joined.removeIf(WriterJob::isPoison);
    return !joined.isEmpty();
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

  /** Finishes the jobs already queued, then stops; a second caller returns once the writer has stopped. */
  @Override
  public synchronized void close() {
    if (closing) {
      return;
    }
    closing = true;
    enqueue(WriterJob.poison());
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
