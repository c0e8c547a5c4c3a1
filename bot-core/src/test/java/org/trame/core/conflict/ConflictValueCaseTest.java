package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A partner's other activities split alice and bob: the value path, where the relationship comes first. */
class ConflictValueCaseTest extends ConflictSpaceTest {

  @Override
  String[] members() {
    return new String[] {"alice", "bob", "dan"};
  }

  static final String ALICE_CONVICTION = "For me, what matters is that we never take money from a partner whose business harms the young"
      + " people we support, because it protects the trust those young people give us.";
  static final String BOB_CONVICTION = "For me, what matters is keeping our programme alive, whoever funds it, because it protects the"
      + " jobs of our two youth workers.";
  static final String BOB_NEED = "We lack 20,000 euros to run the programme next year.";
  static final String ALICE_RESTATES = "You hold that the programme must go on, because two people's jobs depend on it.";
  static final String BOB_RESTATES = "You hold that the young people's trust comes before money.";
  static final String TOGETHER = "Look together for a second funder before the autumn.";
  static final String ADJUSTMENT = "The partner never uses our name in its communication.";

  @Test
  @DisplayName("the value path: relationship first, convictions shared and said back until recognised, then one coherent outcome;"
      + " the concrete need named on the way goes on to the need path")
  void valuePath() throws Exception {
    // given a case where alice reads a value conflict and bob a need conflict
    s.openValueCase();
    // then the value path opens for both, on the guide's principle: bring viewpoints closer, the relationship first
    String alice = s.to("alice");
    assertTrue(alice.contains("at least one sees a value conflict. Values are not negotiated like needs"), alice);
    assertTrue(alice.contains("bring viewpoints closer, even if it costs a little of some personal values"), alice);
    assertFalse(alice.contains("Nobody will ask you to give up") || alice.contains("nobody will ask you to give yours up"), alice);
    assertTrue(alice.contains("The relationship first: do you wish to keep working with the other parties"), alice);
    assertTrue(s.to("carol").contains("path: value conflict"), s.to("carol"));

    // when each states a conviction and what it protects; bob does not wish (yet) to keep working together and names a concrete need
    s.says("alice", "yes", ALICE_CONVICTION, "yes", "skip");
    assertFalse(s.to("bob").contains(ALICE_CONVICTION), "nobody reads a conviction before every party has stated theirs");
    s.says("bob", "no", BOB_CONVICTION, "yes", BOB_NEED);

    // then both read both convictions, and that not everyone wishes to keep working together, without who
    String shared = s.to("alice");
    assertTrue(shared.contains("• bob: " + BOB_CONVICTION) && shared.contains("• alice: " + ALICE_CONVICTION), shared);
    assertTrue(shared.contains("Not every party wishes yet to keep working together (who is not said)"), shared);
    assertTrue(shared.contains("bob's conviction, as they approved it for sharing:"), shared);

    // when each says the other's conviction back and both recognise themselves
    s.says("alice", ALICE_RESTATES, "yes");
    s.says("bob", BOB_RESTATES, "yes");
    assertTrue(s.to("bob").contains("Here is how alice said your conviction back, in their own words:\n\"" + ALICE_RESTATES + "\""), s.to("bob"));
    s.says("alice", "1");
    s.says("bob", "1");
    assertTrue(s.to("alice").contains("Let us now look for what you can do together despite the difference."), s.to("alice"));

    // when alice wants to continue as things are, bob with an adjustment, and both say what they could do together
    s.says("alice", TOGETHER, "1");
    s.says("bob", "skip", "2", ADJUSTMENT);

    // then one coherent outcome: they continue with the adjustment; what they can do together is shown without names;
    // bob's concrete need goes on to the need path, which starts with its preparation
    String outcome = s.to("alice").substring(s.to("alice").lastIndexOf("Space #1 — shared outcome"));
    assertTrue(s.to("alice").contains("Space #1 — shared outcome: you continue together, with these adjustments:\n• " + ADJUSTMENT), outcome);
    assertTrue(outcome.contains("What you could do together despite the difference (without names):\n• " + TOGETHER), outcome);
    assertTrue(outcome.contains("What you concretely lack now goes on to the no-lose resolution of needs:\n• bob: " + BOB_NEED), outcome);
    assertFalse(outcome.contains("withdrawal") || outcome.contains("black ball"), "no withdrawal nor grid when nobody withdrew and no project is at stake: " + outcome);
    assertTrue(outcome.contains("Do you wish to look, with the other parties, for a solution in which nobody loses?"), outcome);
    String carol = s.to("carol");
    assertTrue(carol.contains("Space #1 (value path) — outcome: the parties continue together, with adjustments. Withdrawals from the project: —."
        + " The concrete needs named go on to the no-lose resolution."), carol);
    assertFalse(carol.contains(ALICE_CONVICTION) || carol.contains(BOB_NEED), "the coordinator gets the outcome, not the parties' words");
    assertEquals(List.of("prep|need"), s.bot.rows("SELECT phase || '|' || nature FROM conflict_case"));
    assertEquals(List.of(), s.leaks("bob", ALICE_RESTATES), "a restatement reaches the conviction's author alone");
    assertTrue(s.channel().isEmpty(), "a conflict case never reaches the channel: " + s.channel());
  }

  /** A project alice and bob take part in (dan too, when {@code withDan}), then the value case up to what can be done together. */
  private void toTogether(boolean withDan) {
    s.command("carol", "project create Energy partnership");
    s.command("alice", "project join Energy partnership");
    s.command("bob", "project join Energy partnership");
    if (withDan) {
      s.command("dan", "project join Energy partnership");
    }
    s.openValueCase();
    s.says("alice", "yes", ALICE_CONVICTION, "yes", "skip");
    s.says("bob", "yes", BOB_CONVICTION, "yes", BOB_NEED);
    s.says("alice", ALICE_RESTATES, "yes");
    s.says("bob", BOB_RESTATES, "yes");
    s.says("alice", "1");
    s.says("bob", "1");
  }

  @Test
  @DisplayName("a party who withdraws leaves the project and stays in the collective; the project goes on without them, its other members told;"
      + " their grid is not asked, and no stop comes from them")
  void projectGoesOnWithoutTheOneWhoWithdraws() throws Exception {
    // given alice, bob and dan in a project, alice and bob at the value path's last phase
    toTogether(true);
    // when alice withdraws from the project and bob continues, finding the project fine under the criteria
    s.says("alice", TOGETHER, "Energy partnership", "3");
    assertFalse(s.to("alice").contains("In the light of these criteria"), "who withdraws does not apply the grid");
    s.says("bob", "skip", "energy partnership", "1");
    assertTrue(s.to("bob").contains("The collective's ethics criteria, decided beforehand, for \"Energy partnership\":\n1. Impact"), s.to("bob"));
    s.says("bob", "1");
    // then the outcome is one: the project goes on without alice, who is out of the project but in the collective
    String outcome = s.to("bob");
    assertTrue(outcome.contains("Space #1 — shared outcome: you continue together, as things are."), outcome);
    assertTrue(outcome.contains("The project goes on without alice, who uses their right of withdrawal and remains a full member of the"
        + " collective."), outcome);
    assertFalse(outcome.contains("goes on to the no-lose resolution"), "one party left: no need path for bob alone");
    assertEquals(List.of("bob", "dan"), s.bot.rows("SELECT m.member_id FROM project_member m JOIN project p ON p.id = m.project_id"
        + " ORDER BY m.member_id"));
    assertEquals(List.of("null"), s.bot.rows("SELECT withdrawn_at FROM member WHERE member_id = 'alice'"));
    assertTrue(s.to("dan").contains("alice"), "the project's other members learn it: " + s.to("dan"));
    assertTrue(s.to("carol").contains("outcome: the parties continue together. Withdrawals from the project: alice. The space is closed."),
        s.to("carol"));
  }

  @Test
  @DisplayName("a black ball from a project member who stays stops the project as it stands, naming the criterion that weighed, never who;"
      + " a party outside the project is not asked the grid")
  void blackBallStopsTheProjectAsItStands() throws Exception {
    // given alice in the project, bob not (he leaves it before the case)
    toTogether(false);
    s.command("bob", "project leave Energy partnership");
    // when alice continues but casts a black ball on the third criterion, and bob continues
    s.says("alice", "skip", "Energy partnership", "1", "2", "3");
    s.says("bob", TOGETHER, "skip", "1");
    assertFalse(s.to("bob").contains("In the light of these criteria"), "the grid is for the project's members only");
    // then the project does not go on as it stands; the criterion is named, its voter is not
    String outcome = s.to("bob");
    assertTrue(outcome.contains("in the light of the collective's ethics criteria, the project does not go on as it stands (at least one black"
        + " ball)."), outcome);
    assertTrue(outcome.contains("Criterion that weighed: Instrumentalisation:") && outcome.contains("(1 black ball)"), outcome);
    assertFalse(outcome.substring(outcome.lastIndexOf("shared outcome")).contains("alice"), "who voted is never said: " + outcome);
    assertFalse(outcome.contains("The project goes on without"), outcome);
    assertEquals(List.of("closed|value_stop_grid"), s.bot.rows("SELECT phase || '|' || outcome FROM conflict_case"));
  }

  @Test
  @DisplayName("a criterion number outside the list is refused with the range, and asked again")
  void criterionNumberOutOfRange() throws Exception {
    toTogether(false);
    s.says("alice", "skip", "Energy partnership", "1", "2");
    String refused = s.say("alice", "7");
    assertTrue(refused.contains("Give the number of the criterion that weighs, from 1 to 3."), refused);
    String unknown = s.say("bob", "skip") + s.say("bob", "Solar partnership");
    assertTrue(unknown.contains("No project of the collective is called \"Solar partnership\". Its projects: Energy partnership. Or \"skip\"."),
        unknown);
  }
}
