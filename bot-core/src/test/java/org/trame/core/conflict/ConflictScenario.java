package org.trame.core.conflict;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.trame.core.MutableClock;
import org.trame.core.TestBot;
import org.trame.core.port.Audience;
import org.trame.core.port.OutboundMessage;

/** A collective with a coordinator (carol) and members, driven through conflict cases in tests. */
final class ConflictScenario implements AutoCloseable {

  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  final MutableClock clock = new MutableClock(START);
  final TestBot bot;

  ConflictScenario(Path dir, String... members) {
    bot = new TestBot(dir.resolve("trame.db"), clock, "carol");
    bot.command("carol", "lang en");
    for (String m : members) {
      bot.command(m, "lang en");
    }
  }

  /** What {@code member} typed got back, joined. */
  String say(String member, String text) {
    return TestBot.joined(bot.say(member, text));
  }

  String command(String member, String words) {
    return TestBot.joined(bot.command(member, words));
  }

  void says(String member, String... lines) {
    for (String line : lines) {
      bot.say(member, line);
    }
  }

  /** Everything sent so far to {@code member} privately, joined. */
  String to(String member) throws Exception {
    bot.trame().awaitSent(Duration.ofSeconds(5));
    return bot.sent.stream().filter(m -> m.audience().equals(Audience.member(member))).map(OutboundMessage::text)
        .collect(Collectors.joining("\n"));
  }

  /** Everything sent so far to the collective's channel. */
  List<String> channel() throws Exception {
    bot.trame().awaitSent(Duration.ofSeconds(5));
    return bot.sent.stream().filter(m -> !m.audience().isPrivate()).map(OutboundMessage::text).collect(Collectors.toList());
  }

  /** Every message that carries {@code text} to someone other than {@code author}. */
  List<String> leaks(String author, String text) throws Exception {
    bot.trame().awaitSent(Duration.ofSeconds(5));
    List<String> leaks = new ArrayList<>();
    for (OutboundMessage m : bot.sent) {
      if (m.text().contains(text) && !m.audience().equals(Audience.member(author))) {
        leaks.add(m.audience() + ": " + m.text());
      }
    }
    return leaks;
  }

  /** Accepts the invitation, describes the situation and settles the nature ("2" need, "3" value). */
  void joinAs(String member, String description, String verdict) {
    says(member, "yes", description, verdict);
  }

  @Override
  public void close() {
    bot.close();
  }
}
