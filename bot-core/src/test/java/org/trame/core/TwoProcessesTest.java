package org.trame.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.OutboundMessage;
import org.trame.core.storage.LocalPostgres;

/**
 * Two bot processes on one PostgreSQL (each its own core, pool and writer), receiving one stream
 * of events split and duplicated between them, as a load balancer and a platform's retries do.
 */
class TwoProcessesTest {

  @TempDir
  Path dir;
  TestBot a;
  TestBot b;

  /** A whole stakes questionnaire and its confirmation, as StakesFlowTest answers it. */
  static final List<String> QUESTIONNAIRE = List.of("/stakes", "We want our association to weigh more in advocacy.", "3",
      "Visibility for our advocacy work.", "2", "skip", "No funding from arms makers", "1", "1,3", "1", "2", "1",
      "Facilitation, evaluation", "1", "skip", "4", "1", "yes");

  @AfterEach
  void stop() {
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
  }

  @Test
  @DisplayName("two processes sharing a stream split and duplicated: every answer stored once, every message sent once, every questionnaire done")
  void splitAndDuplicated() throws Exception {
    // given two processes on one database, and eight members answering the questionnaire at once,
    // each of their events sent to one process, the other, or both together
    String url = LocalPostgres.require().newDatabase();
    a = TestBot.onPostgresql(dir, url, Clock.systemUTC());
    b = TestBot.onPostgresql(dir, url, Clock.systemUTC());
    List<String> members = List.of("alice", "bob", "carol", "dan", "eve", "fanny", "gael", "hugo");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> runs = new ArrayList<>();
    for (String member : members) {
      runs.add(pool.submit(() -> converse(member, new Random(member.hashCode()))));
    }
    int events = 0;
    for (Future<Integer> run : runs) {
      events += run.get();
    }
    pool.shutdown();
    assertTrue(a.trame().awaitSent(Duration.ofSeconds(20)) && b.trame().awaitSent(Duration.ofSeconds(20)));

    // then each event was handled once
    assertEquals(List.of(String.valueOf(events)), a.rows("SELECT COUNT(*) FROM inbound_event"));
    // and every answer is stored once, every questionnaire ended
    assertEquals(List.of(String.valueOf(members.size() * 9)), a.rows("SELECT COUNT(*) FROM stakes_answer WHERE version = 1"));
    assertEquals(List.of(), a.rows("SELECT member_id, question FROM stakes_answer GROUP BY member_id, question HAVING COUNT(*) > 1"));
    assertEquals(List.of(members.size() + "|done"), a.rows("SELECT COUNT(*), MAX(status) FROM conversation WHERE flow = 'stakes'"));
    assertEquals(List.of("0"), a.rows("SELECT COUNT(*) FROM conversation WHERE status <> 'done'"));
    // and every message written was sent, by one process, once
    List<Long> sent = new ArrayList<>();
    a.sent.forEach(m -> sent.add(m.id()));
    b.sent.forEach(m -> sent.add(m.id()));
    Set<Long> distinct = new HashSet<>(sent);
    assertEquals(sent.size(), distinct.size(), "a message was sent twice");
    assertEquals(List.of(String.valueOf(sent.size())), a.rows("SELECT COUNT(*) FROM outbox"));
    assertTrue(!a.sent.isEmpty() && !b.sent.isEmpty(), "both processes served the collective");
  }

  @Test
  @DisplayName("a round's reminders and its closing fire once when two processes tick at the same moment")
  void scheduledOnce() throws Exception {
    // given two processes on one database and one clock, and a round carol opened through the first
    String url = LocalPostgres.require().newDatabase();
    MutableClock clock = new MutableClock(java.time.Instant.parse("2026-03-02T09:00:00Z"));
    a = TestBot.onPostgresql(dir, url, clock, "carol");
    b = TestBot.onPostgresql(dir, url, clock, "carol");
    for (String m : List.of("alice", "bob", "carol", "dan")) {
      (m.hashCode() % 2 == 0 ? a : b).command(m, "lang en");
    }
    assertTrue(TestBot.joined(a.command("carol", "stakes round")).contains("4 members invited privately"));
    // when the reminder time and then the deadline pass, and both processes tick together, again and again
    List<OutboundMessage> fired = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (Duration step : List.of(Duration.ofHours(49), Duration.ofDays(6))) {
      clock.advance(step);
      for (int i = 0; i < 3; i++) {
        CompletableFuture<List<OutboundMessage>> fromA = a.trame().tick();
        CompletableFuture<List<OutboundMessage>> fromB = b.trame().tick();
        fired.addAll(fromA.join());
        fired.addAll(fromB.join());
      }
    }
    // then each silent member got one reminder, and the channel one synthesis
    List<String> reminded = fired.stream().filter(m -> m.text().startsWith("A gentle reminder"))
        .map(m -> m.audience().id()).sorted().toList();
    assertEquals(List.of("alice", "bob", "carol", "dan"), reminded);
    assertEquals(1, fired.stream().filter(m -> !m.audience().isPrivate()).count(), "one synthesis in the channel");
  }

  /** One member's questionnaire, each event to a, b or both; returns the number of distinct events. */
  private int converse(String member, Random random) {
    int n = 0;
    for (String line : QUESTIONNAIRE) {
      String id = member + "-" + n++;
      InboundEvent event = line.startsWith("/")
          ? InboundEvent.command(id, TestBot.PLATFORM, TestBot.COLLECTIVE, member, line.substring(1))
          : InboundEvent.text(id, TestBot.PLATFORM, TestBot.COLLECTIVE, member, line);
      int where = random.nextInt(3);
      List<CompletableFuture<Handled>> handled = new ArrayList<>();
      if (where != 1) {
        handled.add(a.trame().handle(event));
      }
      if (where != 0) {
        handled.add(b.trame().handle(event));
      }
      long fresh = handled.stream().map(CompletableFuture::join).filter(h -> h.outcome() != Handled.Outcome.DUPLICATE).count();
      assertEquals(1, fresh, member + "'s event " + id + " handled " + fresh + " times");
    }
    return n;
  }
}
