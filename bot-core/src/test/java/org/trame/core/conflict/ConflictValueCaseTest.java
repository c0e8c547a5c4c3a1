package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A partner's other activities split alice and bob: the value path, where the relationship comes first. */
class ConflictValueCaseTest extends ConflictSpaceTest {

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
}
