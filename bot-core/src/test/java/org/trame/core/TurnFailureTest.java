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
}
