package org.trame.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("a failing job in a group commit is rolled back alone; its neighbours commit")
  void failingJobIsIsolated() throws Exception {
    Database db = Database.open(dir.resolve("w.db"));
    try (Writer writer = new Writer(db)) {
      CountDownLatch hold = new CountDownLatch(1);
      // Hold the writer so that the next three jobs wait and go into one transaction together.
      writer.submit(c -> {
        hold.await();
        return null;
      });
      List<CompletableFuture<Object>> jobs = new ArrayList<>();
      jobs.add(writer.submit(c -> EventLog.record(c, "a", 1)));
      jobs.add(writer.submit(c -> {
        EventLog.record(c, "b", 1);
        throw new IllegalStateException("boom");
      }));
      jobs.add(writer.submit(c -> EventLog.record(c, "c", 1)));
      hold.countDown();
      assertEquals(true, jobs.get(0).join());
      CompletionException failure = assertThrows(CompletionException.class, () -> jobs.get(1).join());
      assertEquals("boom", failure.getCause().getMessage());
      assertEquals(true, jobs.get(2).join());
    }
    assertEquals("a,c", committed(db));
  }

  /** The events a reader finds committed, in order, comma-separated. */
  private static String committed(Database db) throws Exception {
    try (var c = db.connectReadOnly(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT group_concat(event_id) FROM (SELECT event_id FROM inbound_event ORDER BY event_id)")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  @DisplayName("a job's future completes only after its transaction is committed and visible to readers")
  void completesAfterCommit() throws Exception {
    Database db = Database.open(dir.resolve("w.db"));
    try (Writer writer = new Writer(db)) {
      writer.submit(c -> EventLog.record(c, "x", 1)).join();
      assertEquals("x", committed(db));
    }
  }

  @Test
  @DisplayName("a close requested while a group transaction runs lets it commit, then stops")
  void closeDuringBatch() throws Exception {
    Database db = Database.open(dir.resolve("w.db"));
    Writer writer = new Writer(db);
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Object> busy = held(writer, running, release, "busy");
    running.await();
    Thread closer = new Thread(writer::close);
    closer.start();
    while (closer.getState() != Thread.State.WAITING && closer.getState() != Thread.State.TIMED_WAITING) {
      Thread.onSpinWait();
    }
    release.countDown();
    closer.join();
    assertEquals(true, busy.join());
    assertThrows(CompletionException.class, () -> writer.submit(c -> 1).join());
  }

  @Test
  @DisplayName("work queued after close is refused, not silently dropped")
  void closedWriterRefuses() {
    Database db = Database.open(dir.resolve("w.db"));
    Writer writer = new Writer(db);
    writer.close();
    assertThrows(CompletionException.class, () -> writer.submit(c -> 1).join());
  }

  @Test
  @DisplayName("events queued while a group transaction runs join it: a burst costs one commit")
  void lateJobsJoinTheTransaction() throws Exception {
    Database db = Database.open(dir.resolve("w.db"));
    // A window longer than the test can take: the held job's time counts in it (2 ms in production).
    try (Writer writer = new Writer(db, java.time.Duration.ofSeconds(30).toNanos())) {
      // given a count of the writer's transactions (housekeeping runs once in each)
      java.util.concurrent.atomic.AtomicInteger transactions = new java.util.concurrent.atomic.AtomicInteger();
      writer.everyBatch(c -> transactions.incrementAndGet());
      CountDownLatch running = new CountDownLatch(1);
      CountDownLatch hold = new CountDownLatch(1);
      CompletableFuture<Object> first = held(writer, running, hold, "first");
      running.await();
      int before = transactions.get();

      // when three more events come while the first one's transaction runs
      List<CompletableFuture<Object>> late = new ArrayList<>();
      for (String id : List.of("a", "b", "c")) {
        late.add(writer.submit(c -> EventLog.record(c, id, 1)));
      }
      hold.countDown();

      // then all four are committed by one transaction
      assertEquals(true, first.join());
      late.forEach(f -> assertEquals(true, f.join()));
      assertEquals(before + 1, transactions.get());
    }
  }

  /** A window for waiting callers longer than any test takes: the writer's thread never runs a job a caller could. */
  private static final long CALLERS_ALWAYS_IN_TIME = java.time.Duration.ofSeconds(30).toNanos();

  @Test
  @DisplayName("a caller waiting for its event while the writer is free runs it on its own thread, committed when it returns")
  void waitingCallerRunsItsOwnJob() throws Exception {
    Database db = Database.open(dir.resolve("w.db"));
    try (Writer writer = new Writer(db, 2_000_000, CALLERS_ALWAYS_IN_TIME)) {
      // given a free writer
      // when a caller submits an event and waits for it
      CompletableFuture<String> ran = writer.submit(c -> {
        EventLog.record(c, "mine", 1);
        return Thread.currentThread().getName();
      });
      String thread = ran.join();

      // then its own thread ran it, and the event is committed for every reader
      assertEquals(Thread.currentThread().getName(), thread);
      assertEquals("mine", committed(db));
    }
  }

  @Test
  @DisplayName("a waiting caller runs the events queued before its own first, in their order, in one transaction")
  void waitingCallerKeepsTheQueueOrder() throws Exception {
    Database db = Database.open(dir.resolve("w.db"));
    try (Writer writer = new Writer(db, 2_000_000, CALLERS_ALWAYS_IN_TIME)) {
      java.util.concurrent.atomic.AtomicInteger transactions = new java.util.concurrent.atomic.AtomicInteger();
      writer.everyBatch(c -> transactions.incrementAndGet());
      List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
      // given two events nobody waits for yet (their replies go out in this order)
      CompletableFuture<Object> first = writer.submit(c -> order.add("first"));
      CompletableFuture<Object> second = writer.submit(c -> order.add("second"));

      // when a third one's caller waits for it
      CompletableFuture<Object> third = writer.submit(c -> order.add("third"));
      third.join();

      // then all three ran in the order they came, committed together
      assertEquals(true, first.isDone() && second.isDone());
      assertEquals(List.of("first", "second", "third"), order);
      assertEquals(1, transactions.get());
    }
  }

  @Test
  @DisplayName("a job that waits for another job does not run it inside its own transaction, nor hang when the writer's thread can")
  void aJobWaitingForAnotherIsNotNested() throws Exception {
    Database db = Database.open(dir.resolve("w.db"));
    try (Writer writer = new Writer(db)) {
      // given a caller's job that, inside the transaction, queues another and waits at most a moment for it
      CompletableFuture<String> outer = writer.submit(c -> {
        CompletableFuture<Object> inner = writer.submit(c2 -> EventLog.record(c2, "inner", 1));
        try {
          inner.get(200, java.util.concurrent.TimeUnit.MILLISECONDS);
          return "inner ran inside";
        } catch (java.util.concurrent.TimeoutException notYet) {
          return "inner waits for the next transaction";
        }
      });

      // when the caller waits for it, then the inner job is not run nested, and runs after
      assertEquals("inner waits for the next transaction", outer.join());
      assertEquals(false, writer.submit(c -> EventLog.record(c, "inner", 2)).join());
    }
  }

  @Test
  @DisplayName("a close requested while a waiting caller runs a transaction lets it commit, then stops the writer")
  void closeWhileACallerRuns() throws Exception {
    Database db = Database.open(dir.resolve("w.db"));
    // A late-join window as long: the caller's transaction takes in the writer's stop request too.
    Writer writer = new Writer(db, CALLERS_ALWAYS_IN_TIME, CALLERS_ALWAYS_IN_TIME);
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch hold = new CountDownLatch(1);
    // given a caller running its own event, held inside the transaction
    CompletableFuture<Object> job = held(writer, running, hold, "held");
    CompletableFuture<Object> caller = CompletableFuture.supplyAsync(job::join);
    running.await();

    // when the writer is closed meanwhile (new work refused from then on)
    Thread closing = new Thread(writer::close);
    closing.start();
    while (!writer.submit(c -> 1).isCompletedExceptionally()) {
      Thread.sleep(1);
    }
    hold.countDown();

    // then the held event commits and the writer stops
    assertEquals(true, caller.get(10, java.util.concurrent.TimeUnit.SECONDS));
    closing.join(10_000);
    assertEquals(false, closing.isAlive(), "the writer stopped");
    assertEquals("held", committed(db));
  }

  @Test
  @DisplayName("an after-commit step that throws an error leaves its event committed and the rest of the batch completed")
  void afterCommitErrorIsContained() throws Exception {
    Database db = Database.open(dir.resolve("w.db"));
    try (Writer writer = new Writer(db)) {
      // given two events that wait behind a held one, the first with an after-commit step that throws an error
      CountDownLatch running = new CountDownLatch(1);
      CountDownLatch hold = new CountDownLatch(1);
      CompletableFuture<Object> busy = held(writer, running, hold, "busy");
      running.await();
      CompletableFuture<Object> throwing = writer.submit(c -> EventLog.record(c, "a", 1), done -> {
        throw new AssertionError("a broken after-commit step");
      });
      CompletableFuture<Object> next = writer.submit(c -> EventLog.record(c, "b", 1));

      // when they run
      hold.countDown();

      // then both complete, both are committed, and the writer goes on
      assertEquals(true, busy.join());
      assertEquals(true, throwing.get(10, java.util.concurrent.TimeUnit.SECONDS));
      assertEquals(true, next.get(10, java.util.concurrent.TimeUnit.SECONDS));
      assertEquals(true, writer.submit(c -> EventLog.record(c, "c", 1)).join());
      assertEquals("a,b,busy,c", committed(db));
    }
  }

  /** A job that says when it runs, then waits for {@code release} before it records {@code event}. */
  private static CompletableFuture<Object> held(Writer writer, CountDownLatch running, CountDownLatch release, String event) {
    return writer.submit(c -> {
      running.countDown();
      release.await();
      return EventLog.record(c, event, 1);
    });
  }
}
