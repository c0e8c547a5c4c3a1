package org.trame.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trame.core.privacy.PrivacyScenario.*;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.trame.core.Features;
import org.trame.core.MutableClock;
import org.trame.core.TestBot;
import org.trame.core.access.Access;
import org.trame.core.port.ArgSpec;
import org.trame.core.port.CommandCatalogue;
import org.trame.core.port.CommandSpec;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.OutboundMessage;

/**
 * Every command word, with the arguments it takes, tried where it must not reach: from another
 * collective, as a member against another member's answers, as a non-coordinator against
 * coordinator commands.
 */
class AccessPointTest {

  static final String MALLORY = "mallory";
  static final String OTHER = "other";
  /** Arguments covering every sub-command of every feature (unknown ones are simply refused as unknown). */
  static final List<String> ARGS = List.of("", "round", "round 3", "round close", "history", "share", "share 1 collective",
      "ambition A secret plan for the whole network", "every 3", "now", "report", "close", "schedule 0 9 * * 1 Europe/Paris",
      "pause", "resume", "anonymous off", "reminder 4", "deadline 24", "skip", "snooze 2026-12-01", "export",
      "retention 6", "20", "return", "1", "7", "Europe/Paris", "request", "@alice-7f3", "alice-7f3 bob-21c");

  @TempDir
  Path dir;
  TestBot bot;
  ListAppender<ILoggingEvent> logged;

  @BeforeEach
  void start() {
    bot = new TestBot(dir.resolve("trame.db"), new MutableClock(Instant.parse("2026-03-02T09:00:00Z")), CAROL, MALLORY);
    for (String m : List.of(ALICE, BOB, CAROL)) {
      bot.command(m, "lang en");
    }
    commandIn(bot, OTHER, MALLORY, "lang en");
    // a stakes round where alice's answers are for the coordinators only, and a closed check-in with her remark
    bot.command(CAROL, "stakes round 7");
    stakes(bot, ALICE, ALICE_WHY, ALICE_BRINGS, ALICE_RED, "2");
    bot.command(CAROL, "stakes round close");
    bot.command(CAROL, "checkin now");
    for (String line : List.of("4", "3", "2", "4", ALICE_REMARK, "yes")) {
      bot.say(ALICE, line);
    }
    for (String member : List.of(BOB, CAROL)) {
      for (String line : List.of("3", "3", "3", "3", "skip")) {
        bot.say(member, line);
      }
    }
    String report = TestBot.joined(TestBot.texts(bot.handle(InboundEvent.command("close", TestBot.PLATFORM, TestBot.COLLECTIVE,
        CAROL, "checkin close"))).stream().toList());
    try {
      bot.trame().awaitSent(java.time.Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    // the scenario holds something to leak: alice's remark reached collective A's own report
    org.junit.jupiter.api.Assertions.assertTrue(bot.sent.stream().anyMatch(m -> !m.audience().isPrivate()
        && m.text().contains(ALICE_REMARK)), report);
    logged = new ListAppender<>();
    logged.start();
    ((Logger) LoggerFactory.getLogger(Access.class)).addAppender(logged);
  }

  @AfterEach
  void stop() {
    ((Logger) LoggerFactory.getLogger(Access.class)).detachAppender(logged);
    bot.close();
  }

  private List<OutboundMessage> run(String collective, String member, String words) {
    List<OutboundMessage> out = new ArrayList<>(bot.handle(InboundEvent.command(UUID.randomUUID().toString(), TestBot.PLATFORM,
        collective, member, words)).messages());
    // whatever it started, stop it, so that the next word starts afresh (what cancelling says is checked too)
    out.addAll(bot.handle(InboundEvent.text(UUID.randomUUID().toString(), TestBot.PLATFORM, collective, member, "cancel"))
        .messages());
    return out;
  }

  @Test
  @DisplayName("every command and sub-command run from another collective shows nothing of this one, and speaks only there")
  void otherCollectiveSeesNothing() {
    for (String word : new Features().commands().keySet()) {
      for (String args : ARGS) {
        for (OutboundMessage m : run(OTHER, MALLORY, (word + " " + args).strip())) {
          String what = "\"" + word + " " + args + "\" said: " + m.text();
          assertEquals(OTHER, m.collective(), what);
          for (String secret : List.of(ALICE_WHY, ALICE_BRINGS, ALICE_RED, ALICE_SKILLS, ALICE_WISH, ALICE_REMARK)) {
            assertFalse(m.text().contains(secret), what);
          }
          if (!args.contains(ALICE)) {
            assertFalse(m.text().contains(ALICE) || m.text().contains(BOB), what);
          }
        }
      }
    }
  }

  @Test
  @DisplayName("every command and sub-command run by another member shows nothing of alice's answers kept for coordinators")
  void memberSeesNoOneElsesAnswers() {
    for (String word : new Features().commands().keySet()) {
      for (String args : ARGS) {
        for (OutboundMessage m : run(TestBot.COLLECTIVE, BOB, (word + " " + args).strip())) {
          for (String secret : List.of(ALICE_WHY, ALICE_BRINGS, ALICE_RED, ALICE_SKILLS, ALICE_WISH)) {
            assertFalse(m.text().contains(secret), "\"" + word + " " + args + "\" said: " + m.text());
          }
        }
      }
    }
  }

  @Test
  @DisplayName("every coordinator command is refused to a member with a clear message, logged without its words and audited")
  void coordinatorCommandsRefused() throws Exception {
    // every coordinator-only command of the catalogue, with arguments of its types
    List<String> coordinatorOnly = new ArrayList<>();
    List<String> conflictOnly = new ArrayList<>();
    for (CommandSpec c : CommandCatalogue.packaged().offered()) {
      List<CommandSpec> forms = new ArrayList<>(c.subcommands());
      if (c.runsBare()) {
        forms.add(c.bare() != null ? c.bare() : c);
      }
      for (CommandSpec form : forms) {
        if (!form.coordinator()) {
          continue;
        }
        String path = form == c || form == c.bare() ? c.word() : c.word() + " " + form.word();
        String line = (path + " " + sample(form == c.bare() ? c.args() : form.args())).strip();
        (c.word().equals("conflict") ? conflictOnly : coordinatorOnly).add(line);
        if (!c.word().equals("conflict")) {
          assertEquals(List.of("Only coordinators can run \"" + path + "\". If you think it would help, tell one of them."),
              bot.command(BOB, line), line);
        }
      }
    }
    assertTrue(coordinatorOnly.size() >= 15 && conflictOnly.size() == 3, coordinatorOnly + " " + conflictOnly);
    // the conflict space refuses with its own words, which point to "conflict request"
    for (String line : conflictOnly) {
      assertEquals(List.of("Only coordinators open and follow conflict spaces. You can ask for one: \"conflict request\"."),
          bot.command(BOB, line), line);
    }
    assertEquals(List.of(Integer.toString(coordinatorOnly.size() + conflictOnly.size())),
        bot.rows("SELECT COUNT(*) FROM audit_log WHERE refused = 1 AND actor = ?", BOB));
    assertEquals(coordinatorOnly.size() + conflictOnly.size(), logged.list.stream().filter(e -> e.getLevel() == Level.WARN).count());
    assertTrue(logged.list.stream().noneMatch(e -> e.getFormattedMessage().contains("secret plan")));
    // and the coordinator reads those refusals in the audit log
    String audit = TestBot.joined(bot.command(CAROL, "audit 50"));
    assertTrue(audit.contains(BOB + " — checkin now — refused (coordinators only)"), audit);
    assertFalse(audit.contains("not_a_coordinator"), audit);
  }

  /** Arguments of the catalogue's types, each one of the right kind (a flag left out). */
  private static String sample(List<ArgSpec> args) {
    List<String> words = new ArrayList<>();
    for (ArgSpec a : args) {
      switch (a.type()) {
        case MEMBER -> words.add("@" + ALICE + " @" + BOB);
        case NUMBER -> words.add(Long.toString(a.min()));
        case DATE -> words.add("2026-12-01");
        case CHOICE -> words.add(a.values().get(0).value());
        case TEXT -> words.add("A secret plan for the network");
        case ZONE -> words.add("Europe/Paris");
        case CRON -> words.add("0 9 * * 1");
        case FLAG -> { }
      }
    }
    return String.join(" ", words);
  }

  @Test
  @DisplayName("a coordinator command that did nothing (its usage, nothing open to close) is audited as not carried out")
  void coordinatorCommandNotCarriedOut() throws Exception {
    // given: carol asks for things that cannot be done, then one that can
    assertTrue(bot.command(CAROL, "privacy retention 1000").get(0).startsWith("Usage:"));
    assertTrue(bot.command(CAROL, "stakes every 25").get(0).startsWith("Usage:"));
    assertEquals(List.of("No check-in round is open."), bot.command(CAROL, "checkin close"));
    bot.command(CAROL, "checkin pause"); // no rhythm is set
    bot.command(CAROL, "privacy retention 6");
    // when: she reads the log
    List<String> audit = Arrays.asList(TestBot.joined(bot.command(CAROL, "audit")).split("\n"));
    // then: only the last one reads as done
    String notDone = " — not carried out: nothing changed";
    assertEquals(List.of(CAROL + " — privacy retention (6)", CAROL + " — checkin pause" + notDone, CAROL + " — checkin close" + notDone,
        CAROL + " — stakes every (25)" + notDone, CAROL + " — privacy retention (1000)" + notDone),
        audit.subList(1, 6).stream().map(line -> line.substring(line.indexOf(CAROL))).toList());
    assertEquals(List.of("6"), bot.rows("SELECT value FROM collective_setting WHERE key = 'privacy.retention_months'"));
  }

  @Test
  @DisplayName("a button of alice's conversation pressed by bob, or from another collective, is refused and audited")
  void someoneElsesConversation() throws Exception {
    // given alice has a conversation waiting for her answer
    List<OutboundMessage> asked = bot.handle(InboundEvent.command("a1", TestBot.PLATFORM, TestBot.COLLECTIVE, ALICE, "stakes"))
        .messages();
    String ref = asked.stream().map(OutboundMessage::conversationRef).filter(r -> r != null).findFirst().orElseThrow();
    String step = asked.stream().map(OutboundMessage::stepRef).filter(r -> r != null).findFirst().orElseThrow();

    // when bob, then mallory from another collective, answer it
    var fromBob = bot.handle(InboundEvent.choice("b1", TestBot.PLATFORM, TestBot.COLLECTIVE, BOB, ref, step, "I take over"));
    var fromMallory = bot.handle(InboundEvent.choice("m1", TestBot.PLATFORM, OTHER, MALLORY, ref, step, "I take over"));

    // then both are refused with the same words, alice's conversation is untouched, and both refusals are audited
    assertEquals(List.of("That button doesn't belong to any of your conversations."), TestBot.texts(fromBob));
    assertEquals(List.of("That button doesn't belong to any of your conversations."), TestBot.texts(fromMallory));
    assertEquals(List.of("0"), bot.rows("SELECT COUNT(*) FROM conversation WHERE state LIKE '%I take over%'"));
    assertEquals(List.of("conversation|console:test|bob-21c", "conversation|console:other|mallory"),
        bot.rows("SELECT action, collective_id, actor FROM audit_log WHERE refused = 1 ORDER BY id"));
  }

  @Test
  @DisplayName("the access point lets an answer be read by its owner, by coordinators or everyone only as shared, never across collectives")
  void readRules() {
    var alice = org.trame.core.access.Requester.member("console:test", ALICE, false);
    var bob = org.trame.core.access.Requester.member("console:test", BOB, false);
    var carol = org.trame.core.access.Requester.member("console:test", CAROL, true);
    var channel = org.trame.core.access.Requester.channel("console:test");
    var mallory = org.trame.core.access.Requester.member("console:other", MALLORY, true);
    assertTrue(Access.read(alice, "console:test", ALICE, Access.PRIVATE).allowed());
    assertFalse(Access.read(bob, "console:test", ALICE, Access.PRIVATE).allowed());
    assertFalse(Access.read(carol, "console:test", ALICE, Access.PRIVATE).allowed());
    assertFalse(Access.read(bob, "console:test", ALICE, Access.COORDINATORS).allowed());
    assertTrue(Access.read(carol, "console:test", ALICE, Access.COORDINATORS).allowed());
    assertFalse(Access.read(channel, "console:test", ALICE, Access.COORDINATORS).allowed());
    assertTrue(Access.read(channel, "console:test", ALICE, Access.COLLECTIVE).allowed());
    assertFalse(Access.read(mallory, "console:test", ALICE, Access.COLLECTIVE).allowed());
  }
}
