package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a party is promised before writing a criterion on the value path. */
class ConflictValueCriteriaTest extends ConflictSpaceTest {

  @Test
  @DisplayName("the criterion question does not promise anonymity it cannot keep: with two parties, the other knows whose it is")
  void criterionPromiseIsHonest() throws Exception {
    // given a value path between two parties
    s.openValueCase();
    // when alice reaches the criterion question
    s.says("alice", "yes", "For me, what matters is that we stay independent from big polluters.", "no", "1", "1", "1");
    String asked = s.to("alice");
    // then she is told that her name is not shown, and that between two parties the other will know it is hers
    assertTrue(asked.contains("Another criterion you would like to share"), asked);
    assertTrue(asked.contains("without your name") && asked.contains("between two parties, the other will know it is yours"), asked);
  }
}
