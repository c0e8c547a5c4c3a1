package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.conflict.triage.TriageModel;

/**
 * When the triage reads a description as nearly as much a need as a value conflict, the invitation
 * asks one question from sheet 7's distinction (something lacking, or a conviction) before proposing,
 * and the answer names the nature proposed; the party still confirms or corrects it.
 */
class ConflictClarifyTest extends ConflictSpaceTest {

  /** Says there is a disagreement, not whether it is about means or about convictions. */
  static final String AMBIGUOUS = "There is a disagreement between our two teams about the project.";
  static final String CLEAR_VALUE = "Taking money from this company goes against everything our association stands for.";
  static final String CLEAR_NEED = "We need the room on Mondays and nobody told us about the new rule.";

  @Test
  @DisplayName("the packaged triage is unsure of the ambiguous description and sure of the clear ones")
  void theExamplesAreWhatTheySay() {
    TriageModel model = TriageModel.packaged();

    assertTrue(model.propose(AMBIGUOUS).natureUnsure(), model.propose(AMBIGUOUS).toString());
    assertFalse(model.propose(CLEAR_VALUE).natureUnsure(), model.propose(CLEAR_VALUE).toString());
    assertFalse(model.propose(CLEAR_NEED).natureUnsure(), model.propose(CLEAR_NEED).toString());
  }

  @Test
  @DisplayName("an ambiguous description gets one clarifying question before any proposal; a clear one goes straight to the proposal")
  void askedOnlyWhenUnsure() {
    // given a space for alice and bob, both taking part
    s.command("carol", "conflict @alice @bob");
    s.says("alice", "yes");
    s.says("bob", "yes");

    // when alice describes an ambiguous situation and bob a clear one
    String alice = s.say("alice", AMBIGUOUS);
    String bob = s.say("bob", CLEAR_VALUE);

    // then alice is asked the question (time, money, a rule, or what she thinks right), with no proposal yet
    assertTrue(alice.contains(ConflictScenario.CLARIFYING_QUESTION), alice);
    assertTrue(alice.contains("time, money, a rule, resources") && alice.contains("what you think is right"), alice);
    assertFalse(alice.contains("My reading"), alice);
    // and bob gets the proposal at once
    assertFalse(bob.contains(ConflictScenario.CLARIFYING_QUESTION), bob);
    assertTrue(bob.contains("My reading, for you to check: this looks like a value conflict"), bob);
  }

  @Test
  @DisplayName("the answer names the nature proposed: something lacking gives a need conflict, a conviction a value conflict; each party still confirms")
  void answerDecidesTheNature() throws Exception {
    // given the same ambiguous description from both parties
    s.command("carol", "conflict @alice @bob");
    s.says("alice", "yes", AMBIGUOUS);
    s.says("bob", "yes", AMBIGUOUS);

    // when alice answers that something is lacking and bob that it is a conviction
    String alice = s.say("alice", "1");
    String bob = s.say("bob", "2");

    // then each proposal follows the answer, and asks for confirmation
    assertTrue(alice.contains("from your answer, this is rather a need conflict"), alice);
    assertTrue(bob.contains("from your answer, this is rather a value conflict"), bob);
    assertTrue(alice.contains("Is that right?") && bob.contains("Is that right?"), alice + "\n" + bob);
    assertEquals(List.of("alice|need", "bob|value"),
        s.bot.rows("SELECT member_id, proposed_nature FROM conflict_party ORDER BY member_id"));
    // and once both confirm, the case takes the value path (one party sees a value conflict)
    s.says("alice", "1");
    s.says("bob", "1");
    assertTrue(s.to("alice").contains("every party has answered, and at least one sees a value conflict"), s.to("alice"));
  }

  @Test
  @DisplayName("answering 'both, or I don't know' leaves the classifier's reading, which the party may still correct")
  void dontKnowKeepsTheReading() throws Exception {
    s.command("carol", "conflict @alice @bob");
    s.says("alice", "yes", AMBIGUOUS);

    String alice = s.say("alice", "3");

    assertTrue(alice.contains("My reading, for you to check: this looks like a"), alice);
    assertTrue(alice.contains("(confidence"), alice);
    assertFalse(alice.contains("from your answer"), alice);
  }
}
