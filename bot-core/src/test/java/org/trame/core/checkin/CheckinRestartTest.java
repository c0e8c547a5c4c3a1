package org.trame.core.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.port.OutboundMessage;

/** Nothing lost, nothing twice: restarts during a round and downtime over a scheduled time. */
class CheckinRestartTest extends CheckinCollectiveTest {

  @Override
  String[] members() {
    return new String[] {"carol", "alice", "bob", "dan"};
  }

  @BeforeEach
  void weeklyRhythm() {
    weeklyOnMondaysInParis();
  }

  @Test
  @DisplayName("a restart during a round: the member carries on where they were, one reminder, one report")
  void restartDuringRound() throws Exception {
    h.runUntil(MONDAY_9_PARIS);
    h.bot.say("alice", "4");
    h.bot.say("alice", "3");
    h.bot.restart();
    List<String> next = h.bot.say("alice", "2");
    assertTrue(next.get(0).startsWith("How much do you trust the group"), next.toString());
    h.bot.say("alice", "4");
    h.bot.say("alice", "skip");
    h.answer("bob", 5, 5, 5, 5, null, false);
    h.answer("dan", 4, 4, 4, 4, null, false);
    h.bot.restart();
    List<OutboundMessage> rest = h.advance(Duration.ofHours(80));
    assertEquals(List.of("carol"), CheckinHarness.recipients(rest, "A gentle reminder"));
    assertEquals(1, CheckinHarness.channel(rest).size());
    assertTrue(CheckinHarness.channel(rest).get(0).text().contains("Participation: 3 of 4 members answered"));
    assertEquals(List.of("3"), h.bot.rows("SELECT COUNT(*) FROM checkin_answer"));
  }

  @Test
  @DisplayName("down over the scheduled time, back within the grace period: the round starts on return, once")
  void downWithinGrace() throws Exception {
    downUntil(MONDAY_9_PARIS.plus(Duration.ofHours(5)));
    List<OutboundMessage> back = h.tick();
    assertEquals(List.of("alice", "bob", "carol", "dan"), CheckinHarness.recipients(back, "The collective's check-in"));
    assertEquals(List.of("2026-03-02T09:00|open"), h.bot.rows("SELECT occurrence, status FROM checkin_round"));
    h.bot.restart();
    assertTrue(CheckinHarness.recipients(h.tick(), "The collective's check-in").isEmpty(), "never asked twice");
  }

  @Test
  @DisplayName("down beyond the grace period: the round is recorded missed, coordinators told, the next one still comes")
  void downBeyondGrace() throws Exception {
    downUntil(MONDAY_9_PARIS.plus(Duration.ofHours(13)));
    List<OutboundMessage> back = h.tick();
    assertTrue(CheckinHarness.recipients(back, "The collective's check-in").isEmpty(), "too late to ask");
    List<OutboundMessage> toCarol = CheckinHarness.to(back, "carol");
    assertEquals(1, toCarol.size(), back.toString());
    assertTrue(toCarol.get(0).text().startsWith("The check-in planned for March 2, 2026 at 09:00 (Europe/Paris) could not start")
        && toCarol.get(0).text().contains("beyond the 12 h grace period") && toCarol.get(0).text().contains("Next round: March 9, 2026 at 09:00"),
        toCarol.get(0).text());
    assertTrue(CheckinHarness.to(back, "alice").isEmpty(), "members are not told");
    assertEquals(List.of("2026-03-02T09:00|missed"), h.bot.rows("SELECT occurrence, status FROM checkin_round"));
    List<OutboundMessage> nextWeek = h.runUntil(MONDAY_9_PARIS.plus(Duration.ofDays(7)));
    assertEquals(List.of("alice", "bob", "carol", "dan"), CheckinHarness.recipients(nextWeek, "The collective's check-in"));
  }

  @Test
  @DisplayName("down for three weeks: each missed round is recorded, the coordinator is told once with the count, then the rhythm resumes")
  void longDowntime() throws Exception {
    downUntil(MONDAY_9_PARIS.plus(Duration.ofDays(14)).plus(Duration.ofHours(20)));
    h.advance(Duration.ofSeconds(1));
    assertEquals(List.of("2026-03-02T09:00|missed", "2026-03-09T09:00|missed", "2026-03-16T09:00|missed"),
        h.bot.rows("SELECT occurrence, status FROM checkin_round ORDER BY id"));
    List<String> told = CheckinHarness.to(h.fromJobs, "carol").stream().map(OutboundMessage::text).filter(m -> m.contains("could not start"))
        .toList();
    assertEquals(1, told.size(), told.toString());
    assertTrue(told.get(0).startsWith("3 check-ins planned since March 2, 2026 at 09:00 (Europe/Paris), the last one on March 16, 2026 at 09:00"),
        told.get(0));
    h.runUntil(MONDAY_9_PARIS.plus(Duration.ofDays(21)));
    assertEquals(List.of("2026-03-23T09:00|open"), h.bot.rows("SELECT occurrence, status FROM checkin_round WHERE status <> 'missed'"));
  }

  @Test
  @DisplayName("a daily rhythm down over three occurrences: one message to the coordinator naming the count and since when")
  void dailyOutageToldOnce() throws Exception {
    // given a daily rhythm at 09:00 Paris time
    h.bot.command("carol", "checkin schedule 0 9 * * * Europe/Paris");
    // when the bot is down from now until Wednesday 4 March 21:30 Paris, past the grace of Monday's, Tuesday's and Wednesday's rounds
    downUntil(Instant.parse("2026-03-04T20:30:00Z"));
    List<OutboundMessage> back = h.advance(Duration.ofSeconds(1));
    // then the three occurrences are recorded missed, and carol reads one message with the count, since when, and the next round
    assertEquals(List.of("2026-03-02T09:00|missed", "2026-03-03T09:00|missed", "2026-03-04T09:00|missed"),
        h.bot.rows("SELECT occurrence, status FROM checkin_round ORDER BY id"));
    List<OutboundMessage> toCarol = CheckinHarness.to(back, "carol");
    assertEquals(1, toCarol.size(), back.toString());
    assertEquals("3 check-ins planned since March 2, 2026 at 09:00 (Europe/Paris), the last one on March 4, 2026 at 09:00, could not start:"
        + " the bot was unavailable until March 4, 2026 at 21:30 Europe/Paris, beyond the 12 h grace period. They are recorded as missed."
        + " Next round: March 5, 2026 at 09:00 Europe/Paris. \"checkin now\" starts one right away.", toCarol.get(0).text());
    assertTrue(CheckinHarness.to(back, "alice").isEmpty(), "members are not told");
    // and Thursday's round asks everyone as usual
    List<OutboundMessage> thursday = h.runUntil(Instant.parse("2026-03-05T08:00:00Z"));
    assertEquals(List.of("alice", "bob", "carol", "dan"), CheckinHarness.recipients(thursday, "The collective's check-in"));
  }

  @Test
  @DisplayName("back within the grace of the last occurrence: the earlier ones are told missed together, that one starts")
  void outageEndingWithinGrace() throws Exception {
    // given a daily rhythm, down until Wednesday 4 March 12:00 Paris: Monday's and Tuesday's rounds are past their grace, Wednesday's is not
    h.bot.command("carol", "checkin schedule 0 9 * * * Europe/Paris");
    downUntil(Instant.parse("2026-03-04T11:00:00Z"));
    // when the jobs run on return
    List<OutboundMessage> back = h.advance(Duration.ofSeconds(1));
    // then one message counts two missed rounds, and Wednesday's round asks everyone
    List<String> missed = CheckinHarness.to(back, "carol").stream().map(OutboundMessage::text).filter(m -> m.contains("could not start"))
        .toList();
    assertEquals(1, missed.size(), back.toString());
    assertTrue(missed.get(0).startsWith("2 check-ins planned since March 2, 2026 at 09:00 (Europe/Paris), the last one on March 3, 2026 at 09:00"),
        missed.get(0));
    assertEquals(List.of("2026-03-02T09:00|missed", "2026-03-03T09:00|missed", "2026-03-04T09:00|open"),
        h.bot.rows("SELECT occurrence, status FROM checkin_round ORDER BY id"));
    assertEquals(List.of("alice", "bob", "carol", "dan"), CheckinHarness.recipients(back, "The collective's check-in"));
  }

  @Test
  @DisplayName("the same occurrence due twice (a duplicated job) still makes one round")
  void neverTwice() throws Exception {
    String payload = h.bot.rows("SELECT payload FROM scheduled_job WHERE kind = 'checkin.open' AND done_at IS NULL").get(0);
    h.bot.trame().write(c -> {
      try (var ps = c.prepareStatement("INSERT INTO scheduled_job (collective_id, kind, due_at, payload, created_at)"
          + " VALUES ('console:test', 'checkin.open', ?, ?, 0)")) {
        ps.setLong(1, MONDAY_9_PARIS.toEpochMilli());
        ps.setString(2, payload);
        ps.executeUpdate();
      }
      return null;
    }).join();
    List<OutboundMessage> asked = h.runUntil(MONDAY_9_PARIS.plusSeconds(5));
    assertEquals(1, CheckinHarness.to(asked, "alice").stream().filter(m -> m.text().startsWith("The collective's check-in")).count());
    assertEquals(List.of("open"), h.bot.rows("SELECT status FROM checkin_round"), "the second job leaves the round open");
    assertTrue(CheckinHarness.channel(asked).isEmpty(), "no report posted by the duplicate");
  }

  /** The bot stopped now and started again at {@code back}: its clock moved on while it was down. */
  private void downUntil(Instant back) {
    h.bot.close();
    h.clock.advance(Duration.between(h.clock.instant(), back));
    h.bot.restart();
  }
}
