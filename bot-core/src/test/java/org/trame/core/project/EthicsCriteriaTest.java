package org.trame.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.TestBot;
import org.trame.core.i18n.Lang;

/** The collective's ethics criteria: the three of sheet 8 until coordinators adapt them, in each reader's language. */
class EthicsCriteriaTest extends ProjectCollective {

  @Test
  @DisplayName("by default the criteria are sheet 8's three, in the reader's language, and say that coordinators can adapt them")
  void defaults() throws Exception {
    String en = TestBot.joined(bot.command(ALICE, "ethics criteria"));
    assertTrue(en.contains("1. Impact: ") && en.contains("2. People involved: ") && en.contains("3. Instrumentalisation: "), en);
    assertTrue(en.contains("These are the three criteria suggested by sheet 8"), en);
    bot.command(ALICE, "lang fr");
    String fr = TestBot.joined(bot.command(ALICE, "éthique critères"));
    assertTrue(fr.contains("1. Impact : ") && fr.contains("2. Interlocuteurs : ") && fr.contains("3. Instrumentalisation : "), fr);
    try (java.sql.Connection c = bot.trame().read()) {
      List<String> api = EthicsCriteria.of(c, "console:" + TestBot.COLLECTIVE, Lang.FR);
      assertEquals(3, api.size());
      assertTrue(api.get(1).startsWith("Interlocuteurs : "), api.toString());
    }
  }

  @Test
  @DisplayName("coordinators add and remove criteria; defaults kept stay bilingual, the change is audited, and a new round uses the new list")
  void coordinatorsAdapt() throws Exception {
    // (the longer form "ethics criteria add" works too)
    String said = TestBot.joined(bot.command(CAROL, "ethics criteria add No partner under investigation for labour abuses"));
    assertTrue(said.contains("4. No partner under investigation for labour abuses"), said);
    said = TestBot.joined(bot.command(CAROL, "ethics remove 2"));
    assertTrue(said.contains("2. Instrumentalisation: ") && said.contains("3. No partner under investigation"), said);
    bot.command(ALICE, "lang fr");
    String fr = TestBot.joined(bot.command(ALICE, "ethique criteres"));
    assertTrue(fr.contains("1. Impact : ") && fr.contains("2. Instrumentalisation : ") && fr.contains("3. No partner under"), fr);
    assertTrue(!fr.contains("trois critères proposés"), fr);
    assertEquals(List.of("ethics remove|2|0", "ethics add|null|0"),
        bot.rows("SELECT action, detail, refused FROM audit_log WHERE actor = ? ORDER BY id DESC", CAROL));
    // a new round goes through the three criteria now set
    project("Food bank", BOB);
    String toBob = to(lines(CAROL, "/trame ethics Food bank"), BOB);
    assertTrue(toBob.contains("Criterion 1 of 3: Impact"), toBob);
    toBob = to(lines(BOB, "1", "1"), BOB);
    assertTrue(toBob.contains("Criterion 3 of 3: No partner under investigation for labour abuses"), toBob);
  }

  @Test
  @DisplayName("members cannot change the criteria, the last criterion cannot go, and a criterion needs words")
  void limits() throws Exception {
    assertTrue(TestBot.joined(bot.command(ALICE, "ethics add Anything goes")).contains("coordinator"));
    assertTrue(TestBot.joined(bot.command(CAROL, "ethics add")).startsWith("Write the criterion"));
    assertTrue(TestBot.joined(bot.command(CAROL, "ethics remove 7")).startsWith("Give the number of the criterion to remove, 1 to 3"));
    bot.command(CAROL, "ethics remove 1");
    bot.command(CAROL, "ethics remove 1");
    assertEquals(List.of("A grid needs at least one criterion: add another before removing this one."),
        bot.command(CAROL, "ethics remove 1"));
    assertEquals(List.of("instrumentalisation"), bot.rows("SELECT default_key FROM ethics_criterion"));
  }
}
