package org.trame.core.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trame.core.TestBot;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.OutboundMessage;

class SheetsCommandTest {

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
  @DisplayName("'sheet 7' tells the member privately, in English, the sheet's title, when it fits and its approaches")
  void sheetSevenInEnglish() {
    Handled h = bot.handle(InboundEvent.command("e1", TestBot.PLATFORM, TestBot.COLLECTIVE, "alice", "sheet 7"));

    assertEquals(1, h.messages().size());
    OutboundMessage m = h.messages().get(0);
    assertTrue(m.audience().isPrivate());
    assertTrue(m.text().startsWith("Practice sheet 7: Accept and handle the natural conflicts of cooperation"), m.text());
    assertTrue(m.text().contains("When it fits: an open disagreement"), m.text());
    assertTrue(m.text().contains("no-lose resolution in six steps"), m.text());
  }

  @Test
  @DisplayName("'sheet 8' in French gives the French sheet on ethics, with the right to withdraw")
  void sheetEightInFrench() {
    String text = TestBot.joined(bot.command("amelie", "sheet 8"));

    assertTrue(text.startsWith("Fiche pratique 8 : Traiter les questions éthiques en collectif"), text);
    assertTrue(text.contains("Quand elle sert :"), text);
    assertTrue(text.contains("se retirer du projet, sans être exclus du collectif"), text);
    assertFalse(text.contains("When it fits"));
  }

  @Test
  @DisplayName("'sheet' alone lists the nine titles, numbered, in the member's language")
  void list() {
    String en = TestBot.joined(bot.command("alice", "sheet"));
    String fr = TestBot.joined(bot.command("amelie", "sheet"));

    for (int n = 1; n <= 9; n++) {
      assertTrue(en.contains("\n" + n + ". "), en);
      assertTrue(fr.contains("\n" + n + ". "), fr);
    }
    assertTrue(en.contains("1. Check that there are real synergies"), en);
    assertTrue(en.contains("9. Build the knowledge, attitudes and skills needed"), en);
    assertTrue(fr.contains("4. Ajuster les contributions en temps et en moyens aux ambitions"), fr);
  }

  @ParameterizedTest(name = "sheet {0}")
  @DisplayName("a sheet number out of 1-9 or not a number gets the usage, in English and in French")
  @ValueSource(strings = {"0", "10", "abc", "-1", "7 8", "99999999999999999999"})
  void outOfRange(String arg) {
    List<String> en = bot.command("alice", "sheet " + arg);
    List<String> fr = bot.command("amelie", "sheet " + arg);

    assertEquals(List.of("Give a sheet from 1 to 9, for example \"sheet 7\", or \"sheet\" alone for the list of sheets."), en);
    assertEquals(List.of("Indiquez une fiche de 1 à 9, par exemple « sheet 7 », ou « sheet » seul pour la liste des fiches."), fr);
  }

  @Test
  @DisplayName("every sheet has a title, a 'when it fits' and approaches in both languages, reachable from Sheets")
  void everySheetHasItsTexts() {
    for (int n = 1; n <= 9; n++) {
      String en = TestBot.joined(bot.command("alice", "sheet " + n));
      String fr = TestBot.joined(bot.command("amelie", "sheet " + n));
      assertTrue(en.startsWith("Practice sheet " + n + ": ") && en.contains("Approaches:"), en);
      assertTrue(fr.startsWith("Fiche pratique " + n + " : ") && fr.contains("Pistes :"), fr);
      assertEquals("SHEET_" + n + "_TITLE", Sheets.title(n).name());
      assertEquals("SHEET_" + n + "_WHEN", Sheets.when(n).name());
    }
  }

  @Test
  @DisplayName("'help' names the sheet command")
  void helpNamesIt() {
    assertTrue(TestBot.joined(bot.command("alice", "help")).contains("sheet [1-9]"));
  }
}
