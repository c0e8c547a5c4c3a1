package org.trame.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.port.Audience;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.Option;
import org.trame.core.port.OutboundMessage;

class ConsoleAdapterTest {

  final List<InboundEvent> events = new ArrayList<>();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  ConsoleAdapter.Summary run(String collective, boolean replay, byte[] input) throws Exception {
    ConsoleAdapter adapter = new ConsoleAdapter(e -> {
      events.add(e);
      return CompletableFuture.completedFuture(new Handled(Handled.Outcome.ACCEPTED, List.of()));
    }, collective, new PrintStream(err, true, StandardCharsets.UTF_8), replay);
    return adapter.run(new ByteArrayInputStream(input));
  }

  ConsoleAdapter.Summary run(String transcript) throws Exception {
    return run("local", true, transcript.getBytes(StandardCharsets.UTF_8));
  }

  String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("'member: /trame words' is a command and 'member: text' is text")
  void parsesLines() throws Exception {
    run("alice: /trame stakes\nbob:  I am here to learn\n");
    assertEquals(InboundEvent.Kind.COMMAND, events.get(0).kind());
    assertEquals("stakes", events.get(0).text());
    assertEquals("alice", events.get(0).member());
    assertEquals(InboundEvent.Kind.TEXT, events.get(1).kind());
    assertEquals(" I am here to learn", events.get(1).text());
    assertEquals("local", events.get(1).collective());
  }

  @Test
  @DisplayName("'/TRAME' or '/Trame' starts a command too")
  void commandPrefixInAnyCase() throws Exception {
    run("alice: /TRAME help\nbob: /Trame stakes\n");
    assertEquals(List.of(InboundEvent.Kind.COMMAND, InboundEvent.Kind.COMMAND), events.stream().map(InboundEvent::kind).toList());
    assertEquals(List.of("help", "stakes"), events.stream().map(InboundEvent::text).toList());
  }

  @Test
  @DisplayName("a line with no 'member:' part gets an error line naming the line, and the session goes on")
  void malformedLine() throws Exception {
    ConsoleAdapter.Summary s = run("just some words\nalice: /trame help\n");
    assertTrue(errors().contains("! line 1: expected \"member: text\""), errors());
    assertEquals(1, s.malformed());
    assertEquals(1, events.size());
  }

  @Test
  @DisplayName("an empty line is reported and skipped")
  void emptyLine() throws Exception {
    run("\nalice: hi\n");
    assertTrue(errors().contains("! line 1: empty line ignored"), errors());
    assertEquals(1, events.size());
  }

  @Test
  @DisplayName("given the core refuses a line with a reason quoting the member's words, when the error line is printed, then it is one line with no escape sequence")
  void errorLineQuotesNoControls() throws Exception {
    // given: a core whose failure message holds what the member typed
    ConsoleAdapter adapter = new ConsoleAdapter(e -> CompletableFuture.failedFuture(
        new IllegalStateException("cannot store \u001B[2J" + e.text())), "local",
        new PrintStream(err, true, StandardCharsets.UTF_8), true);

    // when: a transcript line carrying a line separator the reader does not split on
    adapter.run(new ByteArrayInputStream("alice: hi\u0085# local: forged\n".getBytes(StandardCharsets.UTF_8)));

    // then
    List<String> lines = errors().lines().toList();
    assertEquals(List.of("! line 1: not saved: cannot store hi # local: forged"), lines);
  }

  @Test
  @DisplayName("invalid UTF-8 bytes become replacement characters; the line is still handled")
  void invalidUtf8() throws Exception {
    byte[] bad = {'a', 'l', 'i', 'c', 'e', ':', ' ', 'h', (byte) 0xC3, (byte) 0x28, 'i', '\n'};
    run("local", true, bad);
    assertEquals(1, events.size());
    assertEquals("h\uFFFD(i", events.get(0).text());
  }

  @Test
  @DisplayName("replaying the same transcript gives the same event ids, so handled lines are skipped")
  void replayIdsAreStable() throws Exception {
    run("alice: /trame stakes\nalice: hello\n");
    run("alice: /trame stakes\nalice: hello\n");
    assertEquals(events.get(0).eventId(), events.get(2).eventId());
    assertEquals(events.get(1).eventId(), events.get(3).eventId());
    assertNotEquals(events.get(0).eventId(), events.get(1).eventId());
  }

  @Test
  @DisplayName("the same line after a different history is a different event")
  void idsDependOnHistory() throws Exception {
    run("alice: yes\n");
    run("alice: no\nalice: yes\n");
    assertNotEquals(events.get(0).eventId(), events.get(2).eventId());
  }

  @Test
  @DisplayName("one transcript replayed into two collectives is two streams of events")
  void idsDependOnCollective() throws Exception {
    run("one", true, "alice: hi\n".getBytes(StandardCharsets.UTF_8));
    run("two", true, "alice: hi\n".getBytes(StandardCharsets.UTF_8));
    assertNotEquals(events.get(0).eventId(), events.get(1).eventId());
  }

  @Test
  @DisplayName("typed lines are new events each time, even when identical")
  void typedLinesAreNew() throws Exception {
    run("local", false, "alice: yes\n".getBytes(StandardCharsets.UTF_8));
    run("local", false, "alice: yes\n".getBytes(StandardCharsets.UTF_8));
    assertNotEquals(events.get(0).eventId(), events.get(1).eventId());
  }

  @Test
  @DisplayName("output lines start with whom they are for; choices are numbered")
  void outputContract() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ConsoleMessenger m = new ConsoleMessenger(new PrintStream(out, true, StandardCharsets.UTF_8));
    m.send(new OutboundMessage(1, "console", "local", Audience.member("alice"), "Who may see it?\nPick one.",
        OutboundMessage.Expects.CHOICE, List.of(new Option("private", "Only me"), new Option("collective", "Everyone")),
        "1", "why#share", "en"));
    m.send(new OutboundMessage(2, "console", "local", Audience.channel("local"), "Round closed.",
        OutboundMessage.Expects.NOTHING, List.of(), null, null, "en"));
    assertEquals("""
        → alice: Who may see it?
        → alice: Pick one.
        → alice:   1) Only me
        → alice:   2) Everyone
        # local: Round closed.
        """, out.toString(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("a chart posted to the channel is written as a file whose path the channel line gives")
  void imageIsWrittenAndNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    // given a terminal whose files go to dir
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ConsoleMessenger m = new ConsoleMessenger(new PrintStream(out, true, StandardCharsets.UTF_8), dir.resolve("files"));
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    // when a report with a chart is sent
    m.send(new OutboundMessage(7, "console", "local", Audience.channel("local"), "Check-in report", OutboundMessage.Expects.NOTHING,
        List.of(), null, null, "en", org.trame.core.port.Attachment.png("trend.png", png)));
    // then the text and a line naming the written file are printed to the channel
    java.nio.file.Path file = dir.resolve("files").resolve("7-trend.png");
    assertEquals("# local: Check-in report\n# local: [trend.png] " + file + "\n", out.toString(StandardCharsets.UTF_8));
    org.junit.jupiter.api.Assertions.assertArrayEquals(png, java.nio.file.Files.readAllBytes(file));
  }
}
