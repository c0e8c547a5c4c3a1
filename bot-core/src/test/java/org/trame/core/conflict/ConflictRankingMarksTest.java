package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Step 3's ranking never lets a party work out another's marks; step 2's list promises no anonymity it cannot keep. */
class ConflictRankingMarksTest extends ConflictSpaceTest {

  @Override
  String[] members() {
    return new String[] {"alice", "bob", "dan"};
  }

  @Test
  @DisplayName("with two parties the ranking shows the order alone, no mean from which one could compute the other's marks, and says why")
  void twoPartiesSeeTheOrderOnly() throws Exception {
    // given alice and bob, two ideas, and their marks
    s.toSolutions("alice", "bob");
    s.says("alice", "Thursday evenings", "done");
    s.says("bob", "Saturday mornings", "done");
    String list = s.to("alice");
    s.says("alice", "5 4 3", "1 2 1");

    // when bob rates too
    s.says("bob", "3 3 3", "2 2 2");

    // then alice reads the order, best first, and no mark at all (a mean of two and her own marks would give bob's)
    String ranking = s.to("alice");
    assertTrue(ranking.contains("Ranking of the solutions, best rated first. Marks are shown only where at least three parties rated"),
        ranking);
    assertTrue(ranking.contains("1. Thursday evenings\n2. Saturday mornings"), ranking);
    assertFalse(ranking.matches("(?s).*\\d\\.\\d.*"), ranking);
    // and the list of ideas did not promise what two parties cannot have: not knowing whose an idea is
    assertTrue(list.contains("with two of you, each knows which ideas came from the other"), list);
  }

  @Test
  @DisplayName("with three parties rating, the ranking shows the mean marks: each knows only the sum of the others'")
  void threePartiesSeeTheMeans() throws Exception {
    // given three parties and one idea each
    s.toSolutions("alice", "bob", "dan");
    s.says("alice", "Thursday evenings", "done");
    s.says("bob", "Saturday mornings", "done");
    s.says("dan", "done");
    String list = s.to("dan");

    // when all three rate both
    s.says("alice", "5 5 5", "1 1 1");
    s.says("bob", "4 4 4", "2 2 2");
    s.says("dan", "3 3 3", "3 3 3");

    // then the means are shown, and the list said only that names are not shown
    String ranking = s.to("dan");
    assertTrue(ranking.contains("1. Thursday evenings — 4.0 · 4.0 · 4.0 (total 12.0)"), ranking);
    assertTrue(ranking.contains("2. Saturday mornings — 2.0 · 2.0 · 2.0 (total 6.0)"), ranking);
    assertTrue(list.contains("solutions proposed, without their authors' names:"), list);
  }
}
