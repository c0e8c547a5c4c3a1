package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A partner's other activities split alice and bob: the value path, where convictions are not traded. */
class ConflictValueCaseTest extends ConflictSpaceTest {

  static final String ALICE_CONVICTION = "For me, what matters is that we never take money from a partner whose business harms the young people we support.";
  static final String BOB_CONVICTION = "For me, what matters is keeping our programme alive, whoever funds it.";

  @Test
  @DisplayName("one value reading leads to the value path: relationship first, ethics grid with black balls, withdrawal without exclusion")
  void valuePath() throws Exception {
    // given a case where alice reads a value conflict and bob a need conflict
    s.openValueCase();
    // then the value path opens for both: values are not negotiated like needs
    String alice = s.to("alice");
    assertTrue(alice.contains("at least one sees a value conflict. Values are not negotiated like needs"), alice);
    assertTrue(alice.contains("nobody will ask you to give yours up"), alice);
    assertTrue(alice.contains("The relationship first: can you commit to listening"), alice);
    assertFalse(alice.contains("Step 1 of 6"), "no need step on the value path");
    assertTrue(s.to("carol").contains("path: value conflict"), s.to("carol"));

    // when alice shares her conviction, puts a black ball on interlocutors and withdraws; bob keeps his private
    s.says("alice", "yes", ALICE_CONVICTION, "yes");
    String grid = s.to("alice");
    assertTrue(grid.contains("Opposition can be creative") && grid.contains("ethics grid of sheet 8"), grid);
    assertTrue(grid.contains("1/3 Impact") , grid);
    s.says("alice", "1", "2", "1", "The partner must not use our name in its communication", "2");
    s.says("bob", "yes", BOB_CONVICTION, "no", "1", "1", "1", "skip", "1");

    // then each party reads what was shared, the grid's verdict and the withdrawal, and the case closes
    String summary = s.to("bob");
    assertTrue(summary.contains("• alice: " + ALICE_CONVICTION), summary);
    assertTrue(summary.contains("• The partner must not use our name in its communication"), summary);
    assertTrue(summary.contains("Ethics grid: at least one black ball"), summary);
    assertTrue(summary.contains("Using their right of withdrawal from this project: alice. They remain full members of the collective."), summary);
    assertEquals(List.of(), s.leaks("bob", BOB_CONVICTION), "bob chose not to share his conviction");
    String carol = s.to("carol");
    assertTrue(carol.contains("Space #1 closed (value path). Ethics grid: at least one black ball") && carol.contains("Withdrawals from the project: alice."), carol);
    assertFalse(carol.contains(ALICE_CONVICTION), "the coordinator gets the outcome, not the parties' words");
    assertTrue(s.command("carol", "conflict status").contains("No conflict space is open."));
  }
}
