package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.TestBot;

/** Step 6: what the parties say on the agreed date decides whether the case closes, adjusts or reopens. */
class ConflictFollowUpTest extends ConflictSpaceTest {

  /** The shortest honest way from opening to the evaluation date of 2026-03-20. */
  void toEvaluation() {
    s.toPlan();
    s.says("alice", "yes", "Put up the board", "me", "2026-03-05", "skip", "skip", "no", "2026-03-20");
    s.says("bob", "no", "2026-03-20");
    s.approvePlan("alice", "bob");
  }

  @Test
  @DisplayName("a party's plan holds at most 10 steps; the eleventh is refused with the reason and the plan stays readable")
  void planCapped() throws Exception {
    s.toPlan();
    for (int i = 1; i <= 10; i++) {
      s.says("alice", "yes", "Step number " + i, "me", "2026-03-10", "skip", "skip");
    }
    String refused = TestBot.joined(s.bot.say("alice", "yes")) + s.say("alice", "Step number 11") + s.say("alice", "me")
        + s.say("alice", "2026-03-10") + s.say("alice", "skip") + s.say("alice", "skip");
    assertTrue(refused.contains("You have already written 10 steps, the most per party"), refused);
    s.says("alice", "no", "2026-03-20");
    s.says("bob", "no", "2026-03-20");
    s.approvePlan("alice", "bob");
    assertEquals(List.of("10"), s.bot.rows("SELECT count(*) FROM conflict_action"));
    assertTrue(s.to("bob").contains("10. Step number") && !s.to("bob").contains("Step number 11"), s.to("bob"));
  }

  @Test
  @DisplayName("one party saying it does not work reopens the case at step 2, the coordinator told of the outcome only")
  void reopens() throws Exception {
    toEvaluation();
    assertTrue(s.to("bob").contains("Space #1 — action plan written together."), "bob may write no step of his own: " + s.to("bob"));
    s.clock.advance(Duration.ofDays(18));
    s.bot.tick();
    s.says("alice", "3", "The board is never updated");
    s.says("bob", "1", "skip");
    assertTrue(s.to("alice").contains("the solution does not work for at least one party. The space is reopened at step 2"), s.to("alice"));
    assertTrue(s.to("bob").endsWith("Your idea (or several, one per line; \"done\" to finish):"), s.to("bob"));
    assertTrue(s.to("carol").contains("The space is reopened at step 2"));
    assertEquals(List.of(), s.leaks("alice", "never updated"));
    assertEquals(List.of("solutions|2"), s.bot.rows("SELECT phase, round FROM conflict_case"));
  }

  @Test
  @DisplayName("a partly working solution sends the parties back to the action plan")
  void adjusts() throws Exception {
    toEvaluation();
    s.clock.advance(Duration.ofDays(18));
    s.bot.tick();
    s.says("alice", "2", "skip");
    s.says("bob", "1", "skip");
    assertTrue(s.to("alice").contains("the solution partly works. Back to step 5 to adjust the action plan."), s.to("alice"));
    assertTrue(s.to("alice").endsWith("Add a step to the plan? (each party can put forward the steps they will take on or see)"),
        s.to("alice"));
  }
}
