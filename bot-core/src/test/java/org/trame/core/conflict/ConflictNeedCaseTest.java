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
  static final String ALICE_RESTATES = "You need to be sure the van is yours on Tuesday mornings, for the market.";
  static final String BOB_RESTATES = "You want to know when the van is free.";
  static final String ALICE_CLARIFIES = "Not only when: one day ahead, because our deliveries are planned for the week.";
  static final String BOB_RESTATES_AGAIN = "You need to know a day ahead when the van is free, since your deliveries are planned weekly.";

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
    // (the classifier hesitates between need and value on alice's description: one question from sheet 7 comes first)
    String clarifying = s.say("alice", ALICE_DESCRIPTION);
    assertTrue(clarifying.contains("is it mostly about something you lack"), clarifying);
    String proposal = s.say("alice", "1");
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

    // active listening: each says the other's need back; the restatement reaches its author alone
    assertTrue(s.to("alice").contains("bob's need, as they approved it for sharing:\n\"" + BOB_WORDING + "\""), s.to("alice"));
    s.says("alice", ALICE_RESTATES, "yes");
    s.says("bob", BOB_RESTATES, "yes");
    assertTrue(s.to("bob").contains("Here is how alice said your need back, in their own words:\n\"" + ALICE_RESTATES + "\""), s.to("bob"));
    assertEquals(List.of(), s.leaks("bob", ALICE_RESTATES), "a restatement reaches its author alone");
    // alice does not recognise herself at first: her clarification goes to bob alone, who restates again
    s.says("alice", "2", ALICE_CLARIFIES);
    s.says("bob", "1");
    String again = s.to("bob");
    assertTrue(again.contains("alice does not quite recognise themselves in your restatement, and clarifies: \"" + ALICE_CLARIFIES + "\""), again);
    assertTrue(again.contains("Try again, with their clarification in mind."), again);
    assertTrue(s.to("alice").contains("bob recognises themselves in your restatement"), s.to("alice"));
    s.says("bob", BOB_RESTATES_AGAIN, "yes");
    s.says("alice", "1");
    assertTrue(s.to("alice").contains("every party recognised themselves in another's restatement. Let us now set a shared goal."), s.to("alice"));

    // the equation of needs, drafted from both needs, approved by both, heads step 2
    String goal = s.to("bob");
    assertTrue(goal.contains("Proposed goal:\nHow can we make sure that alice's need (\"I need to know one day ahead"), goal);
    assertTrue(goal.contains("and bob's need (\"" + BOB_WORDING + "\") are all met at once?"), goal);
    s.says("alice", "yes");
    s.says("bob", "yes");
    assertTrue(s.to("alice").contains("step 1 done. Shared goal, approved by every party:\nHow can we make sure that"), s.to("alice"));
    assertTrue(s.to("alice").contains("Shared goal: How can we make sure that") && s.to("alice").contains("Step 2 of 6: solutions"), s.to("alice"));

    // step 2: brainstorming, ideas shown without names, saying that between two each knows the other's
    s.says("alice", "A shared online calendar for the van\nBob keeps Tuesdays, alice keeps Thursdays", "done");
    s.says("bob", "Rent a second van on market days", "done");
    String list = s.to("alice");
    assertTrue(list.contains("Step 2 done: 3 solutions proposed. No names are shown, but with two of you, each knows which ideas"
        + " came from the other:"), list);
    assertTrue(list.contains("3. Rent a second van on market days"), list);

    // step 3: each party rates, with a word on advantages and drawbacks if they wish; the bot ranks,
    // showing two parties the order alone (a mean would give the other's marks away)
    s.says("alice", "5 5 4 cheap, everyone sees it", "4 5 5", "2 3 3");
    String badMarks = s.say("bob", "great idea");
    assertTrue(badMarks.contains("I need three marks from 1 to 5"), badMarks);
    s.says("bob", "5 4 4", "5 5 5 — clear, but Thursdays are tight for us", "3 3 2");
    String ranking = s.to("bob");
    assertTrue(ranking.contains("1. Bob keeps Tuesdays, alice keeps Thursdays\n    advantages and drawbacks: clear, but Thursdays are tight for us"
        + "\n2. A shared online calendar for the van\n    advantages and drawbacks: cheap, everyone sees it"), ranking);

    // step 4: consensus on the solution both accept, under the shared goal, written out and confirmed by both
    assertTrue(ranking.contains("Shared goal: How can we make sure that"), ranking);
    s.says("alice", "1, 2");
    s.says("bob", "1");
    assertTrue(s.to("alice").contains("The decision: Bob keeps Tuesdays, alice keeps Thursdays"), s.to("alice"));
    s.says("alice", "yes");
    s.says("bob", "yes");
    assertTrue(s.to("bob").contains("decision taken by common agreement, and understood the same way by every party:\nBob keeps Tuesdays"));

    // step 5: the action plan with its resources, a due date in the past refused
    s.says("alice", "yes", "Set up the shared calendar", "me", "2026-03-10", "Two hours of a volunteer", "People forgetting to book",
        "no", "2026-04-15");
    s.says("bob", "yes", "Tell our volunteers about Tuesdays", "bob");
    String past = s.say("bob", "01/03/2026");
    assertTrue(past.contains("March 1, 2026 is in the past (today is March 2, 2026)"), past);
    s.says("bob", "09/03/2026", "skip", "skip", "no", "2026-04-01");
    String plan = s.to("alice");
    assertTrue(plan.contains("1. Tell our volunteers about Tuesdays — owner: bob — due: March 9, 2026"), plan);
    assertTrue(plan.contains("2. Set up the shared calendar — owner: alice — due: March 10, 2026\n    resources: Two hours of a volunteer"
        + "\n    obstacles foreseen: People forgetting to book"), plan);
    assertFalse(s.to("carol").contains("action plan written"), "not recorded before every party approved it");

    // nobody approves for the others: bob asks for a change, the plan is written again and approved by both
    s.says("alice", "yes");
    s.says("bob", "no", "Alice's step should come before mine");
    assertTrue(s.to("alice").contains("the plan is not approved by every party. Their remarks:\n• bob — Alice's step should come before mine"),
        s.to("alice"));
    assertTrue(s.to("alice").contains("The previous plan, to start from (each party writes again the steps they keep):\n"
        + "1. Tell our volunteers about Tuesdays — owner: bob — due: March 9, 2026"), s.to("alice"));
    s.says("alice", "yes", "Set up the shared calendar", "me", "2026-03-08", "skip", "skip", "no", "2026-04-15");
    s.says("bob", "yes", "Tell our volunteers about Tuesdays", "bob", "09/03/2026", "skip", "skip", "no", "2026-04-01");
    s.says("alice", "yes");
    s.says("bob", "yes");
    plan = s.to("alice");
    assertTrue(plan.contains("the action plan is approved by every party.\nSpace #1 — action plan written together."), plan);
    assertTrue(plan.contains("Evaluation of the result on April 15, 2026"), plan);
    assertTrue(s.to("carol").contains("action plan written and approved by every party (2 steps). Evaluation of the result planned on April 15, 2026."));

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
