package org.trame.core.engine;

import org.trame.core.i18n.Lang;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trame.core.port.OutboundMessage.Expects;

class FlowEngineTest {

  EngineHarness bot;

  @BeforeEach
  void startSample() throws Exception {
    bot = new EngineHarness();
    List<Prompt> first = bot.start();
    assertEquals("Hello\nYour name?", EngineHarness.texts(first));
  }

  /** Name, then its sharing choice. */
  void answerName() throws Exception {
    bot.type("Alice");
    bot.type("1");
  }

  @Nested
  @DisplayName("step kinds")
  class Kinds {

    @Test
    @DisplayName("a message step is said and the flow moves on to the next question")
    void messageMovesOn() {
      assertEquals("name", bot.step());
    }

    @Test
    @DisplayName("a free text shorter than its minimum is re-asked with the reason")
    void textTooShort() throws Exception {
      String said = EngineHarness.texts(bot.type("A"));
      assertTrue(said.contains("at least 2"), said);
      assertTrue(said.endsWith("Your name?"), said);
      assertEquals("name", bot.step());
    }

    @Test
    @DisplayName("a free text of 100,000 characters is refused with its length and the limit, and nothing is recorded")
    void hugeText() throws Exception {
      String said = EngineHarness.texts(bot.type("x".repeat(100_000)));
      assertTrue(said.contains("100000") && said.contains("10"), said);
      assertFalse(bot.conversation.state().answers.containsKey("name"));
    }

    @Test
    @DisplayName("an empty answer is re-asked")
    void emptyText() throws Exception {
      String said = EngineHarness.texts(bot.type("   "));
      assertTrue(said.contains("received nothing"), said);
      assertEquals("name", bot.step());
    }

    @Test
    @DisplayName("an answer of invisible characters only (zero-width, no-break spaces) is re-asked as empty")
    void invisibleText() throws Exception {
      String said = EngineHarness.texts(bot.type("\u200b\u200b\u00a0\u2060\u200b"));
      assertTrue(said.contains("received nothing"), said);
      assertEquals("name", bot.step());
    }

    @Test
    @DisplayName("a shared step asks who may see the answer, and records that choice with it")
    void sharing() throws Exception {
      List<Prompt> asked = bot.type("Alice");
      assertEquals(Expects.CHOICE, asked.get(0).expects());
      assertEquals("name#share", asked.get(0).stepRef());
      assertEquals(3, asked.get(0).options().size());
      bot.type("3");
      assertEquals("collective", bot.conversation.state().answers.get("name").sharing());
      assertEquals("Alice", bot.conversation.state().answers.get("name").value());
    }

    @Test
    @DisplayName("a choice is taken by number, by value or by label in either language")
    void choiceForms() throws Exception {
      answerName();
      bot.type("Bleu");
      assertEquals("blue", bot.conversation.state().answers.get("colour").value());
      bot.type("back");
      bot.type("red");
      assertEquals("red", bot.conversation.state().answers.get("colour").value());
      bot.type("back");
      bot.type("2");
      assertEquals("blue", bot.conversation.state().answers.get("colour").value());
    }

    @Test
    @DisplayName("a scale answer of 7 is re-asked with the range")
    void scaleOutOfRange() throws Exception {
      answerName();
      bot.type("2"); // blue -> size
      String said = EngineHarness.texts(bot.type("7"));
      assertTrue(said.contains("7 is not on the scale") && said.contains("from 1 to 5"), said);
      assertEquals("size", bot.step());
      bot.type("4");
      assertEquals("4", bot.conversation.state().answers.get("size").value());
      assertEquals("sure", bot.step());
    }

    @Test
    @DisplayName("a scale question shows what its ends mean and offers every point")
    void scaleEnds() throws Exception {
      answerName();
      List<Prompt> asked = bot.type("2");
      Prompt scale = asked.get(asked.size() - 1);
      assertTrue(scale.text().contains("1 = small … 5 = large"), scale.text());
      assertEquals(5, scale.options().size());
    }

    @Test
    @DisplayName("a word on a scale is re-asked")
    void scaleNotNumber() throws Exception {
      answerName();
      bot.type("2");
      assertTrue(EngineHarness.texts(bot.type("big")).contains("number from 1 to 5"));
    }

    @Test
    @DisplayName("a multi-choice takes several numbers and keeps the options' order")
    void multiChoice() throws Exception {
      answerName();
      bot.type("1"); // red -> mood
      bot.type("2, 1");
      assertEquals("calm,glad", bot.conversation.state().answers.get("mood").value());
      assertEquals("sure", bot.step(), "why_tired is skipped: its condition does not hold");
    }

    @Test
    @DisplayName("a multi-choice takes numbers written with leading zeros")
    void multiChoiceZeroPadded() throws Exception {
      answerName();
      bot.type("1");
      bot.type("02 01");
      assertEquals("calm,glad", bot.conversation.state().answers.get("mood").value());
    }

    @Test
    @DisplayName("a step whose condition holds is asked")
    void whenCondition() throws Exception {
      answerName();
      bot.type("1");
      bot.type("3");
      assertEquals("why_tired", bot.step());
    }

    @Test
    @DisplayName("an unknown option is re-asked with the valid numbers")
    void unknownOption() throws Exception {
      answerName();
      String said = EngineHarness.texts(bot.type("green"));
      assertTrue(said.contains("from 1 to 2"), said);
      assertEquals("colour", bot.step());
    }

    @Test
    @DisplayName("a confirm takes oui/non as well as yes/no, and a branch on an action picks the next step")
    void confirmAndActionBranch() throws Exception {
      answerName();
      bot.type("2");
      bot.type("3");
      String said = EngineHarness.texts(bot.type("oui"));
      assertEquals("Done", said);
      assertEquals(Conversation.Status.DONE, bot.conversation.status());
      assertEquals(1, bot.recorded.size());
      assertTrue(bot.recorded.get(0).contains("sure"), bot.recorded.get(0));
    }

    @Test
    @DisplayName("the other outcome of a branching action leads elsewhere")
    void otherActionOutcome() throws Exception {
      bot.checkOutcome = "ko";
      answerName();
      bot.type("2");
      bot.type("3");
      assertEquals("Too bad", EngineHarness.texts(bot.type("yes")));
      assertTrue(bot.recorded.isEmpty());
      assertEquals(Conversation.Status.DONE, bot.conversation.status());
    }

    @Test
    @DisplayName("a confirm answer that is neither yes nor no is re-asked")
    void confirmUnknown() throws Exception {
      answerName();
      bot.type("2");
      bot.type("skip");
      assertTrue(EngineHarness.texts(bot.type("maybe")).contains("\"yes\" or \"no\""));
    }
  }

  @Nested
  @DisplayName("words accepted at any step")
  class GlobalWords {

    @Test
    @DisplayName("help gives the step's own help and the global words, without moving")
    void help() throws Exception {
      String said = EngineHarness.texts(bot.type("help"));
      assertTrue(said.contains("Two to ten letters.") && said.contains("\"back\""), said);
      assertEquals("name", bot.step());
    }

    @Test
    @DisplayName("aide works too, in French")
    void aide() throws Exception {
      bot.lang = Lang.FR;
      assertTrue(EngineHarness.texts(bot.type("Aide")).contains("Deux à dix lettres."));
    }

    @Test
    @DisplayName("back returns to the previous question, shows the answer given, and lets it change")
    void back() throws Exception {
      answerName();
      String said = EngineHarness.texts(bot.type("back"));
      assertTrue(said.contains("previous answer was: Alice"), said);
      assertEquals("name", bot.step());
      bot.type("Bob");
      bot.type("2");
      assertEquals("Bob", bot.conversation.state().answers.get("name").value());
      assertEquals("coordinators", bot.conversation.state().answers.get("name").sharing());
    }

    @Test
    @DisplayName("back at the first question says there is nothing to go back to")
    void backAtStart() throws Exception {
      assertTrue(EngineHarness.texts(bot.type("retour")).contains("first question"));
      assertEquals("name", bot.step());
    }

    @Test
    @DisplayName("back from a sharing question returns to the answer it is about")
    void backFromSharing() throws Exception {
      bot.type("Alice");
      bot.type("back");
      assertEquals("name", bot.step());
      assertFalse(bot.conversation.state().awaitingSharing);
    }

    @Test
    @DisplayName("skip passes an optional question and is refused on a required one")
    void skip() throws Exception {
      assertTrue(EngineHarness.texts(bot.type("skip")).contains("can't be skipped"));
      answerName();
      bot.type("2");
      bot.type("passer");
      assertTrue(bot.conversation.state().answers.get("size").skipped());
      assertEquals("sure", bot.step());
    }

    @Test
    @DisplayName("skip on a sharing question keeps the answer private")
    void skipSharing() throws Exception {
      bot.type("Alice");
      String said = EngineHarness.texts(bot.type("skip"));
      assertTrue(said.startsWith("Kept private: only you see this answer."), said);
      assertEquals("private", bot.conversation.state().answers.get("name").sharing());
    }

    @Test
    @DisplayName("help on a sharing question explains the sharing choice, not the question answered before it")
    void helpOnSharing() throws Exception {
      String stepHelp = EngineHarness.texts(bot.type("help"));
      bot.type("Alice");
      String said = EngineHarness.texts(bot.type("help"));
      assertTrue(said.startsWith("You choose who may see the answer you have just given"), said);
      assertFalse(said.contains(stepHelp.lines().findFirst().orElseThrow()), said);
      assertTrue(bot.conversation.state().awaitingSharing);
    }

    @Test
    @DisplayName("pause holds the conversation until resume, which asks the same question again")
    void pauseResume() throws Exception {
      bot.type("pause");
      assertEquals(Conversation.Status.PAUSED, bot.conversation.status());
      assertTrue(EngineHarness.texts(bot.type("Alice")).contains("paused"));
      assertFalse(bot.conversation.state().answers.containsKey("name"), "nothing is answered while paused");
      String said = EngineHarness.texts(bot.type("resume"));
      assertTrue(said.endsWith("Your name?"), said);
      assertEquals(Conversation.Status.ACTIVE, bot.conversation.status());
    }

    @Test
    @DisplayName("cancel ends the conversation; later input is told it has ended")
    void cancel() throws Exception {
      String said = EngineHarness.texts(bot.type("annuler"));
      // said of any flow, so it speaks of no register (only the stakes flow has one)
      assertTrue(said.endsWith("conversation stopped: the answers you had begun in it will not be used."), said);
      assertEquals(Conversation.Status.CANCELLED, bot.conversation.status());
      assertNull(bot.step());
      assertTrue(EngineHarness.texts(bot.type("Alice")).contains("has ended"));
    }
  }

  @Nested
  @DisplayName("buttons")
  class Buttons {

    @Test
    @DisplayName("a click on the current question's button is taken as the answer")
    void currentButton() throws Exception {
      answerName();
      bot.click("colour", "blue");
      assertEquals("size", bot.step());
    }

    @Test
    @DisplayName("a second click on an earlier question's button is refused, not applied again")
    void staleButton() throws Exception {
      answerName();
      bot.click("colour", "blue");
      String said = EngineHarness.texts(bot.click("colour", "red"));
      assertTrue(said.contains("earlier question"), said);
      assertEquals("blue", bot.conversation.state().answers.get("colour").value());
      assertEquals("size", bot.step());
    }

    @Test
    @DisplayName("a button value that is a global word is an answer, not a command")
    void buttonIsNeverAWord() throws Exception {
      bot.click("name", "help");
      assertEquals("help", bot.conversation.state().answers.get("name").value());
      assertTrue(bot.conversation.state().awaitingSharing);
    }
  }

  @Test
  @DisplayName("after back and a different branch, answers of the abandoned path are not in the result")
  void abandonedPath() throws Exception {
    answerName();
    bot.type("2"); // blue
    bot.type("4"); // size
    bot.type("back");
    bot.type("back");
    bot.type("1"); // red
    bot.type("1"); // calm
    bot.type("yes");
    assertEquals(1, bot.recorded.size());
    assertFalse(bot.recorded.get(0).contains("size"), bot.recorded.get(0));
    assertTrue(bot.recorded.get(0).contains("mood"), bot.recorded.get(0));
  }
}
