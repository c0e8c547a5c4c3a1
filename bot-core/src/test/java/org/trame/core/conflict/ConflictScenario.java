package org.trame.core.conflict;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.trame.core.MutableClock;
import org.trame.core.TestBot;
import org.trame.core.port.Audience;
import org.trame.core.port.OutboundMessage;

/** A collective with a coordinator (carol) and members, driven through conflict cases in tests. */
final class ConflictScenario implements AutoCloseable {

  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  final MutableClock clock = new MutableClock(START);
  final TestBot bot;

  ConflictScenario(Path dir, String... members) {
    bot = new TestBot(dir.resolve("trame.db"), clock, "carol");
    bot.command("carol", "lang en");
    for (String m : members) {
      bot.command(m, "lang en");
    }
  }

  /** What {@code member} typed got back, joined. */
  String say(String member, String text) {
    return TestBot.joined(bot.say(member, text));
  }

  String command(String member, String words) {
    return TestBot.joined(bot.command(member, words));
  }

  void says(String member, String... lines) {
    for (String line : lines) {
      bot.say(member, line);
    }
  }

  /** Everything sent so far to {@code member} privately, joined. */
  String to(String member) throws Exception {
    bot.trame().awaitSent(Duration.ofSeconds(5));
    return bot.sent.stream().filter(m -> org.trame.core.TestBot.privatelyTo(m, member)).map(OutboundMessage::text)
        .collect(Collectors.joining("\n"));
  }

  /** Everything sent so far to the collective's channel. */
  List<String> channel() throws Exception {
    bot.trame().awaitSent(Duration.ofSeconds(5));
    return bot.sent.stream().filter(m -> !m.audience().isPrivate()).map(OutboundMessage::text).collect(Collectors.toList());
  }

  /** Every message that carries {@code text} to someone other than {@code author}. */
  List<String> leaks(String author, String text) throws Exception {
    bot.trame().awaitSent(Duration.ofSeconds(5));
    List<String> leaks = new ArrayList<>();
    for (OutboundMessage m : bot.sent) {
      if (m.text().contains(text) && !org.trame.core.TestBot.privatelyTo(m, author)) {
        leaks.add(m.audience() + ": " + m.text());
      }
    }
    return leaks;
  }

  /**
   * Accepts the invitation, describes the situation and settles the nature ("2" need, "3" value);
   * when the triage is unsure and asks its clarifying question first, answers it the same way
   * ("1" something lacking, "2" a conviction).
   */
  void joinAs(String member, String description, String verdict) {
    says(member, "yes");
    if (say(member, description).contains(CLARIFYING_QUESTION)) {
      says(member, "3".equals(verdict) ? "2" : "1");
    }
    says(member, verdict);
  }

  /** The start of the clarifying question of the invitation flow, in English. */
  static final String CLARIFYING_QUESTION = "One question before I suggest anything";

  // Ready-made steps of a need case between alice and bob about a meeting room, for tests that prove
  // something further on: each takes the case one stage further, with the shortest honest answers.

  static final String ALICE_SITUATION = "Our two teams keep double-booking the meeting room every week.";
  static final String BOB_SITUATION = "We need the room on Mondays and nobody told us about the new rule.";
  static final String ALICE_NEED = "I need to know a week ahead when the room is free.";
  static final String BOB_NEED = "I need to be able to count on the room on Monday mornings for our workshop.";

  /** carol opens a space for alice and bob; both accept, describe the room dispute and read it as a need conflict. */
  void openNeedCase() {
    command("carol", "conflict @alice @bob");
    joinAs("alice", ALICE_SITUATION, "2");
    joinAs("bob", BOB_SITUATION, "2");
  }

  /**
   * Preparation (a no-lose solution wished, the shortest time frame) and step 1: each need written
   * and approved, restated by the other and recognised, and the drafted goal approved by both.
   */
  void throughNeeds() {
    throughNeedsApproved();
    throughListening("alice", "bob");
  }

  /** Preparation and both needs written and approved: active listening comes next. */
  void throughNeedsApproved() {
    says("alice", "yes", "1");
    says("bob", "yes", "1");
    says("alice", ALICE_NEED, "yes");
    says("bob", BOB_NEED, "yes");
  }

  /** Active listening and the goal, for parties whose needs are shared: each restates the next one's, all recognise, all approve the goal. */
  void throughListening(String... parties) {
    throughListeningOnly(parties);
    for (String p : parties) {
      says(p, "yes");
    }
  }

  /** Active listening alone: each restates the next one's need and all recognise themselves; the goal is asked next. */
  void throughListeningOnly(String... parties) {
    for (String p : parties) {
      says(p, "I understood that you need the room to be predictable for your work.", "yes");
    }
    for (String p : parties) {
      says(p, "1");
    }
  }

  /** The end of step 5: every party named approves the assembled plan. */
  void approvePlan(String... parties) {
    for (String p : parties) {
      says(p, "yes");
    }
  }

  /** Step 2: alice proposes a booking board, bob nothing more. */
  void throughSolutions() {
    says("alice", "A booking board", "done");
    says("bob", "done");
  }

  /** Steps 3 and 4: both rate the board, accept it and confirm the decision. */
  void throughDecision() {
    says("alice", "5 5 5");
    says("bob", "4 4 4");
    says("alice", "1");
    says("bob", "1");
    says("alice", "yes");
    says("bob", "yes");
  }

  /** From opening to step 5, the action plan, whose first question both parties now face. */
  void toPlan() {
    openNeedCase();
    throughNeeds();
    throughSolutions();
    throughDecision();
  }

  static final String VALUE_TOPIC = "Partnership with the energy company";
  static final String ALICE_VALUE_SITUATION = "Taking money from this company goes against everything our association stands for.";
  static final String BOB_NEED_SITUATION = "We need the money from this partner to keep the programme running next year.";

  /** carol opens a space on a partnership; alice reads a value conflict, bob a need conflict: the value path opens. */
  void openValueCase() {
    command("carol", "conflict @alice @bob " + VALUE_TOPIC);
    joinAs("alice", ALICE_VALUE_SITUATION, "3");
    joinAs("bob", BOB_NEED_SITUATION, "2");
  }

  @Override
  public void close() {
    bot.close();
  }

  /** carol opens a space for the given parties; each accepts, reads a need conflict, wishes a no-lose solution and states a need. */
  void toSolutions(String... parties) {
    command("carol", "conflict @" + String.join(" @", parties));
    for (String p : parties) {
      joinAs(p, "The meeting room is double-booked every week between our teams.", "2");
    }
    for (String p : parties) {
      says(p, "yes", "1");
    }
    for (String p : parties) {
      says(p, "I need to know a week ahead when the room is free.", "yes");
    }
    throughListening(parties);
  }
}
