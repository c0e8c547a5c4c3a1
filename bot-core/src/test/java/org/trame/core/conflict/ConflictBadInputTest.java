package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.port.OutboundMessage;

/** What a conflict space does with silence, floods, past dates and strangers. */
class ConflictBadInputTest extends ConflictSpaceTest {

  @Test
  @DisplayName("a party who is not a member of the collective gets a clear answer and no case is opened")
  void unknownParty() throws Exception {
    assertEquals("I don't know \"@zoe\" in this collective: a party must be a member who has written to me at least once. No space was opened.",
        s.command("carol", "conflict @alice @zoe"));
    assertTrue(s.command("carol", "conflict <@U999> @alice").contains("I don't know \"<@U999>\""));
    assertEquals("A conflict space brings together at least two different members: you named only alice. No space was opened.",
        s.command("carol", "conflict @alice"));
    assertEquals("A conflict space brings together at least two different members: you named only alice. No space was opened.",
        s.command("carol", "conflict @alice @alice The budget"));
    assertTrue(s.command("carol", "conflict").startsWith("Usage: \"conflict @a @b [topic]\""));
    for (int i = 1; i <= 9; i++) {
      s.command("m" + i, "lang en");
    }
    assertTrue(s.command("carol", "conflict @m1 @m2 @m3 @m4 @m5 @m6 @m7 @m8 @m9").contains("8 parties at most"));
    assertEquals(List.of("0"), s.bot.rows("SELECT count(*) FROM conflict_case"));
    assertFalse(s.to("alice").contains("take part"), "nobody is invited");
  }

  @Test
  @DisplayName("closing a space already closed says so, and closing one that does not exist gives the usage")
  void closeTwice() throws Exception {
    s.command("carol", "conflict @alice @bob");
    assertTrue(s.command("carol", "conflict close 1").endsWith("Space #1 closed."));
    assertEquals("Space #1 is already closed: there is nothing to close. \"conflict status\" shows the open ones.",
        s.command("carol", "conflict close 1"));
    assertTrue(s.command("carol", "conflict close 7").startsWith("Usage: \"conflict close <n>\""));
  }

  @Test
  @DisplayName("a party silent past the deadline is reminded once, then the coordinator learns who is silent, never what others said")
  void silentParty() throws Exception {
    s.command("carol", "conflict @alice @bob");
    s.joinAs("alice", "Our two teams keep double-booking the meeting room every week.", "2");
    s.clock.advance(Duration.ofDays(3));
    List<OutboundMessage> first = s.bot.tick();
    assertEquals(List.of("bob"), first.stream().map(m -> m.audience().id()).distinct().toList());
    assertTrue(first.get(0).text().startsWith("A gentle reminder for space #1"), first.get(0).text());
    assertEquals("Would you like to take part?", first.get(first.size() - 1).text());
    s.clock.advance(Duration.ofDays(1));
    List<OutboundMessage> second = s.bot.tick();
    assertEquals(List.of("carol"), second.stream().map(m -> m.audience().id()).toList());
    assertTrue(second.get(0).text().contains("the deadline has passed and bob has not answered yet, despite a reminder"), second.get(0).text());
    assertFalse(second.get(0).text().contains("double-booking"));
    s.clock.advance(Duration.ofDays(5));
    assertEquals(List.of(), s.bot.tick(), "no more nagging");
    // and bob can still join late: the case goes on
    s.joinAs("bob", "We need the room on Mondays and nobody told us about the new rule.", "2");
    assertTrue(s.to("bob").contains("Do you wish to look, with the other parties, for a solution in which nobody loses?"));
  }

  @Test
  @DisplayName("a list of 500 solutions is capped at 10 per party and round, with a clear message, and the list shown stays short")
  void floodOfSolutions() throws Exception {
    // given a need case whose parties reach the brainstorm
    s.openNeedCase();
    s.throughNeeds();
    // when alice sends 500 ideas at once and bob a very long one
    StringBuilder flood = new StringBuilder();
    for (int i = 1; i <= 500; i++) {
      flood.append(i).append(". idea number ").append(i).append('\n');
    }
    String capped = s.say("alice", flood.toString());
    assertTrue(capped.contains("I kept 10 of your 500 ideas: 10 per party per round at most"), capped);
    assertTrue(capped.contains("That is the most for this round"), capped);
    String more = s.say("bob", "A booking board\n" + "x".repeat(3000));
    s.says("bob", "done");
    assertEquals(List.of("12"), s.bot.rows("SELECT count(*) FROM conflict_solution"));
    String list = s.to("bob");
    assertTrue(list.contains("1. idea number 1\n") && list.contains("10. idea number 10\n") && !list.contains("idea number 11"), list);
    assertTrue(list.lines().filter(l -> l.matches("\\d+\\. .*")).allMatch(l -> l.length() <= 300), "each solution is trimmed in the list");
    assertTrue(more.contains("Noted (2 ideas of the 10 possible this round)"), more);
  }

  @Test
  @DisplayName("dates: past ones and nonsense are refused with the reason, the evaluation must be in the future")
  void dates() throws Exception {
    assertEquals(java.time.LocalDate.of(2026, 5, 14), Dates.parse("14/05/2026"));
    assertEquals(java.time.LocalDate.of(2026, 5, 14), Dates.parse("2026-05-14"));
    assertEquals(null, Dates.parse("31/02/2026"));
    assertEquals(null, Dates.parse("next week"));
    // given a need case at its action plan, on 2026-03-02
    s.toPlan();
    // when alice names an owner nobody knows and gives dates that cannot be, then each is refused with its reason
    s.says("alice", "yes", "Put up the board", "nobody-we-know");
    assertTrue(s.to("alice").contains("I don't know \"nobody-we-know\" in this collective."), s.to("alice"));
    s.says("alice", "me");
    assertTrue(s.say("alice", "soon").contains("\"soon\" is not a date I understand"));
    assertTrue(s.say("alice", "2025-12-31").contains("December 31, 2025 is in the past (today is March 2, 2026)"));
    assertTrue(s.say("alice", "2030-01-01").contains("more than two years away"));
    s.says("alice", "2026-03-02", "skip", "skip", "no");
    assertTrue(s.say("alice", "2026-03-02").contains("March 2, 2026 is not in the future"));
    assertTrue(s.say("alice", "2026-03-20").contains("every party will receive the full plan to approve it"));
  }

  @Test
  @DisplayName("a date the plan refuses is re-asked, not accepted: an adapter must not show the question as answered")
  void refusedDateIsReasked() {
    // given a need case at its action plan, alice at a step's due date
    s.toPlan();
    s.says("alice", "yes", "Put up the board", "me");
    // when she gives a date already past
    org.trame.core.port.Handled past = s.bot.handle(org.trame.core.port.InboundEvent.text("past-date", org.trame.core.TestBot.PLATFORM,
        org.trame.core.TestBot.COLLECTIVE, "alice", "2025-12-31"));
    // then the event is re-asked with its reason, and a good date is accepted
    assertEquals(org.trame.core.port.Handled.Outcome.REASKED, past.outcome());
    assertEquals(org.trame.core.port.Handled.Reason.INVALID_ANSWER, past.reason());
    org.trame.core.port.Handled due = s.bot.handle(org.trame.core.port.InboundEvent.text("good-date", org.trame.core.TestBot.PLATFORM,
        org.trame.core.TestBot.COLLECTIVE, "alice", "2026-03-20"));
    assertEquals(org.trame.core.port.Handled.Outcome.ACCEPTED, due.outcome());
  }
}
