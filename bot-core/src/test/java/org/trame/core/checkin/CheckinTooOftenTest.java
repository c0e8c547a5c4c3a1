package org.trame.core.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.TestBot;
import org.trame.core.port.OutboundMessage;

/** A rhythm that would open rounds minutes apart is a typing mistake, not a check-in. */
class CheckinTooOftenTest extends CheckinCollectiveTest {

  @Override
  String[] members() {
    return new String[] {"carol", "alice"};
  }

  @Test
  @DisplayName("\"* 9 * * 1\" (every minute of Monday 9 o'clock) is refused with the reason, and no round or report floods anyone")
  void everyMinuteRefused() throws Exception {
    // when a coordinator types the common mistake of a star in the minute field
    String answer = TestBot.joined(h.bot.command("carol", "checkin schedule * 9 * * 1 Europe/Paris"));
    // then it is refused with the reason, and nothing is saved
    assertTrue(answer.contains("only 1 min apart"), answer);
    assertTrue(answer.contains("Nothing was saved"), answer);
    assertEquals(List.of("0"), h.bot.rows("SELECT count(*) FROM checkin_schedule"));
    // and Monday morning passes without a single round
    List<OutboundMessage> monday = h.advance(Duration.ofDays(2));
    assertEquals(List.of(), monday);
    assertEquals(List.of("0"), h.bot.rows("SELECT count(*) FROM checkin_round"));
  }

  @Test
  @DisplayName("twice a day is refused too; once a day is accepted")
  void twiceADayRefusedDailyAccepted() {
    String twice = TestBot.joined(h.bot.command("carol", "checkin schedule 0 9,17 * * * Europe/Paris"));
    assertTrue(twice.contains("Nothing was saved"), twice);
    String daily = TestBot.joined(h.bot.command("carol", "checkin schedule 0 9 * * * Europe/Paris"));
    assertTrue(daily.contains("Next round: March 2, 2026 at 09:00 Europe/Paris"), daily);
  }
}
