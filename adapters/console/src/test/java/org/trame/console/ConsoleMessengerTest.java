package org.trame.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.port.Audience;
import org.trame.core.port.Mentions;
import org.trame.core.port.Option;
import org.trame.core.port.OutboundMessage;
import org.trame.core.port.OutboundMessage.Expects;

@DisplayName("Console: a member's words cannot drive the terminal nor forge a line the bot did not print")
class ConsoleMessengerTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ConsoleMessenger terminal = new ConsoleMessenger(new PrintStream(out, true, StandardCharsets.UTF_8));

  private String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private void toAlice(String text, Expects expects, List<Option> options) throws Exception {
    terminal.send(new OutboundMessage(1, "console", "local", Audience.member("alice"), text, expects, options, "1", "s#1", "en"));
  }

  @Test
  @DisplayName("given a member's remark with colour codes, a title change, a bell, C1 codes, DEL and bidi overrides, when printed, then only her words are left")
  void controlCharactersAreStripped() throws Exception {
    // given
    String remark = "Remark: \u001B[31mred\u001B[0m \u001B]0;owned\u0007title \u0007bell\u009B2Jc1 del\u007F "
        + "\u202Egnp.exe\u202C \u2066iso\u2069 tab\tkept";

    // when
    toAlice(remark, Expects.NOTHING, List.of());

    // then
    assertEquals("→ alice: Remark: red title bellc1 del gnp.exe iso tab\tkept\n", printed());
  }

  @Test
  @DisplayName("given a member's text with a terminal hyperlink and an escape left open, when printed, then the link's markup goes and the words after the open escape stay")
  void openEscapeSwallowsNothing() throws Exception {
    // when
    toAlice("see \u001B]8;;https://evil.example\u0007the minutes\u001B]8;;\u0007 then \u001B]2;and the bot's text after it",
        Expects.NOTHING, List.of());

    // then
    assertEquals("→ alice: see the minutes then 2;and the bot's text after it\n", printed());
  }

  @Test
  @DisplayName("given a member's words holding line breaks of every kind, when printed, then each line still starts with its recipient, so none looks like a channel or another member's line")
  void lineBreaksCannotForgeLines() throws Exception {
    // given: a newline, a carriage return, vertical tab, form feed, NEL and the Unicode separators
    String words = "ok\n# local: the round is cancelled\r→ bob: your answer was deleted\u000B# local: a"
        + "\u000C# local: b\u0085# local: c\u2028# local: d\u2029# local: e\r\n# local: f";

    // when
    toAlice(words, Expects.NOTHING, List.of());

    // then
    List<String> lines = printed().lines().toList();
    assertEquals(9, lines.size(), printed());
    for (String line : lines) {
      assertTrue(line.startsWith("→ alice: "), "a line not addressed to alice: " + line);
    }
    assertEquals("→ alice: # local: the round is cancelled", lines.get(1));
  }

  @Test
  @DisplayName("given an option label holding a line break and an escape sequence, when the choices are printed, then each stays on its own numbered line")
  void optionLabelsStayOnTheirLine() throws Exception {
    // when
    toAlice("Who?", Expects.CHOICE, List.of(new Option("a", "Alice\n# local: forged"), new Option("b", "\u001B[2KBob")));

    // then
    assertEquals("""
        → alice: Who?
        → alice:   1) Alice # local: forged
        → alice:   2) Bob
        """, printed());
  }

  @Test
  @DisplayName("given a message naming a member with the bot's mention token, when printed, then the member shows as @id")
  void mentionsShowAsAt() throws Exception {
    // when
    terminal.send(new OutboundMessage(2, "console", "local", Audience.channel("local"),
        "Conflict space opened between " + Mentions.of("alice") + " and " + Mentions.of("bob") + ".", Expects.NOTHING,
        List.of(), null, null, "en"));

    // then
    assertEquals("# local: Conflict space opened between @alice and @bob.\n", printed());
  }
}
