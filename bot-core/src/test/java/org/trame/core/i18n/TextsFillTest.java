package org.trame.core.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Placeholders are filled in one pass: what fills them is never read as a template. */
class TextsFillTest {

  @Test
  @DisplayName("a member's solution holding \"{impact}\" is printed as typed, not with the impact mark in it")
  void memberTextIsNotATemplate() {
    String line = Texts.fill("{n}. {solution} — {impact}", "n", 1, "solution", "A shared {impact} calendar", "impact", 4.0);
    assertEquals("1. A shared {impact} calendar — 4.0", line);
  }

  @Test
  @DisplayName("a value holding another key's placeholder, or braces, is left alone; unknown placeholders stay")
  void bracesAndUnknown() {
    assertEquals("alice said {name} and {} — {other}", Texts.fill("{who} said {what} — {other}", "who", "alice", "what",
        "{name} and {}", "name", "bob"));
    assertEquals("{ open", Texts.fill("{ open", "x", 1));
  }
}
