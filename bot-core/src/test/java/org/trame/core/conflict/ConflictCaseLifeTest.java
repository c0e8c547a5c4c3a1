package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Three parties, declining, stopping, requests and restarts. */
class ConflictCaseLifeTest extends ConflictSpaceTest {

  @Override
  String[] members() {
    return new String[] {"alice", "bob", "dan", "erin"};
  }

  static final String ALICE_SITUATION = "The meeting times change all the time and I cannot plan my work.";
  static final String BOB_SITUATION = "The meetings are always when I work my shifts so I can never come.";

  /** Opens a space on meeting times for alice and bob and takes them through triage, preparation and needs to the brainstorm. */
  void toSolutions(String openCommand) {
    s.command("carol", openCommand);
    s.joinAs("alice", ALICE_SITUATION, "2");
    s.joinAs("bob", BOB_SITUATION, "2");
    s.says("alice", "yes", "1");
    s.says("bob", "yes", "1");
    s.says("alice", "I need our meeting times to be set a week ahead.", "yes");
    s.says("bob", "I need the meetings to fit around my shift work.", "yes");
    s.throughListening("alice", "bob");
  }

  @Test
  @DisplayName("three parties, one declines: the coordinator is told without pressure and the case goes on with two")
  void threePartiesOneDeclines() throws Exception {
    // parties named as a Slack-style mention, a plain mention and a plain name
    assertTrue(s.command("carol", "conflict <@alice> @bob dan Meeting times").contains("inviting privately: alice, bob, dan."));
    String declined = s.say("dan", "no");
    assertTrue(declined.contains("Noted: you are not taking part. That is entirely your right"), declined);
    assertTrue(s.to("carol").contains("Space #1: dan chose not to take part. That is their right; I won't insist"), s.to("carol"));
    s.joinAs("alice", ALICE_SITUATION, "2");
    s.joinAs("bob", BOB_SITUATION, "2");
    assertTrue(s.to("alice").contains("Space #1: every party has answered. You see it as a need conflict"));
    assertFalse(s.to("dan").contains("every party has answered"), "dan is out of the case: " + s.to("dan"));
    String status = s.command("carol", "conflict status");
    assertTrue(status.contains("#1 · conflict space — preparation · answered: — · waiting: alice, bob · out of the space: dan"), status);
    // each party's own page says where their space stands; dan's says nothing of it
    assertTrue(s.bot.trame().summary("console", "test", "alice", null).join()
        .contains("You take part in conflict space #1: conflict space — preparation."));
    assertFalse(s.bot.trame().summary("console", "test", "dan", null).join().contains("conflict space #1"));
  }

  @Test
  @DisplayName("a party who stops mid-case leaves it; with one party left the case stops and nothing private is passed on")
  void partyStops() throws Exception {
    s.command("carol", "conflict @alice @bob");
    s.joinAs("alice", "Our two teams keep double-booking the meeting room every week.", "2");
    s.joinAs("bob", "We need the room on Mondays and nobody told us about the new booking rule.", "2");
    s.says("alice", "yes", "1");
    String stopped = s.say("bob", "cancel");
    assertTrue(stopped.contains("You no longer take part in space #1. That is your right"), stopped);
    assertTrue(s.to("carol").contains("Space #1: bob chose to stop here."), s.to("carol"));
    assertTrue(s.to("alice").contains("Space #1 stops here: it takes at least two parties."), s.to("alice"));
    assertEquals(List.of(), s.leaks("bob", "nobody told us about the new booking rule"));
    assertEquals("No conversation in progress.", s.bot.trame().summary("console", "test", "alice", null).join().lines()
        .filter(l -> l.startsWith("No conversation") || l.startsWith("Your conversations")).findFirst().orElse(""));
  }

  @Test
  @DisplayName("a restart in the middle of step 3 resumes step 3 with the marks given so far")
  void restartMidRating() throws Exception {
    toSolutions("conflict @alice @bob Meeting times");
    s.says("alice", "Fix meetings on Thursday evenings\nRecord every meeting", "done");
    s.says("bob", "Rotate the meeting day each month", "done");
    s.says("alice", "4 4 4");
    s.says("bob", "3 3 3", "5 5 5");
    // when the bot stops as a crash would and starts again on the same file
    s.bot.restart();
    // then the next answers continue step 3 where each party was
    String next = s.say("alice", "2 2 2");
    assertTrue(next.contains("Solution 3 of 3: Rotate the meeting day each month"), next);
    assertTrue(s.command("carol", "conflict status").contains("step 3 of 6: evaluation · answered: — · waiting: alice, bob"));
    s.says("alice", "5 4 5");
    s.says("bob", "4 4 4");
    String ranking = s.to("bob");
    assertTrue(ranking.contains("\n1. Rotate the meeting day each month\n"), ranking);
    assertTrue(ranking.contains("Which solutions could you accept?"), ranking);
  }

  @Test
  @DisplayName("no solution accepted by everyone sends the case back to step 2, the earlier ideas kept")
  void noConsensus() throws Exception {
    toSolutions("conflict @alice @bob");
    s.says("alice", "Thursday evenings", "done");
    s.says("bob", "Saturday mornings", "done");
    s.says("alice", "5 5 5", "1 1 1");
    s.says("bob", "1 1 1", "5 5 5");
    s.says("alice", "1");
    s.says("bob", "2");
    assertTrue(s.to("alice").contains("no solution is accepted by every party. That is not a failure: back to step 2"), s.to("alice"));
    s.says("alice", "Alternate Thursday evening and Saturday morning", "done");
    s.says("bob", "done");
    String list = s.to("bob");
    assertTrue(list.contains("Step 2 done: 3 solutions proposed") && list.contains("3. Alternate Thursday evening and Saturday morning"), list);
    // only the new idea needs marks
    String toRate = s.to("alice");
    assertTrue(toRate.endsWith("Solution 3 of 3: Alternate Thursday evening and Saturday morning\nYour marks for this solution (feasibility, relevance, impact), and if you wish its advantages and drawbacks:"), toRate);
  }

  @Test
  @DisplayName("a member's request reaches the coordinators with no content unless the member adds words")
  void request() throws Exception {
    String notAllowed = s.command("erin", "conflict @alice @bob");
    assertTrue(notAllowed.contains("Only coordinators open and follow conflict spaces"), notAllowed);
    s.says("erin", "/trame conflict request", "skip", "yes");
    assertTrue(s.to("carol").contains("erin asks for a space to work through a conflict. No other detail"), s.to("carol"));
    s.says("dan", "/trame conflit demande", "It is about the budget split with alice", "no");
    assertFalse(s.to("carol").contains("budget split"), "nothing is sent when the member says no");
    s.says("dan", "/trame conflict request", "It is about the budget split with alice", "yes");
    assertTrue(s.to("carol").contains("dan asks for a space to work through a conflict, and chose to add: \"It is about the budget split with alice\""));
    assertEquals(List.of("2"), s.bot.rows("SELECT count(*) FROM conflict_request"), "only the requests sent are recorded");
  }
}
