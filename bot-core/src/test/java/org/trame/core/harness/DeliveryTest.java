package org.trame.core.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.MutableClock;
import org.trame.core.TestBot;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;

/**
 * Platforms deliver at least once: the same event may come again, at the same time from another
 * thread, later, or after the bot restarted. Each must have exactly one effect.
 */
class DeliveryTest {

  @TempDir
  Path dir;
  final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  /** A coordinator opens a check-in; two members answer it while a third fills in the stakes questionnaire. */
  static List<InboundEvent> conversation() {
    List<InboundEvent> events = new ArrayList<>();
    String[][] lines = {
        {"carol", "c", "lang en"}, {"ana", "c", "lang en"}, {"ben", "c", "lang en"}, {"carol", "c", "checkin now"},
        {"dan", "c", "lang en"}, {"dan", "c", "stakes"},
        {"ana", "t", "4"}, {"dan", "t", "To weigh more in regional advocacy"}, {"ben", "t", "5"}, {"ana", "t", "3"},
        {"dan", "t", "3"}, {"ben", "t", "2"}, {"ana", "t", "5"}, {"ben", "t", "1"}, {"ana", "t", "4"}, {"ben", "t", "4"},
        {"dan", "t", "Visibility"}, {"ana", "t", "Share the minutes earlier"}, {"ben", "t", "skip"}, {"ana", "t", "yes"},
        {"dan", "t", "2"}, {"carol", "c", "checkin close"}};
    for (int i = 0; i < lines.length; i++) {
      String[] l = lines[i];
      events.add(l[1].equals("c")
          ? InboundEvent.command("evt-" + i, TestBot.PLATFORM, TestBot.COLLECTIVE, l[0], l[2])
          : InboundEvent.text("evt-" + i, TestBot.PLATFORM, TestBot.COLLECTIVE, l[0], l[2]));
    }
    return events;
  }

  /** What the events left behind: every answer, every conversation's step, every message written. */
  static List<String> effects(TestBot bot) throws Exception {
    List<String> rows = new ArrayList<>();
    rows.addAll(bot.rows("SELECT member_id || '|' || flow || '|' || status || '|' || COALESCE(step, '') || '|' || state"
        + " FROM conversation ORDER BY id"));
    rows.addAll(bot.rows("SELECT member_id || '|' || question || '|' || COALESCE(answer, '') || '|' || sharing FROM stakes_answer ORDER BY id"));
    rows.addAll(bot.rows("SELECT alignment || '|' || engagement || '|' || fairness || '|' || trust || '|' || COALESCE(remark, '')"
        + " FROM checkin_answer ORDER BY alignment, engagement"));
    rows.addAll(bot.rows("SELECT audience || '|' || recipient || '|' || json_extract(payload, '$.text') FROM outbox ORDER BY id"));
    rows.addAll(bot.rows("SELECT 'events|' || COUNT(*) FROM inbound_event"));
    return rows;
  }

  @Test
  @DisplayName("every event delivered four times (twice at once from two threads, once more, once after a restart) has exactly one effect")
  void fourDeliveries() throws Exception {
    // given the effects of the conversation delivered once each
    Instant start = Instant.parse("2026-11-23T09:00:00Z");
    List<String> once;
    try (TestBot reference = new TestBot(dir.resolve("reference.db"), new MutableClock(start), "carol")) {
      for (InboundEvent e : conversation()) {
        reference.handle(e);
      }
      once = effects(reference);
    }
    // when each event is delivered twice concurrently, then again, and all again after a restart
    try (TestBot bot = new TestBot(dir.resolve("trame.db"), new MutableClock(start), "carol")) {
      for (InboundEvent e : conversation()) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Handled>> both = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          both.add(threads.submit(() -> {
            go.await();
            return bot.handle(e);
          }));
        }
        go.countDown();
        List<Boolean> outcomes = new ArrayList<>();
        for (Future<Handled> f : both) {
          outcomes.add(f.get().outcome().applied());
        }
        outcomes.add(bot.handle(e).outcome().applied());
        outcomes.sort(java.util.Comparator.reverseOrder());
        // then one delivery applies it and the others are recognised as duplicates with nothing said
        assertEquals(List.of(true, false, false), outcomes, e.toString());
      }
      bot.restart();
      for (InboundEvent e : conversation()) {
        Handled late = bot.handle(e);
        assertEquals(Handled.Outcome.DUPLICATE, late.outcome(), "after a restart: " + e);
        assertEquals(List.of(), late.messages());
      }
      // and the database holds exactly what one delivery of each left
      assertEquals(once, effects(bot));
    }
  }

  @Test
  @DisplayName("two answers from the same member in the same millisecond are both applied, in the order they came")
  void sameMillisecond() throws Exception {
    // given a check-in waiting for ana's first scale, with a clock that does not move
    try (TestBot bot = new TestBot(dir.resolve("trame.db"), new MutableClock(Instant.parse("2026-11-23T09:00:00Z")), "carol")) {
      for (String m : List.of("carol", "ana")) {
        bot.command(m, "lang en");
      }
      bot.command("carol", "checkin now");
      // when ana's "4" and "2" arrive in the same millisecond, one right after the other
      CompletableFuture<Handled> first = bot.trame().handle(InboundEvent.text("a1", TestBot.PLATFORM, TestBot.COLLECTIVE, "ana", "4"));
      CompletableFuture<Handled> second = bot.trame().handle(InboundEvent.text("a2", TestBot.PLATFORM, TestBot.COLLECTIVE, "ana", "2"));
      // then both are applied, the first to the first question and the second to the next
      assertEquals(Handled.Outcome.ACCEPTED, first.join().outcome());
      assertEquals(Handled.Outcome.ACCEPTED, second.join().outcome());
      assertEquals(List.of("fairness|4|2"), bot.rows("SELECT step || '|' || json_extract(state, '$.answers.alignment.value') || '|'"
          + " || json_extract(state, '$.answers.engagement.value') FROM conversation WHERE member_id = 'ana'"));
    }
  }

  @Test
  @DisplayName("two answers from the same member sent at once from two threads are both applied, one after the other, none lost")
  void sameMomentTwoThreads() throws Exception {
    // given a check-in waiting for ana's first scale
    try (TestBot bot = new TestBot(dir.resolve("trame.db"), new MutableClock(Instant.parse("2026-11-23T09:00:00Z")), "carol")) {
      for (String m : List.of("carol", "ana")) {
        bot.command(m, "lang en");
      }
      bot.command("carol", "checkin now");
      // when "4" and "2" are delivered at the same moment from two threads
      CountDownLatch go = new CountDownLatch(1);
      Future<Handled> four = threads.submit(() -> {
        go.await();
        return bot.handle(InboundEvent.text("b1", TestBot.PLATFORM, TestBot.COLLECTIVE, "ana", "4"));
      });
      Future<Handled> two = threads.submit(() -> {
        go.await();
        return bot.handle(InboundEvent.text("b2", TestBot.PLATFORM, TestBot.COLLECTIVE, "ana", "2"));
      });
      go.countDown();
      assertEquals(Handled.Outcome.ACCEPTED, four.get().outcome());
      assertEquals(Handled.Outcome.ACCEPTED, two.get().outcome());
      // then the conversation moved two steps and holds both answers, one per question
      List<String> answers = bot.rows("SELECT step || '|' || json_extract(state, '$.answers.alignment.value') || ','"
          + " || json_extract(state, '$.answers.engagement.value') FROM conversation WHERE member_id = 'ana'");
      assertEquals(1, answers.size());
      String[] parts = answers.get(0).split("\\|");
      assertEquals("fairness", parts[0]);
      assertEquals(List.of("2", "4"), java.util.Arrays.stream(parts[1].split(",")).sorted().toList(), answers.get(0));
    }
  }
}
