package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Step 1's active listening and shared goal (tool sheet 3 and sheet 7 of seed 004), beyond the two-party case. */
class ConflictListeningTest extends ConflictSpaceTest {

  @Override
  String[] members() {
    return new String[] {"alice", "bob", "dan"};
  }

  /** Three parties through preparation and approved needs: alice restates bob's, bob dan's, dan alice's. */
  private void threeNeeds() {
    s.command("carol", "conflict @alice @bob @dan");
    for (String p : List.of("alice", "bob", "dan")) {
      s.joinAs(p, "The meeting room is double-booked every week between our teams.", "2");
    }
    for (String p : List.of("alice", "bob", "dan")) {
      s.says(p, "yes", "1");
    }
    s.says("alice", "I need to know a week ahead when the room is free.", "yes");
    s.says("bob", "I need to be able to count on the room on Monday mornings for the workshop.", "yes");
    s.says("dan", "I need a quiet room for phone calls in the afternoon.", "yes");
  }

  @Test
  @DisplayName("with three parties each restates the next one's need; only a pair still apart restates again, and each restater is told once")
  void onlyThePairStillApartRestatesAgain() throws Exception {
    // given three parties whose needs are shared
    threeNeeds();
    assertTrue(s.to("alice").contains("bob's need, as they approved it for sharing:"), s.to("alice"));
    assertTrue(s.to("bob").contains("dan's need, as they approved it for sharing:"), s.to("bob"));
    assertTrue(s.to("dan").contains("alice's need, as they approved it for sharing:"), s.to("dan"));
    // when each restates, and alice does not recognise dan's restatement of her need
    s.says("alice", "You need Monday mornings for your workshop.", "yes");
    s.says("bob", "You need somewhere quiet to phone in the afternoon.", "yes");
    s.says("dan", "You want the room every week.", "yes");
    s.says("alice", "2", "No: I need to know a week ahead, not to have it every week.");
    s.says("bob", "1");
    s.says("dan", "1");
    // then dan alone is asked again, with alice's clarification; alice and bob, whose pairs are settled, are not
    String dan = s.to("dan");
    assertTrue(dan.contains("Their clarification: \"No: I need to know a week ahead, not to have it every week.\""), dan);
    int askedBefore = count(s.to("bob"), "What did you understand?");
    s.says("dan", "You need to know a week in advance when the room is free.", "yes");
    s.says("alice", "1");
    assertEquals(askedBefore, count(s.to("bob"), "What did you understand?"), "bob's pair is settled: he is not asked again");
    // and each restater learns once that they were understood
    assertEquals(1, count(s.to("alice"), "bob recognises themselves in your restatement"), s.to("alice"));
    assertEquals(1, count(s.to("dan"), "alice recognises themselves in your restatement"), s.to("dan"));
    assertTrue(s.to("bob").contains("Proposed goal:\nHow can we make sure that alice's need (\"I need to know a week ahead when the room"
        + " is free.\"), bob's need (\"I need to be able to count on the room on Monday mornings for the workshop.\") and dan's need (\"I need a quiet room"
        + " for phone calls in the afternoon.\") are all met at once?"), s.to("bob"));
  }

  @Test
  @DisplayName("after three rounds without recognition, each author's own words stand and the goal comes: listening is offered, never forced")
  void ownWordsStandAfterThreeRounds() throws Exception {
    s.openNeedCase();
    s.throughNeedsApproved();
    s.says("alice", "You need the room on Mondays.", "yes");
    s.says("bob", "You want the room.", "yes");
    s.says("alice", "1");
    for (int round = 1; round <= 3; round++) {
      s.says("bob", "2", "Not quite, round " + round);
      if (round < 3) {
        s.says("alice", "You want the room, round " + round, "yes");
      }
    }
    String alice = s.to("alice");
    assertTrue(alice.contains("after several tries, some restatements are still imperfect. That is no failure: each party's own approved"
        + " words stand. Let us now set a shared goal."), alice);
    assertTrue(alice.contains("Proposed goal:"), alice);
    assertEquals(List.of("goal|3"), s.bot.rows("SELECT phase || '|' || listen_round FROM conflict_case"));
  }

  @Test
  @DisplayName("the bot says it reformulated a need only when it did: a short need is shown as written, a long one is cut to its core")
  void reformulatedOnlyWhenItIs() throws Exception {
    s.openNeedCase();
    s.says("alice", "yes", "1");
    s.says("bob", "yes", "1");
    String shortOne = s.say("alice", ConflictScenario.ALICE_NEED);
    assertTrue(shortOne.contains("Here is how your needs would be shown to the other parties"), shortOne);
    assertFalse(shortOne.contains("cut it down") || shortOne.toLowerCase().contains("reformulat"), shortOne);
    String longOne = s.say("bob", "Every Monday we arrive and the room is taken, the chairs are gone, the projector is missing and"
        + " we lose the first hour of the workshop looking for things. It has been like this since September and the volunteers are"
        + " tired of it. Honestly it feels like nobody cares about the children who come. I need to be able to count on the room on"
        + " Monday mornings, set up as we left it.");
    assertTrue(longOne.contains("I have cut it down to its core. Here is how your needs would be shown to the other parties:\n"
        + "\"What bob needs: I need to be able to count on the room on Monday mornings, set up as we left it.\""), longOne);
  }

  @Test
  @DisplayName("a party who words the goal differently puts their wording to everyone, named; the goal is agreed only when all approve one")
  void goalRewordedThenAgreed() throws Exception {
    s.openNeedCase();
    s.throughNeedsApproved();
    s.throughListeningOnly("alice", "bob");
    s.says("alice", "yes");
    s.says("bob", "no", "How can the room be free for bob's Monday workshop and its week known to alice in advance?");
    String alice = s.to("alice");
    assertTrue(alice.contains("one party worded the goal differently:\n• bob — How can the room be free for bob's Monday workshop"), alice);
    assertTrue(alice.contains("bob's wording is put to every party."), alice);
    assertFalse(alice.contains("Step 2 of 6"), "no solutions before every party approved one goal");
    s.says("alice", "yes");
    s.says("bob", "yes");
    assertTrue(s.to("alice").contains("Shared goal: How can the room be free for bob's Monday workshop and its week known to alice in advance?"),
        s.to("alice"));
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
