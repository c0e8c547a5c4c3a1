package org.trame.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.discord.ComponentId.Kind;

class ComponentIdTest {

  @Test
  @DisplayName("a component id carries the guild, conversation, step and value, and decodes back to them")
  void roundTrip() {
    // given a choice button of conversation 42 in a guild
    ComponentId id = new ComponentId(Kind.CHOICE, "1200000000000000002", "42", "why#share", "collective");
    // when it is encoded and decoded
    String encoded = id.encode().orElseThrow();
    // then it reads back the same, in the documented form
    assertEquals("trame|c|1200000000000000002|42|why#share|collective", encoded);
    assertEquals(Optional.of(id), ComponentId.decode(encoded));
  }

  @Test
  @DisplayName("separators inside a step or value are escaped, not confused with the id's structure")
  void escaping() {
    // given a value holding the separator and a percent sign
    ComponentId id = new ComponentId(Kind.CHOICE, "1", "7", "a|b", "50%|x");
    // when encoded and decoded
    // then nothing is lost
    assertEquals(Optional.of(id), ComponentId.decode(id.encode().orElseThrow()));
  }

  @Test
  @DisplayName("an id longer than Discord's 100 characters is not produced")
  void tooLong() {
    // given a value that makes the id exceed 100 characters
    ComponentId id = new ComponentId(Kind.CHOICE, "1200000000000000002", "42", "step", "v".repeat(80));
    // when encoded
    // then there is no id, so the renderer falls back to a select menu
    assertTrue(id.encode().isEmpty());
  }

  @Test
  @DisplayName("foreign, malformed or forged ids decode to nothing")
  void foreign() {
    // given ids this adapter never wrote
    // when decoded
    // then they are refused
    assertTrue(ComponentId.decode("other-bot:button").isEmpty());
    assertTrue(ComponentId.decode("trame|x|1|2|3|4").isEmpty(), "unknown kind");
    assertTrue(ComponentId.decode("trame|c|not-a-guild|2|3|4").isEmpty(), "guild must be a snowflake");
    assertTrue(ComponentId.decode("trame|c|1|2|3").isEmpty(), "missing field");
    assertTrue(ComponentId.decode(null).isEmpty());
  }
}
