package org.trame.core.stakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.MutableClock;
import org.trame.core.TestBot;
import org.trame.core.port.Audience;
import org.trame.core.port.OutboundMessage;

/** A stakes round for a collective of four: carol coordinates, alice shares, bob tells coordinators, dan stays silent. */
class StakesRoundTest {

  @TempDir
  Path dir;
  MutableClock clock;
  TestBot bot;

  static final String ALICE_WHY = "We want our small association to weigh more in regional advocacy and funding.";
  static final String ALICE_BRINGS = "Visibility for advocacy, and shared know-how on evaluation.";
  static final String ALICE_RED = "No funding from arms makers";
  static final String BOB_WHY = "Secretly we hope to take over the regional funding of the youth programme.";
  static final String BOB_BRINGS = "Our evaluation method and the contacts of the regional council.";
  static final String BOB_RED = "No merger of our structures";

  @BeforeEach
  void start() {
    clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    bot = new TestBot(dir.resolve("trame.db"), clock, "carol");
    for (String m : List.of("alice", "bob", "carol", "dan")) {
      bot.command(m, "lang en");
    }
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  /** Answers the invitation's questionnaire, sharing every answer at {@code share} (1 me, 2 coordinators, 3 all). */
  void answer(String member, String why, String brings, String redLines, String share) {
    for (String line : List.of(why, share, brings, share, "skip", redLines, share, "1,3", share, "2", share,
        "Evaluation of programmes", share, "Regular meetings and advocacy on funding", share, "4", share, "yes")) {
      bot.say(member, line);
    }
  }

  @Test
  @DisplayName("a non-coordinator asking for a stakes round gets a clear refusal")
  void refusedToMembers() {
    assertEquals(List.of("Only coordinators can run \"stakes round\". If you think it would help, tell one of them."),
        bot.command("alice", "stakes round"));
  }

  @Test
  @DisplayName("a round: everyone invited privately, one reminder to the silent, a synthesis that respects each sharing choice")
  void wholeRound() throws Exception {
    // given a round opened by the coordinator
    bot.command("carol", "stakes ambition Make the region fund youth mentoring for three years");
    String opened = TestBot.joined(bot.command("carol", "stakes round"));
    assertTrue(opened.contains("4 members invited privately"), opened);
    // when alice shares everything, bob shares with coordinators only, dan never answers
    answer("alice", ALICE_WHY, ALICE_BRINGS, ALICE_RED, "3");
    answer("bob", BOB_WHY, BOB_BRINGS, BOB_RED, "2");
    bot.trame().awaitSent(Duration.ofSeconds(5));
    int before = bot.sent.size();
    clock.advance(Duration.ofHours(49));
    List<OutboundMessage> reminders = bot.tick();
    // then only those who have not answered are reminded, once
    assertEquals(List.of("carol", "dan"), reminders.stream().map(m -> m.audience().id()).distinct().sorted().toList());
    assertTrue(reminders.get(0).text().startsWith("A gentle reminder"), reminders.get(0).text());
    clock.advance(Duration.ofHours(1));
    assertEquals(List.of(), bot.tick());
    // and at the deadline, the channel gets what was shared with the collective only
    clock.advance(Duration.ofDays(6));
    List<OutboundMessage> closing = bot.tick();
    OutboundMessage channel = closing.stream().filter(m -> !m.audience().isPrivate()).findFirst().orElseThrow();
    assertEquals(Audience.channel("test"), channel.audience());
    String synthesis = channel.text();
    assertTrue(synthesis.contains("Participation: 2 of 4 members answered."), synthesis);
    assertTrue(synthesis.contains("Make the region fund youth mentoring"), synthesis);
    assertTrue(synthesis.contains("alice — What brought you to this collective"), synthesis);
    assertTrue(synthesis.contains(ALICE_WHY), synthesis);
    assertTrue(synthesis.contains("• alice : " + ALICE_RED), synthesis);
    assertTrue(synthesis.contains("• alice : Time (2 to 8 hours), Skills (Evaluation of programmes)"), synthesis);
    assertFalse(synthesis.contains("bob"), "bob shared nothing with the collective: " + synthesis);
    assertFalse(synthesis.contains("Secretly") || synthesis.contains("merger"), synthesis);
    // and the coordinator privately gets what was shared with coordinators too
    OutboundMessage forCarol = closing.stream().filter(m -> org.trame.core.TestBot.privatelyTo(m, "carol")).findFirst().orElseThrow();
    assertTrue(forCarol.text().contains(BOB_WHY) && forCarol.text().contains("• bob : " + BOB_RED), forCarol.text());
    assertTrue(forCarol.text().contains("Common interests") && forCarol.text().contains("regional"), forCarol.text());
    assertTrue(closing.stream().noneMatch(m -> org.trame.core.TestBot.privatelyTo(m, "bob") || org.trame.core.TestBot.privatelyTo(m, "alice")),
        "members who are not coordinators get no synthesis privately");
    assertTrue(before > 0);
  }

  @Test
  @DisplayName("no outbound message of a round carries a private answer to anyone but its author")
  void noLeak() throws Exception {
    bot.command("carol", "stakes round");
    answer("alice", "Private reason alpha about our cashflow worries.", "Private bring beta for our budget.", "Private limit gamma", "1");
    answer("bob", BOB_WHY, BOB_BRINGS, BOB_RED, "2");
    bot.command("carol", "stakes round close");
    bot.trame().awaitSent(Duration.ofSeconds(5));
    Map<String, List<String>> privateTexts = Map.of(
        "alice", List.of("Private reason alpha", "Private bring beta", "Private limit gamma"),
        "bob", List.of());
    List<String> leaks = new ArrayList<>();
    for (OutboundMessage m : bot.sent) {
      privateTexts.forEach((author, texts) -> {
        boolean toAuthor = org.trame.core.TestBot.privatelyTo(m, author);
        for (String t : texts) {
          if (!toAuthor && m.text().contains(t)) {
            leaks.add(t + " -> " + m.audience());
          }
        }
      });
      if (!m.audience().isPrivate()) {
        for (String t : List.of(BOB_WHY, BOB_BRINGS, BOB_RED)) {
          if (m.text().contains(t)) {
            leaks.add(t + " -> channel");
          }
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  @DisplayName("three months after a round, the next opens by itself and each question shows last time's answer")
  void reevaluation() throws Exception {
    bot.command("carol", "stakes round");
    answer("alice", ALICE_WHY, ALICE_BRINGS, ALICE_RED, "3");
    bot.command("carol", "stakes round close");
    // survives a restart: the next round lives in the database
    bot.restart();
    clock.advance(Duration.ofDays(92));
    List<OutboundMessage> opened = bot.tick();
    List<String> toAlice = opened.stream().filter(m -> org.trame.core.TestBot.privatelyTo(m, "alice")).map(OutboundMessage::text).toList();
    String question = toAlice.get(toAlice.size() - 1);
    assertTrue(question.startsWith("What brought you to this collective"), question);
    assertTrue(question.contains("Last time you said: " + ALICE_WHY), question);
  }

  @Test
  @DisplayName("stakes history shows the member's own versions, after a restart too")
  void history() throws Exception {
    bot.command("carol", "stakes round");
    answer("alice", ALICE_WHY, ALICE_BRINGS, ALICE_RED, "1");
    bot.command("carol", "stakes round close");
    clock.advance(Duration.ofDays(92));
    bot.tick();
    answer("alice", "Now we mostly seek shared evaluation tools.", ALICE_BRINGS, ALICE_RED, "1");
    bot.restart();
    String history = TestBot.joined(bot.command("alice", "stakes history"));
    assertTrue(history.contains("— v1") && history.contains("— v2"), history);
    assertTrue(history.indexOf(ALICE_WHY) < history.indexOf("Now we mostly seek"), history);
    assertEquals("Your stakes register is empty. \"/trame stakes\" starts it.", TestBot.joined(bot.command("dan", "stakes history")));
  }

  @Test
  @DisplayName("bad input: a 10,000-character answer is refused; a list of 200 red lines is kept whole and summarised")
  void badInput() throws Exception {
    bot.command("carol", "stakes round");
    String refused = TestBot.joined(bot.say("alice", "z".repeat(10_000)));
    assertTrue(refused.contains("10000 characters long; the limit is 2000"), refused);
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 200; i++) {
      lines.append("limit ").append(i).append('\n');
    }
    answer("alice", ALICE_WHY, ALICE_BRINGS, lines.toString().strip(), "3");
    List<String> stored = bot.rows("SELECT answer FROM stakes_answer WHERE question = 'red_lines'");
    assertEquals(1, stored.size());
    assertEquals(200, stored.get(0).split("\n", -1).length, "every line is kept");
    List<OutboundMessage> closing = new ArrayList<>();
    bot.command("carol", "stakes round close");
    bot.trame().awaitSent(Duration.ofSeconds(5));
    String synthesis = bot.sent.stream().filter(m -> !m.audience().isPrivate()).map(OutboundMessage::text).findFirst().orElseThrow();
    assertTrue(synthesis.contains("• alice : limit 12") && !synthesis.contains("limit 13\n") && synthesis.contains("… (+188)"), synthesis);
    assertTrue(closing.isEmpty());
  }

  @Test
  @DisplayName("bad round arguments are answered with the usage")
  void usage() {
    assertTrue(TestBot.joined(bot.command("carol", "stakes round 0")).startsWith("Usage: \"stakes round"));
    assertTrue(TestBot.joined(bot.command("carol", "stakes round soon")).startsWith("Usage: \"stakes round"));
    assertTrue(TestBot.joined(bot.command("carol", "stakes every 99")).startsWith("Usage: \"stakes every"));
    assertTrue(TestBot.joined(bot.command("carol", "stakes round close")).contains("No stakes round is open"));
  }

  @Test
  @DisplayName("at the close, a member half-way through learns that the round went without her answers; one who never began hears nothing")
  void closedWhileAnswering() throws Exception {
    // given alice has answered the first question of the round's questionnaire, dan nothing
    bot.command("carol", "stakes round");
    bot.say("alice", ALICE_WHY);
    // when carol closes the round
    List<OutboundMessage> closing = bot.handle(org.trame.core.port.InboundEvent.command("close-s", TestBot.PLATFORM,
        TestBot.COLLECTIVE, "carol", "stakes round close")).messages();
    // then alice alone is told, privately
    List<String> toAlice = closing.stream().filter(m -> org.trame.core.TestBot.privatelyTo(m, "alice"))
        .map(OutboundMessage::text).toList();
    assertEquals(List.of("The stakes round closed before you had finished: your answers are not in it. You can still finish the"
        + " questionnaire, for your own register."), toAlice);
    assertTrue(closing.stream().noneMatch(m -> org.trame.core.TestBot.privatelyTo(m, "dan")), closing.toString());
  }

  @Test
  @DisplayName("a reminder asked for after the close is moved an hour before it, and the coordinator is told so")
  void reminderAfterClose() throws Exception {
    List<String> said = bot.command("carol", "stakes round 1 100");
    String mine = said.get(said.size() - 2) + "\n" + said.get(said.size() - 1);
    assertTrue(mine.contains("A reminder in 23 h") && mine.endsWith("A reminder after 100 h would come after the close: it will go an hour"
        + " before it instead."), mine);
  }

  @Test
  @DisplayName("a round in one collective invites nobody from another and shows none of its answers")
  void collectivesAreSeparate() throws Exception {
    // given alice's shared answers in this collective
    bot.command("carol", "stakes round");
    answer("alice", ALICE_WHY, ALICE_BRINGS, ALICE_RED, "3");
    // when a coordinator of another collective runs a round there
    java.util.function.Function<String, org.trame.core.port.Handled> elsewhere = words -> bot.handle(
        org.trame.core.port.InboundEvent.command(java.util.UUID.randomUUID().toString(), "console", "elsewhere", "carol", words));
    elsewhere.apply("lang en");
    String opened = TestBot.joined(TestBot.texts(elsewhere.apply("stakes round")));
    List<OutboundMessage> closing = elsewhere.apply("stakes round close").messages();
    // then only its own member was invited, and its synthesis holds nothing of the first collective
    assertTrue(opened.contains("1 member invited privately"), opened);
    String all = closing.stream().map(OutboundMessage::text).reduce("", String::concat);
    assertFalse(all.contains(ALICE_WHY) || all.contains("alice"), all);
    assertTrue(closing.stream().filter(m -> !m.audience().isPrivate()).allMatch(m -> m.collective().equals("elsewhere")));
  }

  @Test
  @DisplayName("a member can later share an answer kept private, and only that one appears in the synthesis")
  void changeSharingLater() throws Exception {
    // given alice kept everything private in a round
    bot.command("carol", "stakes round");
    answer("alice", ALICE_WHY, ALICE_BRINGS, ALICE_RED, "1");
    String list = TestBot.joined(bot.command("alice", "stakes share"));
    assertTrue(list.contains("1. What brought you") && list.contains("[Only me]"), list);
    // when she shares her first answer with the whole collective
    assertEquals(List.of("Changed: answer 1 can now be seen by \"The whole collective\"."),
        bot.command("alice", "stakes share 1 collective"));
    // and: a change that names no answer, or nobody to show it to, says why and changes nothing
    List<String> noSuchAnswer = bot.command("alice", "stakes share 99 collective");
    assertTrue(noSuchAnswer.get(0).matches("There is no answer 99: choose a number from 1 to \\d+\\. Nothing was changed\\."), noSuchAnswer.get(0));
    assertTrue(noSuchAnswer.get(1).startsWith("Your latest answers"), noSuchAnswer.get(1));
    assertEquals("\"everyone\" is not one of the choices: say private, coordinators or collective. Nothing was changed.",
        bot.command("alice", "stakes share 2 everyone").get(0));
    assertEquals("Nothing was changed: give an answer's number, then who may see it.", bot.command("alice", "stakes share 2").get(0));
    assertEquals(List.of("collective"), bot.rows("SELECT DISTINCT sharing FROM stakes_answer WHERE member_id = 'alice' AND sharing <> 'private'"));
    // then the synthesis shows that answer and nothing else of hers
    bot.command("carol", "stakes round close");
    bot.trame().awaitSent(Duration.ofSeconds(5));
    String synthesis = bot.sent.stream().filter(m -> !m.audience().isPrivate()).map(OutboundMessage::text).findFirst().orElseThrow();
    assertTrue(synthesis.contains(ALICE_WHY), synthesis);
    assertFalse(synthesis.contains(ALICE_BRINGS) || synthesis.contains(ALICE_RED), synthesis);
  }

  @Test
  @DisplayName("a member's own page lists their open conversations and what they shared, nothing of others")
  void memberSummary() throws Exception {
    bot.command("carol", "stakes round");
    answer("alice", ALICE_WHY, ALICE_BRINGS, ALICE_RED, "2");
    bot.say("bob", BOB_WHY);
    String alice = bot.trame().summary("console", "test", "alice", null).join();
    assertTrue(alice.contains("No conversation in progress."), alice);
    assertTrue(alice.contains("What you have shared") && alice.contains(ALICE_WHY + "  [The coordinators]"), alice);
    String bob = bot.trame().summary("console", "test", "bob", null).join();
    assertTrue(bob.contains("Your conversations in progress:"), bob);
    assertTrue(bob.contains("• my stakes"), bob);
    assertTrue(bob.contains("You have shared nothing"), bob);
    assertFalse(bob.contains(ALICE_WHY), bob);
  }
}
