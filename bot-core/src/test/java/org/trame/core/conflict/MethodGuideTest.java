package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.TestBot;

/**
 * The {@code method} command was added as the catalogue's worked example: one entry in
 * prompts/commands.yaml, its texts in prompts/messages/conflict.yaml, its keys and handler in the
 * conflict package; routing, French words, help and Discord's tree pick it up from there.
 */
class MethodGuideTest {

  @TempDir
  Path dir;
  TestBot bot;

  @BeforeEach
  void start() {
    bot = new TestBot(dir.resolve("trame.db"));
    bot.command("alice", "lang en");
    bot.command("amelie", "lang fr");
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  @DisplayName("'method' tells a member the six steps of a resolution where nobody loses, in her language")
  void overview() {
    String en = TestBot.joined(bot.command("alice", "method"));
    String fr = TestBot.joined(bot.command("amelie", "methode"));

    assertTrue(en.startsWith("Resolving a conflict so that nobody loses, in six steps") && en.contains("\n6. Review:"), en);
    assertTrue(fr.startsWith("Résoudre un conflit sans perdant, en six étapes") && fr.contains("\n6. Le bilan"), fr);
  }

  @Test
  @DisplayName("'methode 4' in French gives step 4, the choice; 'method 1' in English gives needs and I-messages")
  void oneStep() {
    assertTrue(TestBot.joined(bot.command("amelie", "methode 4")).startsWith("Étape 4 : le choix."));
    assertTrue(TestBot.joined(bot.command("alice", "method 1")).startsWith("Step 1: needs."));
    assertTrue(TestBot.joined(bot.command("alice", "method 6")).startsWith("Step 6: review."));
  }

  @Test
  @DisplayName("a step outside 1-6 gets the usage, not a guess")
  void outOfRange() {
    assertEquals("Usage: \"method\" for the six steps, \"method <1 to 6>\" for one of them.", TestBot.joined(bot.command("alice", "method 7")));
    assertEquals("Usage: \"method\" for the six steps, \"method <1 to 6>\" for one of them.", TestBot.joined(bot.command("alice", "method two")));
  }

  @Test
  @DisplayName("the help names the new command in each language, from the catalogue alone")
  void inTheHelp() {
    assertTrue(TestBot.joined(bot.command("alice", "help")).contains("method [1-6]"));
    assertTrue(TestBot.joined(bot.command("amelie", "aide")).contains("methode [1-6]"));
  }
}
