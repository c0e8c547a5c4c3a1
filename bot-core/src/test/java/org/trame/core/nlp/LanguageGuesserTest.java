package org.trame.core.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trame.core.i18n.Lang;

class LanguageGuesserTest {

  static LanguageGuesser guesser;

  @BeforeAll
  static void load() {
    guesser = LanguageGuesser.loadInBackground();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Nous voulons peser davantage dans le plaidoyer régional avec les autres structures.|FR",
      "Je crains de perdre mon financeur principal si le collectif prend toute la place.|FR",
      "We want to have more weight in regional advocacy together with the others.|EN",
      "I am afraid our funder will back the collective instead of us.|EN",
      "ok merci|NONE",
      "12345 678|NONE",
      "Hello|NONE",
  })
  @DisplayName("French and English are told apart; too short a text gives no guess")
  void guesses(String text, String expected) {
    Optional<Lang> guess = guesser.guess(text);
    assertEquals(expected, guess.map(Enum::name).orElse("NONE"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Hello|EN",
      "Hi there!|EN",
      "Bonjour !|FR",
      "Salut|FR",
      "Highway 61|NONE",
      "ok merci|NONE",
      "Hello, I would like to talk about the budget|NONE",
  })
  @DisplayName("a short text that opens with a greeting hints at its language; a long one is left to the model")
  void greetings(String text, String expected) {
    assertEquals(expected, guesser.greeting(text).map(Enum::name).orElse("NONE"));
  }
}
