package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Plan dates are read on the calendar of the party who types them, not on the server's. */
class ConflictDatesInZoneTest extends ConflictSpaceTest {

  @Test
  @DisplayName("parties in Honolulu late on Monday evening set the evaluation for Tuesday: it does not start before their Tuesday")
  void evaluationNotBeforeTheChosenDay() throws Exception {
    // given both parties live in Honolulu, where it is Monday 2 March 23:30 while it is Tuesday 09:30 in UTC
    s.command("alice", "tz Pacific/Honolulu");
    s.command("bob", "tz Pacific/Honolulu");
    s.clock.advance(Duration.ofMinutes(24 * 60 + 30)); // 2026-03-03T09:30Z
    s.toPlan();
    s.says("alice", "yes", "Put up the board", "me", "2026-03-05", "skip", "skip", "no", "2026-03-03");
    // when both choose their tomorrow, Tuesday 3 March, for the evaluation, approve the plan, and the scheduler runs
    s.says("bob", "no", "2026-03-03");
    s.approvePlan("alice", "bob");
    s.bot.tick();
    // then nobody is asked how it went yet
    assertFalse(s.to("carol").contains("the agreed date has come"), s.to("carol"));
    assertEquals(List.of("followup"), s.bot.rows("SELECT phase FROM conflict_case"));
    // and on their Tuesday it starts
    s.clock.advance(Duration.ofHours(1));
    s.bot.tick();
    assertTrue(s.to("carol").contains("the agreed date has come"), s.to("carol"));
  }

  @Test
  @DisplayName("a party in Los Angeles on a Monday evening may set a step for that Monday and the evaluation for Tuesday")
  void datesInThePartysZone() {
    // given alice lives in Los Angeles, where it is Monday 2 March 19:00 while it is already Tuesday in UTC
    s.command("alice", "tz America/Los_Angeles");
    s.clock.advance(Duration.ofHours(18)); // 2026-03-03T03:00Z
    s.toPlan();
    s.says("alice", "yes", "Put up the board", "me");
    // when she gives her own today as the step's date, then it is accepted
    String due = s.say("alice", "2026-03-02");
    assertFalse(due.contains("in the past"), due);
    s.says("alice", "skip", "skip", "no");
    // when she gives her tomorrow as the evaluation date, then it is accepted too
    String review = s.say("alice", "2026-03-03");
    assertFalse(review.contains("not in the future"), review);
    assertTrue(review.contains("every party will receive the full plan to approve it"), review);
  }
}
