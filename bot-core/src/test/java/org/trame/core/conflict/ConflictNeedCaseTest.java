package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two members, alice and bob, taken by carol from a described disagreement to an evaluated action plan. */
class ConflictNeedCaseTest extends ConflictSpaceTest {

  static final String ALICE_DESCRIPTION = "Bob's association keeps the shared van every week and our food deliveries are late because we never know when it is free.";
  static final String BOB_DESCRIPTION = "We need the van for the Tuesday market and there is no schedule, so we just take it when we can.";
  static final String ALICE_JUDGEMENT = "You are always selfish with the van.";
  static final String ALICE_NEEDS = "I need to know one day ahead when the van is free, because our deliveries are planned weekly.";
  static final String BOB_FIRST = "I need to be able to count on the van on Tuesday mornings for the market.";
  static final String BOB_WORDING = "I need the van every Tuesday morning for the market stall.";

  @Override
  String[] members() {
    return new String[] {"alice", "bob", "dan"};
  }

  @Test
  @DisplayName("two parties go from a described disagreement to a written decision, an action plan and a dated evaluation that closes the case")
  void fullNeedCase() throws Exception {
    // given carol opens a space for alice and bob
    String opened = s.command("carol", "conflict @alice @bob Sharing the van between our associations");
    assertTrue(opened.contains("Conflict space #1 opened. I am inviting privately: alice, bob."), opened);
    assertTrue(s.to("alice").contains("Would you like to take part?") && s.to("alice").contains("Topic: Sharing the van"));
    assertTrue(s.channel().isEmpty(), "nothing goes to the channel: " + s.channel());

    // when each describes the situation, the triage proposal is shown with its sheet and reasons
    s.says("alice", "yes");
    String proposal = s.say("alice", ALICE_DESCRIPTION);
    assertTrue(proposal.contains("My reading, for you to check") && proposal.matches("(?s).*practice sheet that seems closest: no\\. \\d, \".+\" \\(confidence \\d+%\\)\\. It fits when .+"), proposal);
    assertTrue(proposal.contains("Why: these words of your description weigh most"), proposal);
    s.says("alice", "2");
    s.joinAs("bob", BOB_DESCRIPTION, "2");
    assertTrue(s.to("alice").contains("You see it as a need conflict"), s.to("alice"));
    assertTrue(s.to("carol").contains("path: no-lose resolution (need conflict)"), s.to("carol"));

    // preparatory phase: the wish for a no-lose solution and the time frame (the longest asked)
    s.says("alice", "yes", "1");
    s.says("bob", "yes", "3");
    assertTrue(s.to("bob").contains("Time frame agreed: 7 days for each step"), s.to("bob"));

    // step 1: a judgement is coached towards an I-message; needs are shared only once approved
    String coached = s.say("alice", ALICE_JUDGEMENT);
    assertTrue(coached.contains("\"You are always selfish with the van\" may be heard as a judgement of the person. What need, feeling or concrete effect on you is behind it? For example: \"When the van …, I feel … because I need …\"")
        && coached.contains("Would you like to rephrase it"), coached);
    s.says("alice", "1");
    String wording = s.say("alice", ALICE_NEEDS);
    assertTrue(wording.contains("\"What alice needs: " + ALICE_NEEDS + "\""), wording);
    s.says("bob", BOB_FIRST);
    assertFalse(s.to("bob").contains(ALICE_NEEDS), "bob must not read alice's needs before she approves them");
    s.says("alice", "yes");
    assertFalse(s.to("bob").contains(ALICE_NEEDS), "nor before everyone approved their own");
    s.says("bob", "no", BOB_WORDING, "yes");
    assertTrue(s.to("bob").contains("• alice: " + ALICE_NEEDS), s.to("bob"));
    assertTrue(s.to("alice").contains("• bob: " + BOB_WORDING) && !s.to("alice").contains(BOB_FIRST), s.to("alice"));
    assertEquals(List.of(), s.leaks("alice", ALICE_JUDGEMENT));
    assertEquals(List.of(), s.leaks("bob", BOB_FIRST));

    // step 2: brainstorming, ideas shown without names, saying that between two each knows the other's
    s.says("alice", "A shared online calendar for the van\nBob keeps Tuesdays, alice keeps Thursdays", "done");
    s.says("bob", "Rent a second van on market days", "done");
    String list = s.to("alice");
    assertTrue(list.contains("Step 2 done: 3 solutions proposed. No names are shown, but with two of you, each knows which ideas"
        + " came from the other:"), list);
    assertTrue(list.contains("3. Rent a second van on market days"), list);

    // step 3: each party rates; the bot ranks, showing two parties the order alone (a mean would give the other's marks away)
    s.says("alice", "5 5 4", "4 5 5", "2 3 3");
    String badMarks = s.say("bob", "great idea");
    assertTrue(badMarks.contains("I need three marks from 1 to 5"), badMarks);
    s.says("bob", "5 4 4", "5 5 5", "3 3 2");
    String ranking = s.to("bob");
    assertTrue(ranking.contains("1. Bob keeps Tuesdays, alice keeps Thursdays\n2. A shared online calendar for the van"), ranking);

    // step 4: consensus on the solution both accept, written out and confirmed by both
    s.says("alice", "1, 2");
    s.says("bob", "1");
    assertTrue(s.to("alice").contains("The decision: Bob keeps Tuesdays, alice keeps Thursdays"), s.to("alice"));
    s.says("alice", "yes");
    s.says("bob", "yes");
    assertTrue(s.to("bob").contains("decision taken by common agreement, and understood the same way by every party:\nBob keeps Tuesdays"));

    // step 5: the action plan, with a due date in the past refused
    s.says("alice", "yes", "Set up the shared calendar", "me", "2026-03-10", "People forgetting to book", "no", "2026-04-15");
    s.says("bob", "yes", "Tell our volunteers about Tuesdays", "bob");
    String past = s.say("bob", "01/03/2026");
    assertTrue(past.contains("2026-03-01 is in the past (today is 2026-03-02)"), past);
    s.says("bob", "09/03/2026", "skip", "no", "2026-04-01");
    String plan = s.to("alice");
    assertTrue(plan.contains("1. Tell our volunteers about Tuesdays — owner: bob — due: 2026-03-09"), plan);
    assertTrue(plan.contains("2. Set up the shared calendar — owner: alice — due: 2026-03-10\n    obstacles foreseen: People forgetting to book"), plan);
    assertTrue(plan.contains("Evaluation of the result on April 15, 2026"), plan);
    assertTrue(s.to("carol").contains("action plan written and agreed (2 steps). Evaluation of the result planned on April 15, 2026."));

    // step 6: the follow-up lives in the database, so a restart before the date loses nothing
    s.bot.restart();
    s.clock.advance(java.time.Duration.ofDays(30));
    assertTrue(s.bot.tick().stream().noneMatch(m -> m.text().contains("How did it go?")), "not before the date");
    s.clock.advance(java.time.Duration.ofDays(14));
    var asked = s.bot.tick(); // on the agreed date each party is asked privately; both say it works, the case closes
    assertEquals(List.of("alice", "bob", "carol"), asked.stream().map(m -> m.audience().id()).distinct().sorted().toList());
    s.says("alice", "1", "skip");
    s.says("bob", "1", "Much calmer now");
    assertTrue(s.to("alice").contains("every party says the solution works. The space is closed."), s.to("alice"));
    assertTrue(s.command("carol", "conflict status").contains("No conflict space is open."));
    assertEquals(List.of(), s.leaks("bob", "Much calmer now"));
    assertTrue(s.channel().isEmpty(), "a conflict case never reaches the channel: " + s.channel());
  }
}
