package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A party changes their mind: "back" on a step that records as it goes replaces what was recorded,
 * and a party who leaves is no longer counted in what the others decide.
 */
class ConflictChangeOfMindTest extends ConflictSpaceTest {

  @Override
  String[] members() {
    return new String[] {"alice", "bob", "dan", "eve"};
  }

  @Test
  @DisplayName("back after rating a solution shows that solution again, and the new marks replace the old ones")
  void backReplacesMarks() throws Exception {
    // given two solutions to rate
    s.toSolutions("alice", "bob");
    s.says("alice", "Thursday evenings", "done");
    s.says("bob", "Saturday mornings", "done");
    s.says("alice", "1 1 1");
    // when alice goes back and gives other marks
    String back = s.say("alice", "back");
    assertTrue(back.contains("Solution 1 of 2: Thursday evenings"), back);
    assertTrue(s.say("alice", "5 5 5").contains("Solution 2 of 2: Saturday mornings"));
    s.says("alice", "3 3 3");
    s.says("bob", "1 1 1", "1 1 1");
    // then the ranking holds her new marks only (with her first ones, Saturday would come first; two parties see the order alone)
    String ranking = s.to("bob");
    assertTrue(ranking.contains("1. Thursday evenings\n2. Saturday mornings"), ranking);
  }

  @Test
  @DisplayName("back after an idea takes it back: the next answer replaces it")
  void backReplacesIdea() throws Exception {
    s.toSolutions("alice", "bob");
    s.says("alice", "Thursday evenings", "back", "Friday lunch", "done");
    s.says("bob", "done");
    assertEquals(List.of("Friday lunch"), s.bot.rows("SELECT text FROM conflict_solution ORDER BY id"));
  }

  @Test
  @DisplayName("back after a plan step's obstacles replaces that step instead of adding a second one")
  void backReplacesPlanStep() throws Exception {
    s.toPlan();
    s.says("alice", "yes", "Call the rental company", "me", "2028-01-10", "skip", "The price may be too high", "back", "skip", "no");
    assertEquals(List.of("Call the rental company|null"), s.bot.rows("SELECT what, obstacles FROM conflict_action"));
  }

  @Test
  @DisplayName("the marks of a party who left the space are not counted in the ranking")
  void leaverNotCounted() throws Exception {
    // given three parties, two solutions; dan rates one, then stops
    s.toSolutions("alice", "bob", "dan");
    s.says("alice", "Buy a cargo bike", "done");
    s.says("bob", "A shared online calendar", "done");
    s.says("dan", "done");
    s.says("dan", "1 1 1", "cancel");
    // when alice and bob rate both, the bike above the calendar
    s.says("alice", "5 5 5", "4 4 4");
    s.says("bob", "5 5 5", "4 4 4");
    // then both solutions rank on alice's and bob's marks alone (dan's low marks would put the calendar first)
    String ranking = s.to("bob");
    assertTrue(ranking.contains("1. Buy a cargo bike\n2. A shared online calendar"), ranking);
  }

  @Test
  @DisplayName("when two parties rewrite the decision at once, both wordings are shown to everyone and none is dropped unread")
  void twoRewrites() throws Exception {
    // given both parties reach the decision on one solution
    s.toSolutions("alice", "bob");
    s.says("alice", "A second van", "done");
    s.says("bob", "done");
    s.says("alice", "5 5 5");
    s.says("bob", "5 5 5");
    s.says("alice", "1");
    s.says("bob", "1");
    // when each understood it otherwise and rewrites it
    s.says("alice", "no", "We rent a second van on market days only, paid half each.");
    s.says("bob", "no", "We rent a second van for the whole year.");
    // then each reads both wordings, with their authors, and checks the first
    for (String party : List.of("alice", "bob")) {
      String read = s.to(party);
      assertTrue(read.contains("several parties understood the decision differently and rewrote it:\n"
          + "• alice — We rent a second van on market days only, paid half each.\n• bob — We rent a second van for the whole year."), read);
      assertTrue(read.contains("alice's wording is the one everyone is asked to check"), read);
    }
  }

  @Test
  @DisplayName("the numbers a party accepts are those of the ranking she read, even if another party leaves before she answers")
  void acceptedNumbersFollowTheRankingShown() throws Exception {
    // given a ranking where dan's marks put A first; without them B would be first
    s.toSolutions("alice", "bob", "dan");
    s.says("alice", "Solution A", "done");
    s.says("bob", "Solution B", "done");
    s.says("dan", "done");
    s.says("alice", "3 3 3", "4 4 4");
    s.says("bob", "3 3 3", "4 4 4");
    s.says("dan", "5 5 5", "1 1 1");
    assertTrue(s.to("alice").contains("1. Solution A"), s.to("alice"));
    // when dan leaves, then alice accepts number 1
    s.says("dan", "cancel");
    s.says("alice", "1");
    // then she accepted A, the solution she read as number 1
    assertEquals(s.bot.rows("SELECT id FROM conflict_solution WHERE text = 'Solution A'"),
        s.bot.rows("SELECT accepted FROM conflict_party WHERE member_id = 'alice'"));
  }

  @Test
  @DisplayName("back after marks the bot refused re-asks that solution and takes back no earlier marks")
  void backAfterRefusedMarks() throws Exception {
    s.toSolutions("alice", "bob");
    s.says("alice", "Thursday evenings", "done");
    s.says("bob", "Saturday mornings", "done");
    s.says("alice", "4 4 4", "nine");
    String back = s.say("alice", "back");
    assertTrue(back.contains("Solution 2 of 2: Saturday mornings") && !back.contains("nine"), back);
    assertEquals(List.of("1"), s.bot.rows("SELECT COUNT(*) FROM conflict_rating WHERE member_id = 'alice'"));
  }

  @Test
  @DisplayName("back after a plan step the bot refused (the plan is full) takes back none of the steps already saved")
  void backAfterRefusedPlanStep() throws Exception {
    s.toPlan();
    for (int i = 1; i <= 10; i++) {
      s.says("alice", "yes", "Step " + i, "me", "2028-01-10", "skip", "skip");
    }
    s.says("alice", "yes", "Step 11", "me", "2028-01-10", "skip", "skip", "back", "skip", "no");
    assertEquals(List.of("10", "Step 10"), List.of(
        s.bot.rows("SELECT COUNT(*) FROM conflict_action WHERE added_by = 'alice'").get(0),
        s.bot.rows("SELECT max(what) FROM conflict_action WHERE what = 'Step 10'").get(0)));
  }

  @Test
  @DisplayName("a number beyond the 30 solutions the ranking lists is refused: nobody accepts a solution they were not shown")
  void acceptedNumbersOnlyAmongThoseShown() throws Exception {
    // given four parties propose ten ideas each and rate all forty
    List<String> parties = List.of("alice", "bob", "dan", "eve");
    s.toSolutions(parties.toArray(String[]::new));
    for (String p : parties) {
      StringBuilder ideas = new StringBuilder();
      for (int i = 1; i <= 10; i++) {
        ideas.append(p).append(" idea ").append(i).append('\n');
      }
      s.says(p, ideas.toString().strip());
    }
    for (String p : parties) {
      for (int i = 0; i < 40; i++) {
        s.says(p, "3 3 3");
      }
    }
    assertTrue(s.to("alice").contains("… (+10)"), s.to("alice"));
    // when alice answers with number 40, which the list did not show
    String answer = s.say("alice", "40");
    // then it is refused with the numbers she can use
    assertTrue(answer.contains("1 to 30"), answer);
    assertEquals(List.of("null"), s.bot.rows("SELECT accepted FROM conflict_party WHERE member_id = 'alice'"));
  }
}
