package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan dates are read on the calendar of the party who types them, not on the server's. */
class ConflictDatesInZoneTest {

  @TempDir
  Path dir;
  ConflictScenario s;

  @BeforeEach
  void start() {
    s = new ConflictScenario(dir, "alice", "bob");
  }

  @AfterEach
  void stop() {
    s.close();
  }

  /** From opening to step 5, the action plan. */
  private void toPlan() {
    s.command("carol", "conflict @alice @bob");
    s.joinAs("alice", "Our two teams keep double-booking the meeting room every week.", "2");
    s.joinAs("bob", "We need the room on Mondays and nobody told us about the new rule.", "2");
    s.says("alice", "yes", "1");
    s.says("bob", "yes", "1");
    s.says("alice", "I need to know a week ahead when the room is free.", "yes");
    s.says("bob", "I need the room every Monday morning.", "yes");
    s.says("alice", "A booking board", "done");
    s.says("bob", "done");
    s.says("alice", "5 5 5");
    s.says("bob", "4 4 4");
    s.says("alice", "1");
    s.says("bob", "1");
    s.says("alice", "yes");
    s.says("bob", "yes");
  }

  @Test
  @DisplayName("parties in Honolulu late on Monday evening set the evaluation for Tuesday: it does not start before their Tuesday")
  void evaluationNotBeforeTheChosenDay() throws Exception {
    // given both parties live in Honolulu, where it is Monday 2 March 23:30 while it is Tuesday 09:30 in UTC
    s.command("alice", "tz Pacific/Honolulu");
    s.command("bob", "tz Pacific/Honolulu");
    s.clock.advance(Duration.ofMinutes(24 * 60 + 30)); // 2026-03-03T09:30Z
    toPlan();
    s.says("alice", "yes", "Put up the board", "me", "2026-03-05", "skip", "no", "2026-03-03");
    // when both choose their tomorrow, Tuesday 3 March, for the evaluation, and the scheduler runs
    s.says("bob", "no", "2026-03-03");
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
    toPlan();
    s.says("alice", "yes", "Put up the board", "me");
    // when she gives her own today as the step's date, then it is accepted
    String due = s.say("alice", "2026-03-02");
    assertFalse(due.contains("in the past"), due);
    s.says("alice", "skip", "no");
    // when she gives her tomorrow as the evaluation date, then it is accepted too
    String review = s.say("alice", "2026-03-03");
    assertFalse(review.contains("not in the future"), review);
    assertTrue(review.contains("The full plan, with everyone's steps"), review);
  }
}
