package org.trame.core.checkin;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.trame.core.engine.Conversation;
import org.trame.core.storage.Conversations;
import org.trame.core.storage.Member;
import org.trame.core.storage.Members;
import org.trame.core.turn.TurnContext;

/** Asking a round's questions to a zone group, and its one reminder to those still silent. */
final class Invitations {

  private Invitations() {}

  /** Asks the round's questions, privately, to the invitees of a zone group not asked yet. */
  static void ask(TurnContext t, long roundId, String zone) throws Exception {
    CheckinStore.Round round = CheckinStore.round(t.connection(), roundId);
    if (round == null || !round.open()) {
      return;
    }
    List<CheckinStore.Invitee> invitees = CheckinRounds.EVERY_ZONE.equals(zone) ? CheckinStore.invitees(t.connection(), roundId)
        : CheckinStore.inviteesIn(t.connection(), roundId, zone);
    Set<String> coordinators = coordinatorIds(t);
    for (CheckinStore.Invitee i : invitees) {
      if (i.askedAt() != null || i.skippedAt() != null) {
        continue;
      }
      Member m = Members.find(t.connection(), t.collectiveId(), i.memberId());
      if (m == null) {
        continue;
      }
      TurnContext theirs = t.as(m, coordinators.contains(m.memberId()), t.lang());
      // What works where the invitation is read: Discord has no commands in direct messages.
      String invitation = theirs.texts().get(CheckinMsg.CHECKIN_INVITE, theirs.lang(),
          "deadline", new org.trame.core.i18n.Moment(Instant.ofEpochMilli(round.deadlineAt()), ZoneId.of(i.timeZone())),
          "platform", t.platform());
      // The questions promise that nothing shows below 3 answers: a round without that rule says so first.
      theirs.say(round.anonymous() ? invitation : invitation + "\n" + theirs.texts().get(CheckinMsg.CHECKIN_NOT_ANONYMOUS, theirs.lang()));
      Conversation c = theirs.flows().start(theirs, CheckinFeature.FLOW);
      CheckinStore.markAsked(t.connection(), roundId, m.memberId(), c.id(), t.now().toEpochMilli());
    }
  }

  private static Set<String> coordinatorIds(TurnContext t) throws SQLException {
    Set<String> ids = new LinkedHashSet<>();
    Members.coordinators(t.connection(), t.collectiveId()).forEach(m -> ids.add(m.memberId()));
    return ids;
  }

  /** Reminds once, in a zone group, those asked who have neither answered, skipped nor stopped. */
  static void remind(TurnContext t, long roundId, String zone) throws Exception {
    CheckinStore.Round round = CheckinStore.round(t.connection(), roundId);
    if (round == null || !round.open()) {
      return;
    }
    List<CheckinStore.Invitee> invitees = CheckinRounds.EVERY_ZONE.equals(zone) ? CheckinStore.invitees(t.connection(), roundId)
        : CheckinStore.inviteesIn(t.connection(), roundId, zone);
    for (CheckinStore.Invitee i : invitees) {
      if (!i.silent() || i.remindedAt() != null || i.conversationId() == null) {
        continue;
      }
      Conversation c = Conversations.find(t.connection(), i.conversationId());
      Member m = Members.find(t.connection(), t.collectiveId(), i.memberId());
      if (c == null || !c.status().open() || m == null) {
        continue; // stopping the questions is an answer too: no pressure
      }
      TurnContext theirs = t.as(m, false, t.lang());
      theirs.say(CheckinMsg.CHECKIN_REMINDER, "deadline", new org.trame.core.i18n.Moment(Instant.ofEpochMilli(round.deadlineAt()),
          ZoneId.of(i.timeZone())), "platform", t.platform());
      theirs.flows().remind(theirs, c);
      CheckinStore.markReminded(t.connection(), roundId, i.memberId(), t.now().toEpochMilli());
    }
  }
}
