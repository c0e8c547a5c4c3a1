package org.trame.core.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.TestBot;

/** A collective and members who never gave a time zone: times are read, and named, in UTC. */
class CheckinWithoutZoneTest extends CheckinCollectiveTest {

  @Override
  String[] members() {
    return new String[] {"carol", "alice"};
  }

  @Test
  @DisplayName("without any time zone, times say UTC, not a bare \"Z\", and the schedule is kept as UTC")
  void utcIsNamed() throws Exception {
    // given nobody gave a zone; when a coordinator sets a rhythm without one
    String set = TestBot.joined(h.bot.command("carol", "checkin schedule 0 9 * * 1"));
    // then the next round is named in UTC, and the schedule is stored so
    assertTrue(set.contains("March 2, 2026 at 09:00 UTC"), set);
    assertEquals(List.of("UTC"), h.bot.rows("SELECT time_zone FROM checkin_schedule"));
    // and a round opened by hand quotes its deadline in UTC too
    String now = TestBot.joined(h.bot.command("carol", "checkin now"));
    assertTrue(now.contains(" UTC") && !now.contains(" Z"), now);
    assertFalse(now.contains("(Z)"), now);
  }
}
