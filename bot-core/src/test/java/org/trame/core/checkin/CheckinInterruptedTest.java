package org.trame.core.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.TestBot;
import org.trame.core.port.OutboundMessage;

/**
 * A check-in that another conversation interrupts: a member's words answer the question they
 * were last shown, never one of a conversation that went out of sight.
 */
class CheckinInterruptedTest extends CheckinCollectiveTest {

  private static final String CONSENT = "May this remark appear in the collective's report";

  @Override
  String[] members() {
    return new String[] {"carol", "alice", "bob", "dan", "eve"};
  }

  @Test
  @DisplayName("a consent question interrupted by a conflict space is asked again when alice's part of the space ends")
  void consentAskedAgainAfterConflictSpace() throws Exception {
    // given: alice wrote a remark and is asked whether it may be published
    h.bot.command("carol", "checkin now");
    for (String scale : new String[] {"2", "2", "2", "2"}) {
      h.bot.say("alice", scale);
    }
    assertTrue(TestBot.joined(h.bot.say("alice", "PRIVATE-ALICE I am thinking of leaving")).contains(CONSENT));
    // and: a conflict space opens, whose questions take over until her part is done
    h.bot.command("carol", "conflict @alice @bob The budget");
    h.bot.say("alice", "yes");
    String read = TestBot.joined(h.bot.say("alice", "The budget is decided without us and our association always pays more than its share."));
    if (read.contains("One question before I suggest anything")) {
      h.bot.say("alice", "1"); // the triage was unsure of the nature and asked first: something lacking
    }

    // when: she confirms the reading of her description, the last question of the space for now
    List<String> replies = h.bot.say("alice", "1");

    // then: the interrupted question comes back, after the space's thank-you, before anything she says next
    String said = TestBot.joined(replies);
    assertTrue(said.contains("When every party has answered"), said);
    int back = said.indexOf("Back to \"check-in\", where you left off:");
    assertTrue(back > said.indexOf("When every party has answered") && said.indexOf(CONSENT, back) > back, said);
    // and: her answer to it is the one that counts
    h.bot.say("alice", "no");
    h.answer("dan", 3, 3, 3, 3, "Shorter meetings, please", true);
    h.answer("eve", 4, 4, 4, 4, null, false);
    List<OutboundMessage> closing = h.runUntil(h.clock.instant().plus(Duration.ofDays(4)));
    String report = TestBot.joined(CheckinHarness.channel(closing).stream().map(OutboundMessage::text).toList());
    assertTrue(report.contains("Participation: 3 of 5") && report.contains("Shorter meetings, please"), report);
    assertFalse(report.contains("PRIVATE-ALICE"), report);
  }

  @Test
  @DisplayName("after a check-in reminder, alice's reply answers the check-in, not the stakes question she was shown before it")
  void replyAfterReminderAnswersTheReminder() throws Exception {
    // given: alice is invited to a check-in, then to a stakes round, whose first question she sees last
    h.bot.command("carol", "checkin now");
    h.bot.command("carol", "stakes round");
    // when: the check-in's reminder asks its question again
    List<OutboundMessage> day = h.advance(Duration.ofHours(24));
    List<String> toAlice = CheckinHarness.textsTo(day, "alice");
    assertTrue(toAlice.stream().anyMatch(t -> t.startsWith("A gentle reminder")), toAlice.toString());
    // then: her answer goes to the check-in, whose next question follows
    String next = TestBot.joined(h.bot.say("alice", "4"));
    assertTrue(next.startsWith("And your own commitment"), next);
    // and: once the check-in is done, the stakes question comes back
    h.bot.say("alice", "4");
    h.bot.say("alice", "4");
    h.bot.say("alice", "4");
    String done = TestBot.joined(h.bot.say("alice", "skip"));
    assertTrue(done.contains("Back to \"my stakes\", where you left off:"), done);
    assertTrue(done.endsWith("What brought you to this collective, and what have you come here looking for?"), done);
    assertEquals(List.of("1"), h.bot.rows("SELECT COUNT(*) FROM checkin_answer WHERE alignment = 4"));
  }

  @Test
  @DisplayName("a reminder of a check-in alice paused does not take her replies away from the questions she is answering")
  void pausedCheckinReminded() throws Exception {
    // given alice paused her check-in and then started her stakes questionnaire
    h.bot.command("carol", "checkin now");
    h.bot.say("alice", "pause");
    h.bot.command("alice", "stakes");
    // when the check-in's reminder comes
    h.advance(Duration.ofHours(25));
    // then her next words still answer the stakes question
    assertEquals("Who may see this answer?", h.bot.say("alice", "To meet the other associations of the area.").get(0));
  }

  @Test
  @DisplayName("when a round closes in the middle of alice's answers, the questionnaire it interrupted is asked again")
  void roundCloseAsksTheInterruptedQuestion() throws Exception {
    // given alice was answering her stakes when a check-in interrupted it, and answered one scale
    h.bot.command("alice", "stakes");
    h.bot.command("carol", "checkin now");
    h.bot.say("alice", "4");
    // when carol closes the round
    List<OutboundMessage> closing = h.command("carol", "checkin close");
    // then alice reads why, then the stakes question again, and her next words answer it
    List<String> toAlice = CheckinHarness.textsTo(closing, "alice");
    assertTrue(toAlice.get(0).startsWith("The check-in closed before you had finished"), toAlice.toString());
    assertEquals("Back to \"my stakes\", where you left off:", toAlice.get(1));
    assertEquals("Who may see this answer?", h.bot.say("alice", "To meet the other associations of the area.").get(0));
  }

  @Test
  @DisplayName("when two reminders reach alice in the same instant, her reply answers the one she read last")
  void twoRemindersAtOnce() throws Exception {
    // given alice's stakes questionnaire and a check-in are both waiting, their reminders due at the same time
    h.bot.command("alice", "stakes");
    h.clock.advance(Duration.ofMinutes(1));
    h.bot.command("carol", "checkin now");
    h.clock.advance(Duration.ofHours(1));
    h.bot.command("carol", "stakes round 7 23");
    // when both reminders fire in one tick, the stakes one last
    List<OutboundMessage> reminders = h.advance(Duration.ofHours(23));
    List<String> toAlice = CheckinHarness.textsTo(reminders, "alice");
    assertTrue(toAlice.get(toAlice.size() - 1).startsWith("What brought you to this collective"), toAlice.toString());
    // then her answer goes to the stakes question
    assertEquals("Who may see this answer?", h.bot.say("alice", "To meet the other associations of the area.").get(0));
  }

  @Test
  @DisplayName("when carol closes a conflict space in the middle of alice's part, alice's consent question is asked again")
  void spaceClosedAsksTheInterruptedQuestion() throws Exception {
    // given alice is asked whether her remark may be published, then joins a conflict space
    h.bot.command("carol", "checkin now");
    for (String answer : new String[] {"2", "2", "2", "2", "PRIVATE-ALICE I am thinking of leaving"}) {
      h.bot.say("alice", answer);
    }
    h.bot.command("carol", "conflict @alice @bob The budget");
    h.bot.say("alice", "yes");
    // when carol closes the space
    List<OutboundMessage> closing = h.command("carol", "conflict close 1");
    // then alice reads that it closed, and then the consent question again
    List<String> toAlice = CheckinHarness.textsTo(closing, "alice");
    assertTrue(toAlice.get(0).startsWith("Space #1 was closed by the coordinators"), toAlice.toString());
    assertEquals("Back to \"check-in\", where you left off:", toAlice.get(1));
    assertTrue(toAlice.get(2).startsWith(CONSENT), toAlice.toString());
  }
}
