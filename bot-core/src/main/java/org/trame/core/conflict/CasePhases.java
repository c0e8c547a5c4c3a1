package org.trame.core.conflict;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.trame.core.conflict.ConflictCases.Case;
import org.trame.core.conflict.ConflictCases.Party;
import org.trame.core.engine.Conversation;
import org.trame.core.storage.Conversations;
import org.trame.core.storage.Member;
import org.trame.core.storage.Members;
import org.trame.core.turn.TurnContext;
import org.trame.core.i18n.MessageKey;

/**
 * Moves a case from phase to phase. Each active party runs the phase's flow in a private
 * conversation; when every one of them has finished, the phase's answers are put together and the
 * next phase starts. A deadline reminds the silent parties once, then tells the coordinator who
 * has not answered, never what anyone said.
 */
final class CasePhases {

  static final String DEADLINE = "conflict.deadline";
  static final String REVIEW = "conflict.review";
  static final Duration INVITE_TIME = Duration.ofDays(3);
  static final Duration GRACE = Duration.ofDays(1);

  private final NeedPath need;
  private final ValuePath value;
  private final Listening listening;

  CasePhases(NeedPath need, ValuePath value, Listening listening) {
    this.need = need;
    this.value = value;
    this.listening = listening;
  }

  static String payload(long caseId, int seq) {
    return caseId + ":" + seq;
  }

  /** The same turn, speaking to {@code memberId} privately in their language. */
  static TurnContext to(TurnContext t, String memberId) throws Exception {
    Member m = known(t, memberId);
    boolean coordinator = Members.coordinators(t.connection(), t.collectiveId()).stream()
        .anyMatch(x -> x.memberId().equals(memberId));
    return t.as(m, coordinator, t.lang());
  }

  /** The same turn, speaking to the coordinator {@code memberId} as such: it reaches them only while they coordinate. */
  static TurnContext asCoordinator(TurnContext t, String memberId) throws Exception {
    return t.asCoordinator(known(t, memberId));
  }

  /** The member as stored, or, once they erased their data, a bare one named by their id. */
  private static Member known(TurnContext t, String memberId) throws Exception {
    Member m = Members.find(t.connection(), t.collectiveId(), memberId);
    return m != null ? m : new Member(t.collectiveId(), memberId, memberId, null, null, null);
  }

  static String name(TurnContext t, String memberId) throws Exception {
    return Parties.name(Members.find(t.connection(), t.collectiveId(), memberId));
  }

  static List<Party> active(TurnContext t, long caseId) throws Exception {
    return ConflictCases.parties(t.connection(), caseId).stream().filter(Party::active).toList();
  }

  /** Tells the coordinator who opened the case; never a party's words. */
  static void tellCoordinator(TurnContext t, Case k, MessageKey msg, Object... keyValues) throws Exception {
    asCoordinator(t, k.openedBy()).say(msg, withCase(k, keyValues));
  }

  static void tellParties(TurnContext t, Case k, MessageKey msg, Object... keyValues) throws Exception {
    for (Party p : active(t, k.id())) {
      to(t, p.memberId()).say(msg, withCase(k, keyValues));
    }
  }

  private static Object[] withCase(Case k, Object... keyValues) {
    Object[] all = new Object[keyValues.length + 2];
    all[0] = "case";
    all[1] = k.id();
    System.arraycopy(keyValues, 0, all, 2, keyValues.length);
    return all;
  }

  /** Starts the phase: each active party gets its flow privately; a deadline is stored. */
  void enter(TurnContext t, long caseId, Phase phase) throws Exception {
    Case k = ConflictCases.find(t.connection(), caseId);
    Duration time = phase == Phase.INVITE || phase == Phase.PREP ? INVITE_TIME : Duration.ofDays(k.stepDays());
    Instant deadline = phase.flow == null ? null : t.now().plus(time);
    int seq = ConflictCases.enter(t.connection(), caseId, phase, deadline == null ? null : deadline.toEpochMilli());
    if (phase.flow == null) {
      return;
    }
    for (Party p : active(t, caseId)) {
      if (nothingToDo(t, k, phase, p)) {
        ConflictCases.setParty(t.connection(), caseId, p.memberId(), "answered_seq", seq);
        continue;
      }
      TurnContext theirs = to(t, p.memberId());
      Conversation c = theirs.flows().start(theirs, phase.flow);
      ConflictCases.setParty(t.connection(), caseId, p.memberId(), "conversation_id", c.id());
    }
    t.schedule(DEADLINE, deadline, payload(caseId, seq));
    advanceIfReady(t, caseId);
  }

  /** Nothing new to rate, or a restatement already recognised: the party is not asked again. */
  private static boolean nothingToDo(TurnContext t, Case k, Phase phase, Party p) throws Exception {
    return switch (phase) {
      case RATING -> ConflictCases.unrated(t.connection(), k.id(), p.memberId()).isEmpty();
      case LISTEN, RECOGNISE -> Listening.nothingToDo(t, k, phase, p);
      default -> false;
    };
  }

  /** A party finished the phase's flow: their answers are recorded, and the case moves on if they were the last. */
  void finished(TurnContext t, Party p, Conversation c) throws Exception {
    Case k = ConflictCases.find(t.connection(), p.caseId());
    if (k == null || k.phase() == Phase.CLOSED || Phase.ofFlow(c.flow()) != k.phase()) {
      return;
    }
    boolean stays = switch (k.phase()) {
      case INVITE -> need.invited(t, k, p, c);
      case PREP -> need.prepared(t, k, p, c);
      case NEEDS -> need.needsApproved(t, k, p, c);
      case LISTEN -> listening.restated(t, k, p, c);
      case RECOGNISE -> listening.recognised(t, k, p, c);
      case GOAL, CHOICE, DECISION, PLAN, APPROVAL, REVIEW -> need.answered(t, k, p, c);
      case VALUE -> value.answered(t, k, p, c);
      case TOGETHER -> value.together(t, k, p, c);
      default -> true;
    };
    ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "answered_seq", k.phaseSeq());
    if (!stays) {
      leave(t, k, p, "declined", ConflictMsg.CONFLICT_PARTY_DECLINED);
      return;
    }
    ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "status", "active");
    advanceIfReady(t, k.id());
  }

  /** A party stopped (cancel) or declined: recorded, the coordinator told without pressure, the case goes on if it can. */
  void leave(TurnContext t, Case k, Party p, String status, MessageKey forCoordinator) throws Exception {
    ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "status", status);
    tellCoordinator(t, k, forCoordinator, "name", name(t, p.memberId()));
    List<Party> left = active(t, k.id());
    if (left.size() < 2) {
      for (Party other : left) {
        closeConversation(t, other);
      }
      tellParties(t, k, ConflictMsg.CONFLICT_CASE_STOPPED);
      tellCoordinator(t, k, ConflictMsg.CONFLICT_CASE_STOPPED);
      ConflictCases.close(t.connection(), k.id(), "stopped", t.now().toEpochMilli());
      askWaiting(t, left);
      return;
    }
    advanceIfReady(t, k.id());
  }

  /** Ends a party's open conversation in the case without a word to them beyond the case's own message. */
  static void closeConversation(TurnContext t, Party p) throws Exception {
    if (p.conversationId() == null) {
      return;
    }
    Conversation c = Conversations.find(t.connection(), p.conversationId());
    if (c != null && c.status().open()) {
      c.status(Conversation.Status.CANCELLED);
      c.state().step = null;
      Conversations.save(t.connection(), c, t.now().toEpochMilli());
    }
  }

  /**
   * After the case's message to parties whose conversation it closed: each one's other
   * conversation still waiting for an answer asks its question again, so that their next words
   * do not answer a question they no longer see.
   */
  static void askWaiting(TurnContext t, List<Party> parties) throws Exception {
    for (Party p : parties) {
      TurnContext theirs = to(t, p.memberId());
      theirs.flows().askWaiting(theirs);
    }
  }

  void advanceIfReady(TurnContext t, long caseId) throws Exception {
    Case k = ConflictCases.find(t.connection(), caseId);
    if (k == null || k.phase() == Phase.CLOSED || k.phase().flow == null) {
      return;
    }
    List<Party> parties = active(t, caseId);
    if (parties.size() < 2 || parties.stream().anyMatch(p -> p.answeredSeq() == null || p.answeredSeq() != k.phaseSeq())) {
      return;
    }
    Phase next = switch (k.phase()) {
      case INVITE -> need.triaged(t, k, parties);
      case LISTEN -> listening.listened(t, k);
      case RECOGNISE -> listening.recognisedAll(t, k, parties);
      case VALUE -> value.convictionsShared(t, k, parties);
      case TOGETHER -> value.complete(t, k, parties);
      default -> need.complete(t, k, parties);
    };
    if (next == Phase.CLOSED) {
      return;
    }
    if (next == Phase.FOLLOWUP) {
      ConflictCases.enter(t.connection(), caseId, Phase.FOLLOWUP, null);
      Case now = ConflictCases.find(t.connection(), caseId);
      t.schedule(REVIEW, Instant.ofEpochMilli(now.reviewAt()), payload(caseId, now.phaseSeq()));
      return;
    }
    enter(t, caseId, next);
  }

  /** The phase's deadline: the silent parties are reminded once; at the second, the coordinator learns who is silent. */
  void deadline(TurnContext t, String payload) throws Exception {
    String[] parts = payload.split(":");
    Case k = ConflictCases.find(t.connection(), Long.parseLong(parts[0]));
    int seq = Integer.parseInt(parts[1]);
    if (k == null || k.phase() == Phase.CLOSED || k.phaseSeq() != seq) {
      return;
    }
    List<Party> silent = new ArrayList<>();
    for (Party p : active(t, k.id())) {
      if (p.answeredSeq() == null || p.answeredSeq() != seq) {
        silent.add(p);
      }
    }
    if (silent.isEmpty()) {
      return;
    }
    if (k.nudgedSeq() == null || k.nudgedSeq() != seq) {
      for (Party p : silent) {
        TurnContext theirs = to(t, p.memberId());
        theirs.say(ConflictMsg.CONFLICT_REMINDER, "case", k.id());
        Conversation c = p.conversationId() == null ? null : Conversations.find(t.connection(), p.conversationId());
        if (c != null && c.status().open()) {
          theirs.flows().remind(theirs, c);
        }
      }
      ConflictCases.set(t.connection(), k.id(), "nudged_seq", seq);
      t.schedule(DEADLINE, t.now().plus(GRACE), payload(k.id(), seq));
      return;
    }
    List<String> names = new ArrayList<>();
    for (Party p : silent) {
      names.add(name(t, p.memberId()));
    }
    tellCoordinator(t, k, ConflictMsg.CONFLICT_SILENT, "names", String.join(", ", names), "count", names.size());
  }

  /** Step 6: the agreed date has come; each party is asked privately how it went. */
  void review(TurnContext t, String payload) throws Exception {
    String[] parts = payload.split(":");
    Case k = ConflictCases.find(t.connection(), Long.parseLong(parts[0]));
    if (k == null || k.phase() != Phase.FOLLOWUP || k.phaseSeq() != Integer.parseInt(parts[1])) {
      return;
    }
    tellCoordinator(t, k, ConflictMsg.CONFLICT_REVIEW_STARTED);
    enter(t, k.id(), Phase.REVIEW);
  }
}
