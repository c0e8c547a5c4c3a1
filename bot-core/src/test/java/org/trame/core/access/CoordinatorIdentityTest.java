package org.trame.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.TestBot;
import org.trame.core.port.Audience;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.MemberHints;
import org.trame.core.port.OutboundMessage;

/** Who coordinates is a platform id, decided when the role is used: never a name, never a stale flag. */
class CoordinatorIdentityTest {

  @TempDir
  Path dir;

  private static InboundEvent typed(String member, String name, String words, boolean platformRole) {
    return new InboundEvent(UUID.randomUUID().toString(), TestBot.PLATFORM, TestBot.COLLECTIVE, member, name,
        InboundEvent.Kind.COMMAND, words, null, null, new MemberHints("en", null, platformRole));
  }

  /** What reached {@code member}'s own eyes: what the messenger actually delivered. */
  private static String delivered(TestBot bot, String member) throws InterruptedException {
    bot.trame().awaitSent(java.time.Duration.ofSeconds(5));
    return String.join("\n", bot.sent.stream().filter(m -> TestBot.privatelyTo(m, member)).map(OutboundMessage::text).toList());
  }

  @Test
  @DisplayName("a member who takes a coordinator's name as display name is not a coordinator: the id decides")
  void nameIsNotIdentity() {
    try (TestBot bot = new TestBot(dir.resolve("t.db"), "U0CAROL")) {
      // given carol's id is the configured coordinator, and mallory (another id) shows the name "U0CAROL"
      // when mallory asks for the audit log
      String answer = TestBot.joined(TestBot.texts(bot.handle(typed("U0MALLORY", "U0CAROL", "audit", false))));
      // then she is refused, and the real id is answered
      assertTrue(answer.contains("Only coordinators"), answer);
      assertFalse(answer.contains("log of coordination actions"), answer);
      String carol = TestBot.joined(TestBot.texts(bot.handle(typed("U0CAROL", "carol", "audit", false))));
      assertFalse(carol.contains("Only coordinators"), carol);
    }
  }

  @Test
  @DisplayName("a coordinator removed from the configured list between two runs receives no coordinator-only message")
  void removedBetweenRuns() throws Exception {
    Path db = dir.resolve("t.db");
    try (TestBot bot = new TestBot(db, "carol")) {
      // given carol, configured, receives a member's request for a conflict space
      bot.command("carol", "lang en");
      bot.command("erin", "lang en");
      bot.say("erin", "/trame conflict request");
      bot.say("erin", "skip");
      bot.say("erin", "yes");
      assertTrue(delivered(bot, "carol").contains("erin asks for a space"), delivered(bot, "carol"));
    }
    try (TestBot bot = new TestBot(db, "dana")) {
      // when the bot starts again with dana configured instead, and erin asks again
      bot.command("dana", "lang en");
      bot.say("erin", "/trame conflict request");
      bot.say("erin", "skip");
      bot.say("erin", "yes");
      // then dana is told, and carol, who never spoke since, receives nothing
      assertTrue(delivered(bot, "dana").contains("erin asks for a space"), delivered(bot, "dana"));
      assertEquals("", delivered(bot, "carol"));
      // and carol is now refused the coordinators' commands
      assertTrue(bot.command("carol", "audit").get(0).contains("Only coordinators"), bot.command("carol", "audit").toString());
    }
  }

  @Test
  @DisplayName("a member whose platform role was taken away receives nothing more meant for coordinators, even without speaking again")
  void demotedOnThePlatform() throws Exception {
    try (TestBot bot = new TestBot(dir.resolve("t.db"))) {
      // given dana, an admin on the platform, who has spoken once as such
      bot.platformCoordinators.add("dana");
      bot.handle(typed("dana", "dana", "lang en", true));
      bot.command("erin", "lang en");
      // when the platform no longer makes her a coordinator, and erin asks for a conflict space
      bot.platformCoordinators.remove("dana");
      List<OutboundMessage> written = bot.handle(InboundEvent.text("r1", TestBot.PLATFORM, TestBot.COLLECTIVE, "erin",
          "/trame conflict request")).messages();
      bot.say("erin", "It is about the van with alice");
      List<OutboundMessage> request = bot.handle(InboundEvent.text("r3", TestBot.PLATFORM, TestBot.COLLECTIVE, "erin", "yes"))
          .messages();
      // then the request was written for her as a coordinator, checked as it left, and never delivered
      assertTrue(request.stream().anyMatch(m -> m.audience().equals(Audience.coordinator("dana"))), request.toString());
      assertFalse(delivered(bot, "dana").contains("van with alice"), delivered(bot, "dana"));
      assertFalse(written.isEmpty());
    }
  }

  @Test
  @DisplayName("a click from someone the collective does not know is refused and leaves no member behind")
  void strangerClickLeavesNoRow() throws Exception {
    try (TestBot bot = new TestBot(dir.resolve("t.db"))) {
      // given alice in her stakes questionnaire
      bot.command("alice", "lang en");
      bot.command("alice", "stakes");
      String ref = bot.rows("SELECT id FROM conversation WHERE member_id = 'alice'").get(0);
      // when a stranger clicks a button naming her conversation
      List<String> answer = TestBot.texts(bot.handle(InboundEvent.choice("x1", TestBot.PLATFORM, TestBot.COLLECTIVE, "mallory",
          ref, "why", "1")));
      // then he is refused like anyone else's click, and the database knows nothing of him
      assertEquals(1, answer.size(), answer.toString());
      assertEquals(List.of("0"), bot.rows("SELECT COUNT(*) FROM member WHERE member_id = 'mallory'"));
      assertEquals(List.of("0"), bot.rows("SELECT COUNT(*) FROM collective_setting WHERE collective_id LIKE '%mallory%'"));
    }
  }
}
