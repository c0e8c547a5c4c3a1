package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.TestBot;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.Mentions;

/** Parties are named by id: a mention names exactly its member, a name only when one member answers to it. */
class PartiesByIdTest {

  @TempDir
  Path dir;

  private static List<String> as(TestBot bot, String id, String name, String words) {
    return TestBot.texts(bot.handle(new InboundEvent(UUID.randomUUID().toString(), TestBot.PLATFORM, TestBot.COLLECTIVE, id,
        name, InboundEvent.Kind.COMMAND, words, null, null, null)));
  }

  @Test
  @DisplayName("an impostor who took the name bob before the real bob arrived is not invited: the coordinator is asked which bob")
  void impostorIsNotTaken() throws Exception {
    try (TestBot bot = new TestBot(dir.resolve("t.db"), "U0CAROL")) {
      // given an impostor showing the name "bob", then the real bob, then alice
      as(bot, "U0IMPOSTOR", "bob", "lang en");
      as(bot, "U0BOB", "bob", "lang en");
      as(bot, "U0ALICE", "alice", "lang en");
      as(bot, "U0CAROL", "carol", "lang en");
      // when the coordinator names bob by name
      String answer = String.join("\n", as(bot, "U0CAROL", "carol", "conflict @bob @alice The van"));
      // then no space is opened, and both members answering to "bob" are listed by mention
      assertTrue(answer.contains("Several members answer to the name \"@bob\""), answer);
      assertTrue(answer.contains(Mentions.of("U0IMPOSTOR")) && answer.contains(Mentions.of("U0BOB")), answer);
      assertEquals(List.of("0"), bot.rows("SELECT COUNT(*) FROM conflict_case"));
      // and named by mention, the real bob is invited, not the impostor
      String opened = String.join("\n", as(bot, "U0CAROL", "carol", "conflict <@U0BOB|bob> <@U0ALICE> The van"));
      assertTrue(opened.contains("Conflict space #1 opened"), opened);
      assertEquals(List.of("U0ALICE", "U0BOB"), bot.rows("SELECT member_id FROM conflict_party ORDER BY member_id"));
    }
  }

  @Test
  @DisplayName("a name one member alone answers to still names them, and names with spaces work by mention")
  void uniqueNameAndSpaces() throws Exception {
    try (TestBot bot = new TestBot(dir.resolve("t.db"), "U0CAROL")) {
      as(bot, "U0ANNE", "Anne Marie", "lang en");
      as(bot, "U0BOB", "bob", "lang en");
      as(bot, "U0CAROL", "carol", "lang en");
      String opened = String.join("\n", as(bot, "U0CAROL", "carol", "conflict bob <@U0ANNE> Sharing the van"));
      assertTrue(opened.contains("Conflict space #1 opened") && opened.contains("Anne Marie"), opened);
      assertEquals(List.of("Sharing the van"), bot.rows("SELECT topic FROM conflict_case"));
    }
  }

  @Test
  @DisplayName("a mention of an id the collective does not know opens nothing, even when a display name equals that id")
  void mentionIsAnIdNotAName() throws Exception {
    try (TestBot bot = new TestBot(dir.resolve("t.db"), "U0CAROL")) {
      // given mallory, who shows the name "U0BOB" although bob never wrote to the bot
      as(bot, "U0MALLORY", "U0BOB", "lang en");
      as(bot, "U0ALICE", "alice", "lang en");
      as(bot, "U0CAROL", "carol", "lang en");
      // when the coordinator mentions bob's id
      String answer = String.join("\n", as(bot, "U0CAROL", "carol", "conflict <@U0BOB> <@U0ALICE>"));
      // then nobody is invited in bob's place
      assertTrue(answer.contains("I don't know"), answer);
      assertEquals(List.of("0"), bot.rows("SELECT COUNT(*) FROM conflict_case"));
    }
  }
}
