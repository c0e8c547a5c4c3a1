package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Step 1 of a need case: a blame or a demanded solution is met with one question for the need behind it. */
class ConflictCoachingTest extends ConflictSpaceTest {

  @Test
  @DisplayName("a blame of the other party in the third person gets the blame question, with an example from the member's words")
  void blameInTheThirdPerson() {
    // given alice and bob in step 1 of a need case
    s.openNeedCase();
    s.says("alice", "yes", "1");
    s.says("bob", "yes", "1");

    // when alice writes privately of bob in the third person
    String coached = s.say("alice", "Bob is always selfish with the room, he doesn't care about our workshops.");

    // then she is asked for the need, feeling or effect behind it, with "the room" in the example
    assertTrue(coached.contains("\"Bob is always selfish with the room\" may be heard as a judgement of the person."), coached);
    assertTrue(coached.contains("What need, feeling or concrete effect on you is behind it? For example: \"When the room …, I feel …"), coached);
    assertTrue(coached.contains("Would you like to rephrase it"), coached);
  }

  @Test
  @DisplayName("a demanded solution gets the solution question; after one rewrite the member is not asked again, and keeping the words shares them")
  void solutionAskedOnce() {
    // given alice and bob in step 1 of a need case
    s.openNeedCase();
    s.says("alice", "yes", "1");
    s.says("bob", "yes", "1");

    // when bob demands one solution
    String coached = s.say("bob", "Alice must give the room back every Monday morning.");

    // then he is asked what it would give him and which need it meets
    assertTrue(coached.contains("\"Alice must give the room back every Monday morning\" already asks for one specific solution."
        + " What would that solution give you? What need does it meet? For example: \"I need to be able to count on the room, because …\""), coached);
    assertFalse(coached.contains("judgement"), coached);

    // when he chooses to rephrase but writes another demand, then he is not asked a second time: the wording follows
    s.says("bob", "1");
    String second = s.say("bob", "Alice should hand the room keys over to me on Sundays.");
    assertFalse(second.contains("specific solution"), second);
    assertTrue(second.contains("Alice should hand the room keys over to me on Sundays"), second);
  }

  @Test
  @DisplayName("a member who keeps their words has the last word: the wording carries them")
  void keepsTheirWords() {
    // given alice coached on a blame
    s.openNeedCase();
    s.says("alice", "yes", "1");
    s.says("bob", "yes", "1");
    s.say("alice", "They never listen to the volunteers.");

    // when she keeps her words
    String kept = s.say("alice", "2");

    // then the wording to approve is hers
    assertTrue(kept.contains("They never listen to the volunteers"), kept);
  }
}
