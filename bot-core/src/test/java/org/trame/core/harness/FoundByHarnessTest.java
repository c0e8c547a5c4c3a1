package org.trame.core.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.MutableClock;
import org.trame.core.TestBot;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.OutboundMessage;

/** What the reliability harness found, each kept fixed by a test of what a member would notice. */
class FoundByHarnessTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("a click on a check-in question after the round closed is told the conversation is finished, and it stays ended with no step")
  void clickAfterRoundClosed() throws Exception {
    try (TestBot bot = new TestBot(dir.resolve("trame.db"), new MutableClock(Instant.parse("2026-11-23T09:00:00Z")), "carol")) {
      // given ana holding the first question of a check-in round that carol then closes
      bot.command("carol", "lang en");
      bot.command("ana", "lang en");
      Handled opened = bot.handle(InboundEvent.command("open", TestBot.PLATFORM, TestBot.COLLECTIVE, "carol", "checkin now"));
      OutboundMessage question = opened.messages().stream()
          .filter(m -> m.audience().id().equals("ana") && m.stepRef() != null).findFirst().orElseThrow();
      bot.command("carol", "checkin close");
      // when ana clicks an answer on that old question
      Handled late = bot.handle(InboundEvent.choice("late", TestBot.PLATFORM, TestBot.COLLECTIVE, "ana",
          question.conversationRef(), question.stepRef(), "4"));
      // then she is told it is over, and her conversation stays ended with no step to come back to
      assertEquals(1, late.messages().size(), TestBot.texts(late).toString());
      assertEquals(List.of("cancelled||"), bot.rows("SELECT status || '|' || COALESCE(step, '') || '|'"
          + " || COALESCE(json_extract(state, '$.step'), '') FROM conversation WHERE member_id = 'ana'"));
    }
  }

  @Test
  @DisplayName("after a clean stop and a start on the same file, the replies of the last turns are not sent a second time")
  void noResendAfterCleanStop() throws Exception {
    try (TestBot bot = new TestBot(dir.resolve("trame.db"))) {
      // given a member's question sent, then the bot stopped normally right after
      bot.command("alice", "lang en");
      bot.command("alice", "stakes");
      assertEquals(true, bot.trame().awaitSent(java.time.Duration.ofSeconds(10)));
      int sentBefore = bot.sent.size();
      // when it starts again on the same file
      bot.restart();
      assertEquals(true, bot.trame().awaitSent(java.time.Duration.ofSeconds(10)));
      // then nothing is sent again, and the outbox holds nothing left unsent
      assertEquals(sentBefore, bot.sent.size(), "sent again: " + bot.sent.subList(sentBefore, bot.sent.size()));
      assertEquals(List.of("0"), bot.rows("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL"));
    }
  }
}
