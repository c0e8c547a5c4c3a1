package org.trame.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;

class TurnFailureTest {

  @TempDir
  Path dir;
  TestBot bot;

  @BeforeEach
  void start() {
    bot = new TestBot(dir.resolve("trame.db"));
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  @DisplayName("a turn that fails midway is undone to its start, the member is told, and the event stays handled")
  void failedTurnIsUndoneAndKeptAsHandled() throws Exception {
    // given a conversation whose stored step no flow knows, and a member whose language is not known yet
    bot.command("alice", "stakes");
    bot.trame().write(c -> c.createStatement().executeUpdate("UPDATE conversation SET state = json_set(state, '$.step', 'nowhere')")).join();
    assertEquals(List.of("null"), bot.rows("SELECT lang FROM member WHERE member_id = 'alice'"));
    String before = bot.rows("SELECT state FROM conversation").get(0);

    // when she writes a clear English sentence (which would set her language) and the flow then fails
    InboundEvent answer = InboundEvent.text("evt-broken", TestBot.PLATFORM, TestBot.COLLECTIVE, "alice",
        "We would like to meet other organisations working on the same questions.");
    Handled handled = bot.handle(answer);

    // then she is told, nothing the turn did is kept, and a redelivery is recognised as already handled
    assertTrue(TestBot.joined(TestBot.texts(handled)).startsWith("Sorry, something went wrong"), TestBot.texts(handled).toString());
    assertEquals(List.of("null"), bot.rows("SELECT lang FROM member WHERE member_id = 'alice'"));
    assertEquals(List.of(before), bot.rows("SELECT state FROM conversation"));
    assertEquals(Handled.Outcome.DUPLICATE, bot.handle(answer).outcome());
    assertEquals(List.of("1"), bot.rows("SELECT COUNT(*) FROM inbound_event WHERE event_id = 'console:evt-broken'"));
  }

  @Test
  @DisplayName("a turn that fails in a group transaction is undone alone: the turns batched with it are applied once, in order")
  void failedTurnInABatch() throws Exception {
    // given alice's conversation broken as above, and bob and carol at the first stakes question
    bot.command("alice", "stakes");
    bot.trame().write(c -> c.createStatement().executeUpdate("UPDATE conversation SET state = json_set(state, '$.step', 'nowhere')")).join();
    for (String m : List.of("bob", "carol")) {
      bot.command(m, "lang en");
      bot.command(m, "stakes");
    }
    long eventsBefore = Long.parseLong(bot.rows("SELECT COUNT(*) FROM inbound_event").get(0));

    // when the three answer while the writer is busy, so that their turns share one transaction
    TestBot.WriterHold held = bot.holdWriter();
    var bob = bot.trame().handle(InboundEvent.text("b1", TestBot.PLATFORM, TestBot.COLLECTIVE, "bob", "To learn from the others."));
    var alice = bot.trame().handle(InboundEvent.text("a1", TestBot.PLATFORM, TestBot.COLLECTIVE, "alice", "To meet people."));
    var carol = bot.trame().handle(InboundEvent.text("c1", TestBot.PLATFORM, TestBot.COLLECTIVE, "carol", "To share our tools."));
    held.release();

    // then alice is told something went wrong, bob and carol are asked who may see their answer, each kept once
    assertTrue(TestBot.joined(TestBot.texts(alice.join())).startsWith("Sorry, something went wrong"));
    for (var handled : List.of(bob.join(), carol.join())) {
      assertEquals(Handled.Outcome.ACCEPTED, handled.outcome());
      assertTrue(TestBot.joined(TestBot.texts(handled)).contains("Who may see this answer?"), TestBot.texts(handled).toString());
    }
    assertEquals(List.of("why|To learn from the others.", "why|To share our tools."),
        bot.rows("SELECT step || '|' || json_extract(state, '$.answers.why.value') FROM conversation"
            + " WHERE member_id IN ('bob', 'carol') ORDER BY member_id"));
    assertEquals(List.of(String.valueOf(eventsBefore + 3)), bot.rows("SELECT COUNT(*) FROM inbound_event"));
  }
}
