package org.trame.core.stakes;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.trame.core.engine.Answer;
import org.trame.core.engine.Conversation;
import org.trame.core.engine.FlowEngine;
import org.trame.core.storage.Conversations;
import org.trame.core.storage.Jobs;
import org.trame.core.storage.Member;
import org.trame.core.storage.Members;
import org.trame.core.storage.Settings;
import org.trame.core.turn.TurnContext;

/**
 * A stakes round (seed 004 sheet 2 §3: re-evaluate one's own game over time): every member is
 * invited privately, those who have not answered are reminded once, and at the deadline a
 * synthesis of what was shared goes to the channel, and one of what was shared with coordinators
 * goes to each coordinator privately. The next round is then scheduled.
 */
final class StakesRoundService {

  static final String REMIND = "stakes.remind";
  static final String CLOSE = "stakes.close";
  static final String REEVALUATE = "stakes.reevaluate";
  static final String AMBITION = "stakes.ambition";
  static final String EVERY_MONTHS = "stakes.every_months";
  static final int DEFAULT_DAYS = 7;
  static final int DEFAULT_REMINDER_HOURS = 48;
  static final int DEFAULT_EVERY_MONTHS = 3;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private final FlowEngine engine;

  StakesRoundService(FlowEngine engine) {
    this.engine = engine;
  }

  /** A moment of a stakes round as members read it: rounds are timed in UTC. */
  static org.trame.core.i18n.Moment date(long millis) {
    return org.trame.core.i18n.Moment.utc(millis);
  }

  /** Opens a round and invites every member; false when one is already open. */
  boolean open(TurnContext t, String openedBy, int days, int reminderHours) throws Exception {
    StakesRounds.Round open = StakesRounds.openRound(t.connection(), t.collectiveId());
    if (open != null) {
      if (openedBy != null) {
        t.say(StakesMsg.STAKES_ROUND_ALREADY_OPEN, "deadline", date(open.deadlineAt()));
      }
      return false;
    }
    List<Member> members = Members.all(t.connection(), t.collectiveId());
    if (members.isEmpty()) {
      return false;
    }
    Instant now = t.now();
    Instant deadline = now.plus(Duration.ofDays(days));
    Instant reminder = now.plus(Duration.ofHours(reminderHours));
    boolean reminderMoved = !reminder.isBefore(deadline);
    if (reminderMoved) {
      reminder = deadline.minus(Duration.ofHours(1));
    }
    long round = StakesRounds.open(t.connection(), t.collectiveId(), openedBy, now.toEpochMilli(), deadline.toEpochMilli());
    List<Member> coordinators = Members.coordinators(t.connection(), t.collectiveId());
    for (Member m : members) {
      TurnContext theirs = t.as(m, coordinators.stream().anyMatch(x -> x.memberId().equals(m.memberId())), t.lang());
      theirs.say(StakesMsg.STAKES_ROUND_INVITE, "deadline", date(deadline.toEpochMilli()));
      Conversation c = theirs.flows().start(theirs, StakesFeature.FLOW);
      StakesRounds.invite(t.connection(), round, m.memberId(), c.id());
    }
    t.schedule(REMIND, reminder, Jobs.roundPayload(round));
    t.schedule(CLOSE, deadline, Jobs.roundPayload(round));
    if (openedBy != null) {
      t.say(StakesMsg.STAKES_ROUND_OPENED, "count", members.size(), "reminder", Duration.between(now, reminder).toHours(),
          "deadline", date(deadline.toEpochMilli()));
      if (reminderMoved) {
        t.say(StakesMsg.STAKES_ROUND_REMINDER_MOVED, "asked", reminderHours);
      }
    }
    return true;
  }

  /** Reminds, once, the invitees who have neither answered nor stopped their conversation. */
  void remind(TurnContext t, long roundId) throws Exception {
    StakesRounds.Round round = StakesRounds.find(t.connection(), roundId);
    if (round == null) {
      return;
    }
    for (StakesRounds.Invitee i : StakesRounds.invitees(t.connection(), roundId)) {
      if (i.answeredAt() != null || i.remindedAt() != null || i.conversationId() == null) {
        continue;
      }
      Conversation c = Conversations.find(t.connection(), i.conversationId());
      Member m = Members.find(t.connection(), t.collectiveId(), i.memberId());
      if (c == null || !c.status().open() || m == null) {
        continue; // declining (cancel) is an answer too: no pressure
      }
      TurnContext theirs = t.as(m, false, t.lang());
      theirs.say(StakesMsg.STAKES_ROUND_REMINDER, "deadline", date(round.deadlineAt()));
      theirs.flows().remind(theirs, c);
      StakesRounds.markReminded(t.connection(), roundId, i.memberId(), t.now().toEpochMilli());
    }
  }

  /** Closes the round now: syntheses out, pending jobs cancelled, next round scheduled. */
  void close(TurnContext t, StakesRounds.Round round) throws Exception {
    long now = t.now().toEpochMilli();
    StakesRounds.close(t.connection(), round.id(), now);
    Jobs.cancel(t.connection(), t.collectiveId(), REMIND, Jobs.roundPayload(round.id()), now);
    Jobs.cancel(t.connection(), t.collectiveId(), CLOSE, Jobs.roundPayload(round.id()), now);
    Jobs.cancel(t.connection(), t.collectiveId(), REEVALUATE, "{}", now);
    int months = Settings.get(t.connection(), t.collectiveId(), EVERY_MONTHS).map(Integer::parseInt).orElse(DEFAULT_EVERY_MONTHS);
    Instant next = t.now().atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
    t.schedule(REEVALUATE, next, "{}");

    List<StakesRounds.Invitee> invitees = StakesRounds.invitees(t.connection(), round.id());
    int answered = (int) invitees.stream().filter(i -> i.answeredAt() != null).count();
    tellUnfinished(t, invitees);
    String ambition = Settings.get(t.connection(), t.collectiveId(), AMBITION).orElse(null);
    org.trame.core.i18n.Moment nextDate = date(next.toEpochMilli());

    // The query picks by sharing; the access point has the last word on each answer for each reader.
    org.trame.core.access.Requester channel = org.trame.core.access.Requester.channel(t.collectiveId());
    List<StakesRounds.SharedAnswer> withCollective = readable(channel,
        StakesRounds.shared(t.connection(), round.id(), List.of(Answer.COLLECTIVE)), t.collectiveId());
    t.post(new StakesSynthesis(engine, t.lang()).write(StakesMsg.STAKES_SYNTHESIS_HEADER, withCollective, invitees.size(),
        answered, ambition, nextDate));

    List<StakesRounds.SharedAnswer> withCoordinators = StakesRounds.shared(t.connection(), round.id(),
        List.of(Answer.COLLECTIVE, Answer.COORDINATORS));
    for (Member coordinator : Members.coordinators(t.connection(), t.collectiveId())) {
      TurnContext theirs = t.asCoordinator(coordinator);
      List<StakesRounds.SharedAnswer> forThem = readable(theirs.requester(), withCoordinators, t.collectiveId());
      theirs.say(new StakesSynthesis(engine, theirs.lang()).write(StakesMsg.STAKES_SYNTHESIS_COORDINATORS_HEADER, forThem,
          invitees.size(), answered, ambition, nextDate));
    }
  }

  /**
   * Members half-way through the questionnaire learn that the round closed without their answers:
   * they may still finish it, for their own register.
   */
  private static void tellUnfinished(TurnContext t, List<StakesRounds.Invitee> invitees) throws Exception {
    for (StakesRounds.Invitee i : invitees) {
      Conversation c = i.answeredAt() != null || i.conversationId() == null ? null : Conversations.find(t.connection(), i.conversationId());
      Member m = c != null && c.status().open() && c.state().begun()
          ? Members.find(t.connection(), t.collectiveId(), i.memberId()) : null;
      if (m != null) {
        t.as(m, false, t.lang()).say(StakesMsg.STAKES_ROUND_CLOSED_UNFINISHED);
      }
    }
  }

  private static List<StakesRounds.SharedAnswer> readable(org.trame.core.access.Requester reader,
      List<StakesRounds.SharedAnswer> answers, String collectiveId) {
    return answers.stream()
        .filter(a -> org.trame.core.access.Access.read(reader, collectiveId, a.memberId(), a.sharing()).allowed()).toList();
  }

  /** Called when a member saves the questionnaire: it counts for the open round, if any. */
  static Long answeredIn(java.sql.Connection c, String collectiveId, String memberId, long conversationId, long now)
      throws java.sql.SQLException {
    StakesRounds.Round round = StakesRounds.openRound(c, collectiveId);
    if (round == null) {
      return null;
    }
    StakesRounds.invite(c, round.id(), memberId, conversationId);
    StakesRounds.markAnswered(c, round.id(), memberId, now);
    return round.id();
  }
}
