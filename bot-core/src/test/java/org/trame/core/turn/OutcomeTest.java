package org.trame.core.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.TestBot;
import org.trame.core.port.Handled;
import org.trame.core.port.Handled.Outcome;
import org.trame.core.port.Handled.Reason;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.OutboundMessage;
import org.trame.core.storage.Outbox;

/** The core says what became of each event, so that adapters never read it from the replies' texts. */
class OutcomeTest {

  @TempDir
  Path dir;
  TestBot bot;
  int events;

  @BeforeEach
  void start() {
    bot = new TestBot(dir.resolve("trame.db"));
    bot.command("alice", "lang en");
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  private Handled typed(String member, String text) {
    return bot.handle(InboundEvent.text("e" + ++events, TestBot.PLATFORM, TestBot.COLLECTIVE, member, text));
  }

  private Handled command(String member, String words) {
    return bot.handle(InboundEvent.command("e" + ++events, TestBot.PLATFORM, TestBot.COLLECTIVE, member, words));
  }

  private Handled click(String member, OutboundMessage question, String value) {
    return bot.handle(InboundEvent.choice("e" + ++events, TestBot.PLATFORM, TestBot.COLLECTIVE, member,
        question.conversationRef(), question.stepRef(), value));
  }

  /** The question among a turn's messages (the last one waiting for an answer). */
  private static OutboundMessage question(Handled h) {
    List<OutboundMessage> asked = h.messages().stream().filter(m -> m.stepRef() != null).toList();
    assertFalse(asked.isEmpty(), "a question was asked: " + TestBot.texts(h));
    return asked.get(asked.size() - 1);
  }

  private static void assertOutcome(Outcome outcome, Reason reason, Handled h) {
    assertEquals(outcome, h.outcome(), TestBot.texts(h).toString());
    assertEquals(reason, h.reason(), TestBot.texts(h).toString());
  }

  /** Alice's stakes conversation, her first answer given: the sharing question is waiting. */
  private OutboundMessage sharingQuestion() {
    question(command("alice", "stakes"));
    Handled answered = typed("alice", "To learn from the others.");
    assertOutcome(Outcome.ACCEPTED, Reason.NONE, answered);
    OutboundMessage share = question(answered);
    assertTrue(share.stepRef().endsWith("#share"), share.stepRef());
    return share;
  }

  @Test
  @DisplayName("an answer taken is accepted, and each reply says which event it answers and that it was accepted")
  void accepted() {
    // given the sharing question of alice's first answer
    OutboundMessage share = sharingQuestion();
    // when she clicks "Only me"
    Handled h = click("alice", share, "private");
    // then the answer is accepted, and every reply carries the click's event id and that outcome
    assertOutcome(Outcome.ACCEPTED, Reason.NONE, h);
    assertTrue(h.messages().stream().allMatch(m -> m.answers("e" + events)
        && m.inReplyTo().outcome() == Outcome.ACCEPTED), h.messages().toString());
  }

  @Test
  @DisplayName("an answer that does not fit, or a skip of a required question, is re-asked with the reason")
  void reasked() {
    // given the sharing question
    sharingQuestion();
    // when alice types something that is none of the three choices
    Handled nonsense = typed("alice", "maybe tomorrow");
    // then it is re-asked because the answer was invalid
    assertOutcome(Outcome.REASKED, Reason.INVALID_ANSWER, nonsense);
    assertTrue(question(nonsense).stepRef().endsWith("#share"));
    // when she answers it and then tries to skip the next, required, question
    typed("alice", "1");
    assertOutcome(Outcome.REASKED, Reason.NOT_OPTIONAL, typed("alice", "skip"));
  }

  @Test
  @DisplayName("a button of a question already answered by typing is stale, and the member is told so")
  void stale() {
    // given alice answered the sharing question by typing "1" (Only me)
    OutboundMessage share = sharingQuestion();
    assertOutcome(Outcome.ACCEPTED, Reason.NONE, typed("alice", "1"));
    // when she then clicks "The whole collective" on that question's buttons
    Handled late = click("alice", share, "collective");
    // then the click is stale: an earlier question, refused, not applied
    assertOutcome(Outcome.STALE, Reason.EARLIER_QUESTION, late);
    assertTrue(TestBot.texts(late).get(0).startsWith("That button belongs to an earlier question"), TestBot.texts(late).toString());
  }

  @Test
  @DisplayName("someone else's conversation, a forged reference or a stranger's click is not yours")
  void notYours() {
    // given alice's sharing question
    OutboundMessage share = sharingQuestion();
    bot.command("bob", "lang en");
    // then bob clicking it, a forged reference and a stranger's click are all refused the same way
    assertOutcome(Outcome.NOT_YOURS, Reason.SOMEONE_ELSES, click("bob", share, "collective"));
    assertOutcome(Outcome.NOT_YOURS, Reason.SOMEONE_ELSES, bot.handle(InboundEvent.choice("forged", TestBot.PLATFORM,
        TestBot.COLLECTIVE, "alice", "not-a-ref", share.stepRef(), "collective")));
    assertOutcome(Outcome.NOT_YOURS, Reason.SOMEONE_ELSES, click("mallory", share, "collective"));
  }

  @Test
  @DisplayName("a click in a cancelled conversation is over, one in a paused conversation is re-asked as paused")
  void overAndPaused() {
    // given the sharing question, and alice pausing
    OutboundMessage share = sharingQuestion();
    assertOutcome(Outcome.ACCEPTED, Reason.NONE, typed("alice", "pause"));
    // then a click while paused is not taken
    assertOutcome(Outcome.REASKED, Reason.PAUSED, click("alice", share, "private"));
    // when she cancels
    assertOutcome(Outcome.ACCEPTED, Reason.NONE, typed("alice", "cancel"));
    // then the question's buttons belong to a conversation that is over
    assertOutcome(Outcome.OVER, Reason.CONVERSATION_ENDED, click("alice", share, "private"));
  }

  @Test
  @DisplayName("a coordinator-only command from a member is refused; the same event again is a duplicate")
  void refusedAndDuplicate() {
    // when alice, a member, opens a stakes round
    InboundEvent round = InboundEvent.command("round", TestBot.PLATFORM, TestBot.COLLECTIVE, "alice", "stakes round");
    Handled refused = bot.handle(round);
    // then it is refused by the access rules, and the refusal says so in its reply
    assertOutcome(Outcome.REFUSED, Reason.COORDINATORS_ONLY, refused);
    assertEquals(Outcome.REFUSED, refused.messages().get(0).inReplyTo().outcome());
    // and the same delivery again is a duplicate with nothing said
    Handled again = bot.handle(round);
    assertEquals(Outcome.DUPLICATE, again.outcome());
    assertTrue(again.messages().isEmpty());
  }

  @Test
  @DisplayName("an unknown command word, or one not carried out in this version, is re-asked with its reason, not accepted")
  void unknownAndPlannedCommands() {
    // when alice types a command no catalogue entry has, then one that is planned but not built
    Handled unknown = command("alice", "frobnicate");
    // then it does not count as done: it says why, for the adapter to show it where she typed
    assertOutcome(Outcome.REASKED, Reason.UNKNOWN_COMMAND, unknown);
    // and so does a planned one, while the catalogue still has one (none is left since map and diagnostic)
    var plannedCommand = org.trame.core.port.CommandCatalogue.packaged().commands().stream().filter(c -> !c.available()).findFirst();
    org.junit.jupiter.api.Assumptions.assumeTrue(plannedCommand.isPresent(), "no planned command left in the catalogue");
    assertOutcome(Outcome.REASKED, Reason.NOT_AVAILABLE, command("alice", plannedCommand.get().word()));
  }

  @Test
  @DisplayName("the event a message answers is stored with it in the outbox, so a sender after a restart still knows it")
  void storedWithTheMessage() throws Exception {
    // given a stale click whose replies were written to the outbox
    OutboundMessage share = sharingQuestion();
    typed("alice", "1");
    Handled late = click("alice", share, "collective");
    long id = late.messages().get(0).id();
    // when the outbox row is read back, as at a restart
    List<OutboundMessage> stored;
    try (var c = bot.trame().read()) {
      stored = Outbox.unsent(c, Integer.MAX_VALUE).stream().filter(m -> m.id() == id).toList();
    }
    // then it still says which event it answers, and that the event was stale (or it was already sent and deleted)
    if (!stored.isEmpty()) {
      assertEquals(new OutboundMessage.Reply("e" + events, Outcome.STALE), stored.get(0).inReplyTo());
    }
    String payload = bot.rows("SELECT payload FROM outbox WHERE id = ?", id).get(0);
    assertTrue(payload.contains("\"inReplyTo\":{\"eventId\":\"e" + events + "\",\"outcome\":\"STALE\"}"), payload);
  }
}
