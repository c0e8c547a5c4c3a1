package org.trame.core.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.TestBot;

/** A collective and members who never gave a time zone: times are read, and named, in UTC. */
class CheckinWithoutZoneTest {

  @TempDir
  Path dir;
  CheckinHarness h;

  @BeforeEach
  void start() {
    h = new CheckinHarness(dir, Instant.parse("2026-03-01T11:00:00Z"), "carol");
    h.members("carol", "alice");
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  @DisplayName("without any time zone, times say UTC, not a bare \"Z\", and the schedule is kept as UTC")
  void utcIsNamed() throws Exception {
    // given nobody gave a zone; when a coordinator sets a rhythm without one
    String set = TestBot.joined(h.bot.command("carol", "checkin schedule 0 9 * * 1"));
    // then the next round is named in UTC, and the schedule is stored so
    assertTrue(set.contains("2026-03-02 09:00 (UTC)"), set);
    assertEquals(List.of("UTC"), h.bot.rows("SELECT time_zone FROM checkin_schedule"));
    // and a round opened by hand quotes its deadline in UTC too
    String now = TestBot.joined(h.bot.command("carol", "checkin now"));
    assertTrue(now.contains("(UTC)"), now);
    assertFalse(now.contains("(Z)"), now);
  }
}
