package org.trame.core.checkin;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.trame.core.MutableClock;
import org.trame.core.TestBot;
import org.trame.core.port.Audience;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.OutboundMessage;

/** The real core on a real SQLite file with a hand-moved clock, and the words members type in a check-in. */
final class CheckinHarness implements AutoCloseable {

  final MutableClock clock;
  final TestBot bot;
  /** Every message the scheduler's jobs produced, in order, since the start. */
  final List<OutboundMessage> fromJobs = new ArrayList<>();

  CheckinHarness(Path dir, Instant start, String... coordinators) {
    clock = new MutableClock(start);
    bot = new TestBot(dir.resolve("trame.db"), clock, coordinators);
  }

  /** Members arrive (English, so that assertions read one language). */
  void members(String... names) {
    for (String m : names) {
      bot.command(m, "lang en");
    }
  }

  /** Moves the clock job by job up to {@code until}, firing each job at its due time; returns what they said. */
  List<OutboundMessage> runUntil(Instant until) throws Exception {
    List<OutboundMessage> out = new ArrayList<>();
    while (true) {
      List<String> next = bot.rows("SELECT MIN(due_at) FROM scheduled_job WHERE done_at IS NULL");
      Instant due = next.isEmpty() || next.get(0).equals("null") ? null : Instant.ofEpochMilli(Long.parseLong(next.get(0)));
      if (due == null || due.isAfter(until)) {
        break;
      }
      if (due.isAfter(clock.instant())) {
        clock.advance(Duration.between(clock.instant(), due));
      }
      out.addAll(tick());
    }
    if (until.isAfter(clock.instant())) {
      clock.advance(Duration.between(clock.instant(), until));
    }
    out.addAll(tick());
    return out;
  }

  List<OutboundMessage> advance(Duration d) throws Exception {
    return runUntil(clock.instant().plus(d));
  }

  List<OutboundMessage> tick() {
    List<OutboundMessage> out = bot.tick();
    fromJobs.addAll(out);
    return out;
  }

  /** Answers the four scales, then the remark ({@code null} skips it) and, for a remark, the consent. */
  List<String> answer(String member, int alignment, int engagement, int fairness, int trust, String remark, boolean consent) {
    List<String> replies = new ArrayList<>();
    for (int v : new int[] {alignment, engagement, fairness, trust}) {
      replies.addAll(bot.say(member, Integer.toString(v)));
    }
    replies.addAll(bot.say(member, remark == null ? "skip" : remark));
    if (remark != null) {
      replies.addAll(bot.say(member, consent ? "yes" : "no"));
    }
    return replies;
  }

  static List<OutboundMessage> to(List<OutboundMessage> messages, String member) {
    return messages.stream().filter(m -> org.trame.core.TestBot.privatelyTo(m, member)).toList();
  }

  /** The texts said privately to {@code member} among {@code messages}, in order. */
  static List<String> textsTo(List<OutboundMessage> messages, String member) {
    return to(messages, member).stream().map(OutboundMessage::text).toList();
  }

  /** Every message a command's turn left, whoever it is for (what {@code bot.command} gives as texts only). */
  List<OutboundMessage> command(String member, String words) {
    return bot.handle(InboundEvent.command(java.util.UUID.randomUUID().toString(), TestBot.PLATFORM, TestBot.COLLECTIVE, member, words))
        .messages();
  }

  static List<OutboundMessage> channel(List<OutboundMessage> messages) {
    return messages.stream().filter(m -> !m.audience().isPrivate()).toList();
  }

  static List<String> recipients(List<OutboundMessage> messages, String startingWith) {
    return messages.stream().filter(m -> m.text().startsWith(startingWith)).map(m -> m.audience().id()).distinct().sorted().toList();
  }

  @Override
  public void close() {
    bot.close();
  }
}
