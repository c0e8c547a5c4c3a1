package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.TestBot;
import org.trame.core.port.InboundEvent;

/** The words that work at every step, the coordinator's close, and collectives kept apart. */
class ConflictControlsTest extends ConflictSpaceTest {

  @Test
  @DisplayName("help, back, pause and resume work inside a case, across a restart, and lose nothing")
  void wordsAtEveryStep() throws Exception {
    s.command("carol", "conflict @alice @bob");
    s.says("alice", "yes", "Our two teams keep double-booking the meeting room every week.");
    String help = s.say("alice", "help");
    assertTrue(help.contains("A need conflict is about a concrete need left unmet"), help);
    assertTrue(s.say("alice", "back").contains("Your previous answer was: Our two teams keep double-booking"));
    s.says("alice", "Our two teams keep double-booking the meeting room every single week.");
    assertTrue(s.say("alice", "pause").startsWith("Paused."));
    s.bot.restart();
    assertTrue(s.say("alice", "resume").contains("Is that right?"));
    s.says("alice", "2");
    s.joinAs("bob", "We need the room on Mondays and nobody told us about the new rule.", "2");
    assertTrue(s.to("alice").contains("You see it as a need conflict"), s.to("alice"));
  }

  @Test
  @DisplayName("a coordinator's close ends every party's conversation and tells them nothing private was passed on")
  void coordinatorCloses() throws Exception {
    s.command("carol", "conflict @alice @bob");
    s.joinAs("alice", "Our two teams keep double-booking the meeting room every week.", "2");
    assertTrue(s.command("carol", "conflict close 7").startsWith("Usage: \"conflict close <n>\""));
    assertTrue(s.command("carol", "conflict close #1").endsWith("Space #1 closed."));
    assertTrue(s.to("bob").contains("Space #1 was closed by the coordinators. Nothing you wrote privately in it was passed on."));
    assertEquals("We have no conversation going on. Type \"/trame help\" to see what I can do.", s.say("bob", "yes"));
    assertTrue(s.command("carol", "conflict status").contains("No conflict space is open."));
    assertTrue(s.command("carol", "conflict @alice @bob").contains("Conflict space #2 opened"), "the parties are free again");
  }

  @Test
  @DisplayName("a member of another collective cannot be named a party, and a coordinator elsewhere sees no case of this one")
  void collectivesApart() throws Exception {
    s.command("carol", "conflict @alice @bob");
    java.util.function.Function<String, List<String>> elsewhere = words -> TestBot.texts(s.bot.handle(
        InboundEvent.command(UUID.randomUUID().toString(), "console", "elsewhere", "carol", words)));
    elsewhere.apply("lang en");
    TestBot.texts(s.bot.handle(InboundEvent.command(UUID.randomUUID().toString(), "console", "elsewhere", "zoe", "lang en")));
    assertTrue(String.join("\n", elsewhere.apply("conflict @zoe @alice")).contains("I don't know \"@alice\" in this collective"));
    assertEquals(List.of("No conflict space is open."), elsewhere.apply("conflict status"));
    assertFalse(s.to("zoe").contains("take part"));
  }
}
