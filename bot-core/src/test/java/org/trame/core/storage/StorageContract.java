package org.trame.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.engine.Conversation;
import org.trame.core.port.Audience;
import org.trame.core.port.OutboundMessage;

/**
 * What every storage backend must do, whatever its engine: each backend's test class opens its
 * own database and inherits these tests.
 */
abstract class StorageContract {

  Database db;
  Writer writer;

  /** A new, empty, migrated database of the backend under test. */
  abstract Database open();

  @BeforeEach
  void openDatabase() {
    db = open();
    writer = new Writer(db);
  }

  @AfterEach
  void closeDatabase() {
    writer.close();
    db.close();
  }

  <T> T write(Writer.Work<T> work) {
    return writer.submit(work).join();
  }

  boolean recorded(String event, long at) {
    Boolean fresh = write(c -> EventLog.record(c, event, at));
    return fresh;
  }

  void member(Connection c, String id) throws Exception {
    Members.arrive(c, "console:test", "console", "test", id, id, false, false, 1_000);
  }

  @Test
  @DisplayName("an event delivered twice is recorded once: the second delivery is known as a duplicate")
  void eventDedup() {
    assertTrue(recorded("slack:Ev1", 1));
    assertFalse(recorded("slack:Ev1", 2));
    assertTrue(recorded("slack:Ev2", 3));
  }

  @Test
  @DisplayName("a conversation's step and answers come back as saved, and the member's latest open one is found")
  void conversations() {
    long[] ids = write(c -> {
      member(c, "alice");
      Conversation first = Conversations.create(c, "console:test", "alice", "stakes", 1_000);
      Conversation second = Conversations.create(c, "console:test", "alice", "checkin", 2_000);
      second.state().step = "alignment";
      second.state().answers.put("why", new org.trame.core.engine.Answer("to weigh more in advocacy", "private"));
      Conversations.save(c, second, 3_000);
      return new long[] {first.id(), second.id()};
    });
    Conversation latest = write(c -> Conversations.latestOpen(c, "console:test", "alice"));
    assertEquals(ids[1], latest.id());
    assertEquals("alignment", latest.state().step);
    assertEquals("to weigh more in advocacy", latest.state().answers.get("why").value());
    assertEquals(ids[0], write(c -> Conversations.openIn(c, "console:test", "alice", "stakes")).id());
    assertNull(write(c -> Conversations.latestOpen(c, "console:test", "bob")));
  }

  @Test
  @DisplayName("outbox messages are kept in the order written until marked sent, with ids of 64 bits")
  void outbox() {
    List<OutboundMessage> added = write(c -> {
      member(c, "alice");
      return List.of(
          Outbox.add(c, "console:test", message("first"), 4_102_444_800_000L),
          Outbox.add(c, "console:test", message("second"), 4_102_444_800_001L));
    });
    assertEquals(List.of("first", "second"), write(c -> Outbox.unsent(c, 10)).stream().map(OutboundMessage::text).toList());
    write(c -> {
      Outbox.markSent(c, List.of(added.get(0).id()), 4_102_444_900_000L);
      return null;
    });
    assertEquals(List.of("second"), write(c -> Outbox.unsent(c, 10)).stream().map(OutboundMessage::text).toList());
  }

  @Test
  @DisplayName("a given-up outbox message is no longer waiting, keeps its reason, and is purged after 7 days like sent ones")
  void outboxGivenUp() throws Exception {
    // given two messages, the first of which the platform says can never be delivered
    List<OutboundMessage> added = write(c -> {
      member(c, "alice");
      return List.of(
          Outbox.add(c, "console:test", message("blocked"), 4_102_444_800_000L),
          Outbox.add(c, "console:test", message("next"), 4_102_444_800_001L));
    });
    // when the first is given up
    write(c -> {
      Outbox.markGivenUp(c, added.get(0).id(), "cannot_dm_bot", 4_102_444_800_500L);
      return null;
    });
    // then only the second waits to be sent, and the depth operators see counts it alone
    assertEquals(List.of("next"), write(c -> Outbox.unsent(c, 10)).stream().map(OutboundMessage::text).toList());
    assertEquals(1L, write(c -> Outbox.depthAndOldest(c, 4_102_444_800_600L))[0]);
    try (Connection c = db.connectReadOnly();
         var rs = Sql.query(c, "SELECT given_up_at, last_error, sent_at FROM outbox WHERE id = ?", added.get(0).id()).executeQuery()) {
      assertTrue(rs.next());
      assertEquals(4_102_444_800_500L, rs.getLong(1));
      assertEquals("cannot_dm_bot", rs.getString(2));
      assertNull(rs.getObject(3));
    }
    // and a purge before 7 days keeps it, one after removes it
    assertEquals(0, (int) write(c -> Outbox.purgeSent(c, 4_102_444_800_500L)));
    assertEquals(1, (int) write(c -> Outbox.purgeSent(c, 4_102_444_800_500L + 7 * 86_400_000L + 1)));
    assertEquals(List.of("next"), write(c -> Outbox.unsent(c, 10)).stream().map(OutboundMessage::text).toList());
  }

  @Test
  @DisplayName("a scheduled job is due once its time comes, and never again once done or cancelled")
  void jobs() {
    long[] ids = write(c -> {
      member(c, "alice");
      long remind = Jobs.schedule(c, "console:test", "stakes.remind", 10_000, "{\"round\":1}", 1_000);
      long close = Jobs.schedule(c, "console:test", "stakes.close", 20_000, "{\"round\":1}", 1_000);
      return new long[] {remind, close};
    });
    assertEquals(List.of(), write(c -> Jobs.due(c, 9_999, 10)));
    assertEquals(List.of(ids[0]), write(c -> Jobs.due(c, 10_000, 10)).stream().map(Jobs.Job::id).toList());
    write(c -> {
      Jobs.done(c, ids[0], 10_001);
      Jobs.cancel(c, "console:test", "stakes.close", "{\"round\":1}", 10_002);
      return null;
    });
    assertEquals(List.of(), write(c -> Jobs.due(c, 99_999, 10)));
  }

  @Test
  @DisplayName("a collective's setting is replaced, not duplicated, when set again")
  void settings() {
    write(c -> {
      member(c, "alice");
      Settings.put(c, "console:test", "channel", "#general", "alice", 1_000);
      Settings.put(c, "console:test", "channel", "#coop", "alice", 2_000);
      return null;
    });
    assertEquals("#coop", write(c -> Settings.get(c, "console:test", "channel")).orElseThrow());
  }

  @Test
  @DisplayName("a failing job is rolled back alone: the other jobs of its transaction are kept")
  void failingJobAlone() {
    var ok = writer.submit(c -> EventLog.record(c, "console:ok", 1));
    var bad = writer.submit(c -> {
      EventLog.record(c, "console:bad", 1);
      throw new IllegalStateException("boom");
    });
    assertTrue(ok.join());
    assertTrue(bad.isCompletedExceptionally() || bad.handle((v, e) -> e != null).join());
    assertFalse(recorded("console:ok", 2), "the good job's event was kept");
    assertTrue(recorded("console:bad", 2), "the failed job's event was rolled back");
  }

  @Test
  @DisplayName("in one transaction a failing job is undone alone, and every job's work runs once: there is no second attempt")
  void oneBatchingPath() throws Exception {
    // given the writer busy, so that the next three jobs wait and go into one transaction together
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    var busy = writer.submit(c -> {
      running.countDown();
      release.await();
      return EventLog.record(c, "console:busy", 1);
    });
    running.await();
    AtomicInteger runs = new AtomicInteger();

    // when the middle one of three fails after writing
    var ok = writer.submit(c -> {
      runs.incrementAndGet();
      return EventLog.record(c, "console:a", 1);
    });
    var bad = writer.submit(c -> {
      runs.incrementAndGet();
      EventLog.record(c, "console:b", 1);
      throw new IllegalStateException("boom");
    });
    var alsoOk = writer.submit(c -> {
      runs.incrementAndGet();
      return EventLog.record(c, "console:c", 1);
    });
    release.countDown();

    // then its neighbours are committed, its own write is not, and no work ran twice
    assertTrue(busy.join());
    assertTrue(ok.join());
    assertEquals("boom", assertThrows(CompletionException.class, bad::join).getCause().getMessage());
    assertTrue(alsoOk.join());
    assertEquals(3, runs.get());
    assertFalse(recorded("console:a", 2), "the first neighbour was kept");
    assertFalse(recorded("console:c", 2), "the second neighbour was kept");
    assertTrue(recorded("console:b", 2), "the failed job's write was undone");
  }

  @Test
  @DisplayName("jobs queued while a transaction runs join it before its commit, on every backend")
  void lateJobsJoin() throws Exception {
    // given a writer whose late-join window outlasts the test (2 ms in production), counting its transactions
    writer.close();
    writer = new Writer(db, java.time.Duration.ofSeconds(30).toNanos());
    AtomicInteger transactions = new AtomicInteger();
    writer.everyBatch(c -> transactions.incrementAndGet());
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    var first = writer.submit(c -> {
      running.countDown();
      release.await();
      return EventLog.record(c, "console:first", 1);
    });
    running.await();
    int before = transactions.get();

    // when two more come while the first one's transaction runs
    var a = writer.submit(c -> EventLog.record(c, "console:a", 1));
    var b = writer.submit(c -> EventLog.record(c, "console:b", 1));
    release.countDown();

    // then the three are committed by that one transaction
    assertTrue(first.join());
    assertTrue(a.join());
    assertTrue(b.join());
    assertEquals(before + 1, transactions.get());
  }

  static OutboundMessage message(String text) {
    return new OutboundMessage(0, "console", "test", Audience.member("alice"), text, null, null, null, null, "en");
  }
}
