package org.trame.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;

/** Whatever a member types or clicks, the core answers and every conversation stays in a valid step. */
class RandomInputTest {

  @TempDir
  Path dir;

  static final List<String> WORDS = List.of("help", "aide", "back", "retour", "skip", "passer", "pause", "resume",
      "reprendre", "cancel", "annuler", "/trame stakes", "/trame lang fr", "/trame lang en", "/trame help", "/trame",
      "yes", "non", "1", "2", "3", "4", "5", "7", "0", "-1", "1,3", "1,,9", "99999999999", "", "   ");
  static final List<String> ODD = List.of("🙂🙃", "\u200B\u200B", "\u202Eevil\u202C", "e\u0301\u0301\u0301", "\u0000",
      "'; DROP TABLE member; --", "%s%n{0}", "\\u0000", "\r\n", "ｆｕｌｌｗｉｄｔｈ");

  static String randomInput(Random r) {
    return switch (r.nextInt(5)) {
      case 0, 1 -> WORDS.get(r.nextInt(WORDS.size()));
      case 2 -> ODD.get(r.nextInt(ODD.size())).repeat(1 + r.nextInt(3));
      case 3 -> "x".repeat(r.nextInt(r.nextBoolean() ? 50 : 100_001));
      default -> "I am here because " + r.nextInt(1000) + " reasons matter to our association";
    };
  }

  @Test
  @DisplayName("3,000 random inputs from five members never break a turn nor leave a conversation in an invalid step")
  void randomInputs() throws Exception {
    Random r = new Random(20261122);
    try (TestBot bot = new TestBot(dir.resolve("trame.db"))) {
      List<String> members = List.of("ana", "ben", "chloé", "dev", "eve");
      String lastRef = null;
      for (int i = 0; i < 3_000; i++) {
        String member = members.get(r.nextInt(members.size()));
        String input = randomInput(r);
        InboundEvent e = switch (r.nextInt(4)) {
          case 0 -> InboundEvent.command("e" + i, "console", "test", member, input);
          case 1 -> InboundEvent.choice("e" + i, "console", r.nextInt(10) == 0 ? "other" : "test", member,
              lastRef == null ? "1" : lastRef, r.nextBoolean() ? "why" : "purpose", input);
          default -> InboundEvent.text("e" + i, "console", "test", member, input);
        };
        Handled h = bot.handle(e);
        assertFalse(h.messages().isEmpty(), "every event gets an answer: " + e);
        for (var m : h.messages()) {
          assertFalse(m.text().startsWith("Sorry, something went wrong") || m.text().startsWith("Désolé, quelque chose"),
              "input " + i + " broke a turn: " + e);
          assertTrue(m.audience().isPrivate(), "nothing of this goes to a channel");
          assertEquals(e.member(), m.audience().id(), "a reply goes to whoever spoke");
          if (m.conversationRef() != null) {
            lastRef = m.conversationRef();
          }
        }
      }
      var flow = bot.trame().prompts().flow("stakes").orElseThrow();
      for (String row : bot.rows("SELECT status || '|' || COALESCE(step, '') FROM conversation")) {
        String[] parts = row.split("\\|", -1);
        if (parts[0].equals("active") || parts[0].equals("paused")) {
          assertTrue(flow.has(parts[1]), "an open conversation stands at a real step: " + row);
        } else {
          assertEquals("", parts[1], "an ended conversation has no step: " + row);
        }
      }
    }
  }
}
