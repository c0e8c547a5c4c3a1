package org.trame.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.engine.GlobalWord;
import org.trame.core.i18n.Lang;
import org.trame.core.port.CatalogueException;
import org.trame.core.port.CommandCatalogue;
import org.trame.core.port.CommandSpec;
import org.trame.core.turn.Command;

/** The command catalogue is the one list of commands: the code, help and the words members type all agree with it. */
class CommandCatalogueTest {

  @TempDir
  Path dir;

  private static final CommandCatalogue CATALOGUE = CommandCatalogue.packaged();

  @Test
  @DisplayName("every command of the catalogue has its handler in the code, and every handler its catalogue entry")
  void handlersMatch() {
    // given the features' handlers
    Map<String, Command> commands = new Features().commands();
    // then they agree with the catalogue
    Features.check(CATALOGUE, commands);
    // and a handler the catalogue lacks, or a catalogue command without its handler, stops the bot at start
    Map<String, Command> extra = new HashMap<>(commands);
    extra.put("dance", Command.of("dance", (t, args) -> { }));
    CatalogueException unknown = assertThrows(CatalogueException.class, () -> Features.check(CATALOGUE, extra));
    assertTrue(unknown.getMessage().contains("'dance'"), unknown.getMessage());
    Map<String, Command> missing = new HashMap<>(commands);
    missing.remove("audit");
    CatalogueException lacking = assertThrows(CatalogueException.class, () -> Features.check(CATALOGUE, missing));
    assertTrue(lacking.getMessage().contains("command 'audit' has no handler"), lacking.getMessage());
  }

  @Test
  @DisplayName("every command and subcommand has a French word, and no word is one a conversation understands (aide, retour, passer...)")
  void frenchWordsCollideWithNothing() {
    for (CommandSpec c : CATALOGUE.commands()) {
      List<CommandSpec> all = new ArrayList<>(c.subcommands());
      if (c.bare() != null) {
        all.add(c.bare());
      }
      assertFalse(c.fr().isBlank(), c.word());
      if (!c.conversation() && !c.word().equals("help")) {
        for (String w : List.of(c.word(), c.fr())) {
          assertTrue(GlobalWord.parse(w).isEmpty(), c.word() + ": '" + w + "' is a conversation word");
        }
      }
      for (CommandSpec s : all) {
        assertFalse(s.fr().isBlank(), c.word() + " " + s.word());
        assertTrue(GlobalWord.parse(s.fr()).isEmpty(), c.word() + " " + s.word() + ": '" + s.fr() + "' is a conversation word");
      }
    }
  }

  @Test
  @DisplayName("a catalogue with a word used twice or a missing description is refused, naming the file and the command")
  void brokenCatalogue() {
    String twice = """
        commands:
          - word: {en: stakes, fr: enjeux}
            description: {fr: "a", en: "a"}
          - word: {en: sheet, fr: enjeux}
            description: {fr: "b", en: "b"}
        """;
    CatalogueException e = assertThrows(CatalogueException.class, () -> CommandCatalogue.read(twice, "prompts/commands.yaml"));
    assertEquals("prompts/commands.yaml: commands: 'enjeux' names both 'stakes' and 'sheet'", e.getMessage());
    String undescribed = """
        commands:
          - word: {en: stakes, fr: enjeux}
            subcommands:
              - word: {en: history, fr: historique}
                description: {fr: "revoir"}
            description: {fr: "a", en: "a"}
        """;
    e = assertThrows(CatalogueException.class, () -> CommandCatalogue.read(undescribed, "prompts/commands.yaml"));
    assertEquals("prompts/commands.yaml: command 'stakes history': description en must be 1 to 100 characters", e.getMessage());
    String clash = """
        commands:
          - word: {en: withdraw, fr: retrait}
            description: {fr: "a", en: "a"}
            subcommands:
              - word: {en: return, fr: retour}
                description: {fr: "b", en: "b"}
          - word: {en: back, fr: retour}
            description: {fr: "c", en: "c"}
            conversation: true
        """;
    e = assertThrows(CatalogueException.class, () -> CommandCatalogue.read(clash, "prompts/commands.yaml"));
    assertEquals("prompts/commands.yaml: command 'withdraw': 'retour' is already a conversation word", e.getMessage());
  }

  @Test
  @DisplayName("French command words work like the English ones: /trame fiche 7, /trame enjeux historique, /trame point reporter")
  void frenchWords() throws Exception {
    try (TestBot bot = new TestBot(dir.resolve("trame.db"), "carol")) {
      // given a member
      // when they type French words
      // then the same command runs as with the English ones
      assertEquals(bot.command("alice", "sheet 7"), bot.command("alice", "fiche 7"));
      assertEquals(bot.command("alice", "stakes history"), bot.command("alice", "enjeux historique"));
      assertEquals(bot.command("alice", "mydata"), bot.command("alice", "mesdonnees"));
      assertEquals(bot.command("alice", "privacy"), bot.command("alice", "confidentialité"));
      assertEquals(bot.command("alice", "checkin snooze 2099-01-01"), bot.command("alice", "point reporter 2099-01-01"));
      // and a coordinator's French words are their commands, audited under the canonical words
      bot.command("carol", "enjeux tour 7");
      bot.command("carol", "enjeux tour clore");
      assertEquals(List.of("stakes round|7", "stakes round|close"),
          bot.rows("SELECT action, detail FROM audit_log WHERE actor = 'carol' ORDER BY id"));
    }
  }

  @Test
  @DisplayName("typed without /trame, words that read as a command run it, but a sentence that starts with a command's word does not")
  void sentencesAreNotCommands() throws Exception {
    try (TestBot bot = new TestBot(dir.resolve("trame.db"), "carol")) {
      bot.command("alice", "lang fr");
      String none = "Nous n'avons pas de conversation en cours.";
      // when alice, with no conversation open, writes sentences starting with retrait, journal, point
      // then none starts a withdrawal, an audit or a check-in command: she is told there is no conversation
      assertTrue(TestBot.joined(bot.say("alice", "Retrait de la subvention : on en parle ?")).startsWith(none));
      assertTrue(TestBot.joined(bot.say("alice", "Journal de bord de la semaine")).startsWith(none));
      assertTrue(TestBot.joined(bot.say("alice", "Point rapide sur le budget")).startsWith(none));
      assertEquals(List.of(), bot.rows("SELECT action FROM audit_log"));
      assertEquals(List.of("0"), bot.rows("SELECT count(*) FROM conversation WHERE flow = 'withdraw'"));
      // and words that read as a command still run it, in French or English
      assertEquals(bot.command("alice", "sheet 7"), bot.say("alice", "fiche 7"));
      assertEquals(bot.command("alice", "stakes history"), bot.say("alice", "enjeux historique"));
    }
  }

  @Test
  @DisplayName("help is written from the catalogue in the member's language: members see their commands, coordinators theirs too")
  void helpPerRole() {
    try (TestBot bot = new TestBot(dir.resolve("trame.db"), "carol")) {
      // given a member and a coordinator
      String member = TestBot.joined(bot.command("alice", "help"));
      String coordinator = TestBot.joined(bot.command("carol", "help"));
      bot.command("alice", "lang fr");
      String french = TestBot.joined(bot.command("alice", "aide"));
      // then every available command has a line for whoever may run it
      for (CommandSpec c : CATALOGUE.offered()) {
        if (c.conversation()) {
          assertTrue(member.contains(c.word()) && french.contains(c.word(Lang.FR)), c.word());
          continue;
        }
        List<CommandSpec> forms = new ArrayList<>(c.subcommands());
        if (c.runsBare()) {
          if (c.runsBare()) {
        forms.add(c.bare() != null ? c.bare() : c);
      }
        }
        for (CommandSpec f : forms) {
          String usage = f == c || f == c.bare() ? CommandCatalogue.usage(c, null, Lang.EN) : CommandCatalogue.usage(c, f, Lang.EN);
          String line = "• " + usage + ": " + f.description().in(Lang.EN);
          assertTrue(coordinator.contains(line), line);
          assertEquals(!f.coordinator(), member.contains(line), line);
        }
      }
      // and in French, the French words
      assertTrue(french.contains("• fiche [1-9] : les fiches pratiques"), french);
      assertTrue(french.contains("• enjeux historique : revoir l'évolution de vos enjeux"), french);
      assertFalse(member.contains("diagnostic"), member); // planned commands are not offered (ethics now is)
    }
  }
}
