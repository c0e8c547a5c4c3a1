package org.trame.core.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextsFillTest {

  @Test
  @DisplayName("a member's words holding a placeholder are printed as typed, not filled")
  void valuesAreNotTemplates() {
    String line = Texts.format("{n}. {solution} — {impact}", Lang.EN, "n", 1, "solution", "A shared {impact} calendar", "impact", 4.0);

    assertEquals("1. A shared {impact} calendar — 4", line);
  }

  @Test
  @DisplayName("a count agrees with its noun in French and English, one and many")
  void plurals() {
    String fr = "{count, plural, one {# idée notée} other {# idées notées}}";
    String en = "{count, plural, one {# idea noted} other {# ideas noted}}";

    assertEquals("1 idée notée", Texts.format(fr, Lang.FR, "count", 1));
    assertEquals("0 idée notée", Texts.format(fr, Lang.FR, "count", 0)); // French: zero is singular
    assertEquals("3 idées notées", Texts.format(fr, Lang.FR, "count", 3));
    assertEquals("1 idea noted", Texts.format(en, Lang.EN, "count", 1));
    assertEquals("0 ideas noted", Texts.format(en, Lang.EN, "count", 0));
  }

  @Test
  @DisplayName("a deadline reads as a French date in French, an English one in English, at the reader's local time")
  void datesInTheReadersLanguage() {
    Moment at = new Moment(Instant.parse("2026-12-08T13:00:00Z"), ZoneId.of("Europe/Paris"));
    String pattern = "{deadline, date, ::dMMMMyHHmm}";

    String fr = Texts.format(pattern, Lang.FR, "deadline", at);
    String en = Texts.format(pattern, Lang.EN, "deadline", at);

    assertTrue(fr.contains("8 décembre 2026") && fr.contains("14:00"), fr);
    assertTrue(en.contains("December 8, 2026") && en.contains("14:00"), en);
    assertTrue(Texts.format(pattern, Lang.EN, "deadline", Moment.utc(Instant.parse("2026-12-08T13:00:00Z").toEpochMilli()))
        .contains("13:00"));
  }

  @Test
  @DisplayName("an id or a year is written as is, not grouped like an amount")
  void wholeNumbersAsIs() {
    assertEquals("Espace n°12345 (2026)", Texts.format("Espace n°{case} ({year})", Lang.FR, "case", 12345L, "year", 2026));
  }

  @Test
  @DisplayName("a placeholder no caller filled is an error, not a '{name}' shown to a member")
  void unfilledPlaceholderFails() {
    assertThrows(IllegalStateException.class, () -> Texts.format("Hello {name}, {other}", Lang.EN, "name", "alice"));
  }

  @Test
  @DisplayName("a message whose placeholders differ between French and English is refused at load")
  void placeholdersMustMatchAcrossLanguages() {
    assertTrue(Texts.problem(LocalText.of("Bonjour {nom}", "Hello {name}")).isPresent());
    assertTrue(Texts.problem(LocalText.of("Bonjour {name", "Hello {name}")).isPresent());
    assertTrue(Texts.problem(LocalText.of("Bonjour {name}", "Hello {name}")).isEmpty());
  }

  @Test
  @DisplayName("an apostrophe in French prose stays an apostrophe")
  void apostrophes() {
    assertEquals("l'équipe d'alice n'a pas répondu", Texts.format("l'équipe d'{who} n'a pas répondu", Lang.FR, "who", "alice"));
  }

  @Test
  @DisplayName("a date that does not exist (a rhythm that never fires again) is written as a dash, in the reader's language otherwise")
  void absentDateIsADash() {
    String pattern = "Next round: {next, date, ::dMMMMyHHmmVV}.";
    Moment at = new Moment(Instant.parse("2026-03-09T08:00:00Z"), ZoneId.of("Europe/Paris"));

    assertEquals("Next round: —.", Texts.format(pattern, Lang.EN, "next", java.util.Optional.empty()));
    assertEquals("Next round: March 9, 2026 at 09:00 Europe/Paris.", Texts.format(pattern, Lang.EN, "next", java.util.Optional.of(at)));
    assertEquals("Prochain tour : 9 mars 2026 à 09:00 Europe/Paris.",
        Texts.format("Prochain tour : {next, date, ::dMMMMyHHmmVV}.", Lang.FR, "next", at));
  }
}
