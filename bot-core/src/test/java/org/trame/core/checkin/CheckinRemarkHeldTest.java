package org.trame.core.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.TestBot;

/** A check-in remark waits for its author's consent in memory only, never in the database. */
class CheckinRemarkHeldTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("a remark waiting for consent is in no row; once allowed it reaches the report's answers")
  void heldUntilConsent() throws Exception {
    try (CheckinHarness h = new CheckinHarness(dir, Instant.parse("2026-03-02T09:00:00Z"), "carol")) {
      // given a round, and alice who typed a remark and is asked whether it may be shown
      h.members("carol", "alice");
      h.bot.command("carol", "checkin now");
      for (String v : List.of("4", "4", "4", "4")) {
        h.bot.say("alice", v);
      }
      String asked = TestBot.joined(h.bot.say("alice", "Quokka-remark: meetings start late"));
      assertTrue(asked.contains("May this remark appear"), asked);

      // then no row holds it while she has not answered
      assertEquals(List.of("0"), h.bot.rows("SELECT count(*) FROM conversation WHERE state LIKE '%Quokka%'"));

      // when she allows it, it is saved with her answers
      h.bot.say("alice", "yes");
      assertEquals(List.of("Quokka-remark: meetings start late"), h.bot.rows("SELECT remark FROM checkin_answer"));
    }
  }

  @Test
  @DisplayName("a remark waiting for consent survives a crash sealed, never in plain text, and is saved once allowed after the restart")
  void survivesARestartSealed() throws Exception {
    try (CheckinHarness h = new CheckinHarness(dir, Instant.parse("2026-03-02T09:00:00Z"), "carol")) {
      // given alice typed a remark, and the bot stopped as a crash would before she answered whether it may be shown
      h.members("carol", "alice");
      h.bot.command("carol", "checkin now");
      for (String v : List.of("4", "4", "4", "4", "Quokka-remark: meetings start late")) {
        h.bot.say("alice", v);
      }
      h.bot.restart();
      assertEquals(List.of("0"), h.bot.rows("SELECT count(*) FROM conversation WHERE state LIKE '%Quokka%'"));

      // when she says yes after the restart
      String saved = TestBot.joined(h.bot.say("alice", "yes"));

      // then her remark is saved as she typed it, without being asked again
      assertTrue(saved.contains("Thank you, it's recorded"), saved);
      assertEquals(List.of("Quokka-remark: meetings start late"), h.bot.rows("SELECT remark FROM checkin_answer"));
    }
  }
}
