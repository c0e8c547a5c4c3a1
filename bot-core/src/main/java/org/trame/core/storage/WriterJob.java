package org.trame.core.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One unit of work queued for the {@link Writer}: its work, its outcome, and its future, completed after the commit. */
final class WriterJob<T> {
  private static final Logger log = LoggerFactory.getLogger(WriterJob.class);
  private static final NamedSavepoint JOB = new NamedSavepoint("job");
  final Writer.Work<T> work;
  final Consumer<T> afterCommit;
  final CompletableFuture<T> future;
  T result;
  Throwable failure;
  int attempts;

  WriterJob(Writer.Work<T> work, Consumer<T> afterCommit) {
    this(work, afterCommit, new CompletableFuture<>());
  }

  /** With the future its submitter gets back (one that helps the writer while waited on). */
  WriterJob(Writer.Work<T> work, Consumer<T> afterCommit, CompletableFuture<T> future) {
    this.work = work;
    this.afterCommit = afterCommit;
    this.future = future;
  }

  static WriterJob<Void> poison() {
    return new WriterJob<>(null, null);
  }

  boolean isPoison() {
    return work == null;
  }

  /** Runs the work in its own savepoint: when it fails, what it did is undone and the rest of the batch is kept. */
  void runIn(Connection c) {
    attempts++;
    boolean opened = false;
    try {
      JOB.open(c);
      opened = true;
      result = work.run(c);
      JOB.release(c);
    } catch (Throwable e) {
      failure = e;
      if (opened) {
        try {
          JOB.rollback(c);
        } catch (SQLException rollbackFailure) {
          e.addSuppressed(rollbackFailure);
        }
      }
    }
  }

  void complete() {
    if (failure != null) {
      future.completeExceptionally(failure);
      return;
    }
    if (afterCommit != null) {
      try {
        afterCommit.accept(result);
      } catch (RuntimeException | Error e) {
        // The commit stands and the other jobs of the batch still complete, whatever this step threw.
        log.warn("after-commit step failed: {}", e.toString());
      }
    }
    future.complete(result);
  }
}
