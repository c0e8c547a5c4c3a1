package org.trame.core.project;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.MutableClock;
import org.trame.core.TestBot;
import org.trame.core.port.Audience;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.OutboundMessage;

/**
 * The given the project tests share: a collective on its own database, coordinated by carol, whose
 * members alice, bob, dan and erin speak English (carol too); closed after each test. A test's own
 * given goes in {@link #given()}, so that it runs on PostgreSQL too when the opening does.
 */
abstract class ProjectCollective {

  static final String ALICE = "alice";
  static final String BOB = "bob";
  static final String CAROL = "carol";
  static final String DAN = "dan";
  static final String ERIN = "erin";
  static final Audience CHANNEL = Audience.channel(TestBot.COLLECTIVE);

  @TempDir
  Path dir;
  MutableClock clock;
  TestBot bot;

  void given() {}

  @BeforeEach
  void openCollective() {
    clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    bot = new TestBot(dir.resolve("trame.db"), clock, CAROL);
    for (String m : List.of(ALICE, BOB, CAROL, DAN, ERIN)) {
      bot.command(m, "lang en");
    }
    given();
  }

  @AfterEach
  void closeCollective() {
    bot.close();
  }

  /** Every message the typed lines produce, whoever they are for (a line starting with "/trame " is a command). */
  List<OutboundMessage> lines(String member, String... lines) {
    List<OutboundMessage> out = new ArrayList<>();
    for (String line : lines) {
      InboundEvent e = line.startsWith("/trame ")
          ? InboundEvent.command(UUID.randomUUID().toString(), TestBot.PLATFORM, TestBot.COLLECTIVE, member, line.substring(7))
          : InboundEvent.text(UUID.randomUUID().toString(), TestBot.PLATFORM, TestBot.COLLECTIVE, member, line);
      out.addAll(bot.handle(e).messages());
    }
    return out;
  }

  /** What {@code out} said to one member privately (as a member or as a coordinator), or to the channel. */
  static String to(List<OutboundMessage> out, String who) {
    return String.join("\n", out.stream().filter(m -> who.equals(TestBot.COLLECTIVE) ? m.audience().equals(CHANNEL)
        : TestBot.privatelyTo(m, who)).map(OutboundMessage::text).toList());
  }

  /** Creates the project as carol and has {@code members} join it. */
  void project(String name, String... members) {
    bot.command(CAROL, "project create " + name);
    for (String m : members) {
      bot.command(m, "project join " + name);
    }
  }
}
