package org.trame.core.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.TestBot;
import org.trame.core.port.OutboundMessage;

/** "checkin now" shortly before a planned round: one round with the usual window, not two rounds minutes apart. */
class CheckinNowBeforePlannedTest extends CheckinCollectiveTest {

  /** Monday 2 March 2026, 08:50 in Paris: ten minutes before the weekly round. */
  static final Instant MONDAY_8_50_PARIS = Instant.parse("2026-03-02T07:50:00Z");

  @Override
  String[] members() {
    return new String[] {"carol", "alice", "bob", "dan"};
  }

  @BeforeEach
  void weeklyRhythm() {
    weeklyOnMondaysInParis();
  }

  @Test
  @DisplayName("ten minutes before the planned round: the round by hand gets the usual 72 h, replaces the planned one, and says so")
  void replacesPlannedRound() throws Exception {
    // given it is Monday 08:50 in Paris, ten minutes before the weekly round
    h.runUntil(MONDAY_8_50_PARIS);
    // when carol starts a round by hand
    String reply = TestBot.joined(h.bot.command("carol", "checkin now"));
    // then it closes 72 h later, not a minute later, and the reply says the 09:00 round is replaced and when the next one is
    assertTrue(reply.contains("Check-in round opened: 4 members asked privately. A reminder in 24 h to those who have not answered;"
        + " closes on March 5, 2026 at 08:50 Europe/Paris"), reply);
    assertTrue(reply.contains("The round planned for March 2, 2026 at 09:00 (Europe/Paris) fell within this one: it is replaced by this round,"
        + " so that members are not asked twice in a row. Next round: March 9, 2026 at 09:00 Europe/Paris."), reply);
    // and at 09:00 nobody is asked a second time, and the round by hand stays open
    List<OutboundMessage> nine = h.runUntil(MONDAY_9_PARIS.plus(Duration.ofMinutes(10)));
    assertEquals(List.of(), CheckinHarness.recipients(nine, "The collective's check-in"), nine.toString());
    assertTrue(CheckinHarness.channel(nine).isEmpty(), "no early report: " + nine);
    assertEquals(List.of("open"), h.bot.rows("SELECT status FROM checkin_round"));
    // and members answering on Tuesday are still in time; the report comes once, on Thursday
    h.runUntil(MONDAY_9_PARIS.plus(Duration.ofDays(1)));
    h.answer("alice", 4, 4, 4, 4, null, false);
    List<OutboundMessage> week = h.runUntil(MONDAY_9_PARIS.plus(Duration.ofDays(7)).minusSeconds(1));
    List<OutboundMessage> reports = CheckinHarness.channel(week);
    assertEquals(1, reports.size(), week.toString());
    assertTrue(reports.get(0).text().contains("Participation: 1 of 4 members answered"), reports.get(0).text());
    // and the rhythm carries on the Monday after
    List<OutboundMessage> nextMonday = h.runUntil(MONDAY_9_PARIS.plus(Duration.ofDays(7)));
    assertEquals(List.of("alice", "bob", "carol", "dan"), CheckinHarness.recipients(nextMonday, "The collective's check-in"));
  }

  @Test
  @DisplayName("a pause and a resume after the replacement do not bring the replaced round back")
  void replacedRoundStaysReplaced() throws Exception {
    // given the 09:00 round was replaced by a round by hand at 08:50
    h.runUntil(MONDAY_8_50_PARIS);
    h.bot.command("carol", "checkin now");
    // when carol pauses the rhythm and resumes it, still before 09:00
    h.bot.command("carol", "checkin pause");
    String resumed = TestBot.joined(h.bot.command("carol", "checkin resume"));
    // then the next round is the Monday after, and nobody is asked at 09:00
    assertTrue(resumed.contains("March 9, 2026 at 09:00"), resumed);
    List<OutboundMessage> nine = h.runUntil(MONDAY_9_PARIS.plus(Duration.ofMinutes(10)));
    assertEquals(List.of(), CheckinHarness.recipients(nine, "The collective's check-in"), nine.toString());
  }

  @Test
  @DisplayName("a French-speaking coordinator reads the replacement in French")
  void replacementInFrench() throws Exception {
    // given carol reads French, ten minutes before the planned round
    h.bot.command("carol", "lang fr");
    h.runUntil(MONDAY_8_50_PARIS);
    // when she starts a round by hand
    String reply = TestBot.joined(h.bot.command("carol", "checkin now"));
    // then the note is in French, with the same times
    assertTrue(reply.contains("Le tour prévu le 2 mars 2026 à 09:00 (Europe/Paris) tombait pendant celui-ci : il est remplacé par ce tour,"
        + " pour ne pas solliciter les membres deux fois de suite. Tour suivant : 9 mars 2026 à 09:00 Europe/Paris."), reply);
    // a French date, as the French write it
    assertTrue(reply.contains("clôture le 5 mars 2026 à 08:50 Europe/Paris"), reply);
  }

  @Test
  @DisplayName("in the middle of the week, a round by hand leaves the next planned round as it is")
  void farFromPlannedRound() throws Exception {
    // given it is Wednesday 4 March, 10:00 in Paris: the next planned round is five days away
    h.runUntil(MONDAY_9_PARIS.plus(Duration.ofDays(2)).plus(Duration.ofHours(1)));
    h.bot.command("carol", "checkin close");
    // when carol starts a round by hand
    String reply = TestBot.joined(h.bot.command("carol", "checkin now"));
    // then it keeps its 72 h, nothing is replaced, and the Monday round asks everyone as planned
    assertTrue(reply.contains("closes on March 7, 2026 at 10:00 Europe/Paris"), reply);
    assertFalse(reply.contains("replaced"), reply);
    List<OutboundMessage> monday = h.runUntil(MONDAY_9_PARIS.plus(Duration.ofDays(7)));
    assertEquals(List.of("alice", "bob", "carol", "dan"), CheckinHarness.recipients(monday, "The collective's check-in"));
  }
}
