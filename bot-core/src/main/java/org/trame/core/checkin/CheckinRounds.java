package org.trame.core.checkin;

import org.trame.core.i18n.Moment;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.trame.core.engine.Conversation;
import org.trame.core.storage.Conversations;
import org.trame.core.storage.Jobs;
import org.trame.core.storage.Json;
import org.trame.core.storage.Member;
import org.trame.core.storage.Members;
import org.trame.core.storage.Settings;
import org.trame.core.turn.TurnContext;

/**
 * The life of a check-in round, driven by stored jobs so that nothing lives only in memory: the
 * occurrence comes due ({@link #OPEN}), each zone group is asked at its own local time ({@link
 * #ASK}), one reminder goes to those who have not answered ({@link #REMIND}), and the round
 * closes ({@link #CLOSE}) with its report and drift signals. An occurrence whose job fires later
 * than its due time plus the grace period (the bot was down) is recorded as missed and the
 * coordinators are told; the unique (collective, occurrence) key keeps any round from running twice.
 */
final class CheckinRounds {

  static final String OPEN = "checkin.open";
  static final String ASK = "checkin.ask";
  static final String REMIND = "checkin.remind";
  static final String CLOSE = "checkin.close";
  static final String ANONYMOUS = "checkin.anonymous";
  static final String REMINDER_HOURS = "checkin.reminder_hours";
  static final String DEADLINE_HOURS = "checkin.deadline_hours";
  /** The planned occurrence a round opened by hand last replaced (a schedule key). */
  static final String REPLACED_OCCURRENCE = "checkin.replaced_occurrence";
  static final int DEFAULT_REMINDER_HOURS = 24;
  static final int DEFAULT_DEADLINE_HOURS = 72;
  static final Duration GRACE = Duration.ofHours(12);
  /** The most occurrences one late job records as missed. */
  static final int MOST_MISSED_AT_ONCE = 1000;
  /** Reminder jobs for a round opened by hand cover every zone at once. */
  static final String EVERY_ZONE = "*";

  /** The payload of an {@link #OPEN} job. */
  record Due(String occurrence, long due) {}

  /** The payload of the other jobs: a round and, for asks and reminders, a zone group. */
  record Target(long round, String zone) {}

  private CheckinRounds() {}

  static boolean anonymous(TurnContext t) throws SQLException {
    return !Settings.get(t.connection(), t.collectiveId(), ANONYMOUS).map("off"::equals).orElse(false);
  }

  static int hoursSetting(TurnContext t, String key, int fallback) throws SQLException {
    return Settings.get(t.connection(), t.collectiveId(), key).map(Integer::parseInt).orElse(fallback);
  }

  /** An {@link #OPEN} job: start the occurrence's round, or record it missed when far too late. */
  static void occurrenceDue(TurnContext t, String payload) throws Exception {
    Due due = Json.read(payload, Due.class);
    CheckinStore.Schedule s = CheckinStore.schedule(t.connection(), t.collectiveId());
    if (s == null || s.paused()) {
      return;
    }
    if (CheckinStore.hasRound(t.connection(), t.collectiveId(), due.occurrence())) {
      return; // this occurrence already has its round (a job due twice): never twice, and its round stays open
    }
    LocalDateTime occurrence = Rhythm.fromKey(due.occurrence());
    ZoneId zone = ZoneId.of(s.timeZone());
    boolean late = t.now().isAfter(Instant.ofEpochMilli(due.due()).plus(GRACE));
    CheckinStore.Round open = CheckinStore.openRound(t.connection(), t.collectiveId());
    if (open != null && !late) {
      close(t, open); // rounds never overlap: the previous one reports now
    }
    CheckinStore.Round round = CheckinStore.createRound(t.connection(), t.collectiveId(), due.occurrence(), due.due(),
        late ? "missed" : "open", anonymous(t));
    LocalDateTime lastMissed = round != null && late ? recordMissedAfter(t, s, occurrence) : occurrence;
    Optional<Instant> next = RoundTimes.scheduleNext(t, s, lastMissed);
    if (round == null) {
      return; // the unique key is the last guard: never twice
    }
    if (late) {
      tellMissed(t, occurrence, lastMissed, zone, next);
      return;
    }
    openRound(t, round, occurrence, zone, next.orElse(null));
  }

  /**
   * After a missed occurrence, records as missed the following ones that are also past their grace
   * period (the bot was down over several), so that the coordinators hear of the outage once rather
   * than once per occurrence. Returns the last occurrence missed.
   */
  private static LocalDateTime recordMissedAfter(TurnContext t, CheckinStore.Schedule s, LocalDateTime first) throws Exception {
    Rhythm rhythm = Rhythm.parse(s.cron());
    ZoneId zone = ZoneId.of(s.timeZone());
    boolean anonymous = anonymous(t);
    LocalDateTime last = first;
    // Rhythms are at least a day apart, so the guard only matters for years of downtime.
    for (int guard = 0; guard < MOST_MISSED_AT_ONCE; guard++) {
      Optional<LocalDateTime> following = rhythm.nextAfter(last);
      if (following.isEmpty()) {
        break;
      }
      Instant dueAt = RoundTimes.dueOf(t, zone, following.get());
      if (!t.now().isAfter(dueAt.plus(GRACE))) {
        break; // still within its grace period, or to come: it runs as usual
      }
      CheckinStore.createRound(t.connection(), t.collectiveId(), Rhythm.key(following.get()), dueAt.toEpochMilli(), "missed", anonymous);
      last = following.get();
    }
    return last;
  }

  /** One message to each coordinator for the whole outage: how many occurrences were missed, since when. */
  private static void tellMissed(TurnContext t, LocalDateTime first, LocalDateTime last, ZoneId zone, Optional<Instant> next)
      throws Exception {
    int count = CheckinStore.missedBetween(t.connection(), t.collectiveId(), Rhythm.key(first), Rhythm.key(last));
    Optional<org.trame.core.i18n.Moment> nextAt = next.map(n -> new org.trame.core.i18n.Moment(n, zone));
    org.trame.core.i18n.Moment now = new org.trame.core.i18n.Moment(t.now(), zone);
    for (Member c : Members.coordinators(t.connection(), t.collectiveId())) {
      TurnContext theirs = t.asCoordinator(c);
      if (count <= 1) {
        theirs.say(CheckinMsg.CHECKIN_MISSED, "occurrence", new Moment(first.atZone(zone).toInstant(), zone), "zone", zone.getId(),
            "now", now, "grace", GRACE.toHours(), "next", nextAt);
      } else {
        theirs.say(CheckinMsg.CHECKIN_MISSED_SEVERAL, "count", count, "first", new Moment(first.atZone(zone).toInstant(), zone), "last",
            new Moment(last.atZone(zone).toInstant(), zone), "zone", zone.getId(), "now", now, "grace", GRACE.toHours(),
            "next", nextAt);
      }
    }
  }

  /**
   * Invites the members (but not the snoozed) each in their zone: zone groups whose local time has
   * come are asked now, the others get their own ask job; one reminder job per group; one close.
   */
  private static void openRound(TurnContext t, CheckinStore.Round round, LocalDateTime occurrence, ZoneId collective,
      Instant nextStart) throws Exception {
    int reminderHours = hoursSetting(t, REMINDER_HOURS, DEFAULT_REMINDER_HOURS);
    int deadlineHours = hoursSetting(t, DEADLINE_HOURS, DEFAULT_DEADLINE_HOURS);
    Map<ZoneId, Instant> groups = new TreeMap<>((a, b) -> a.getId().compareTo(b.getId()));
    for (Member m : Members.all(t.connection(), t.collectiveId())) {
      ZoneId zone = RoundTimes.zoneOf(m, collective);
      if (snoozed(t, m, occurrence.toLocalDate())) {
        continue;
      }
      Instant askAt = Rhythm.at(occurrence, zone);
      CheckinStore.invite(t.connection(), round.id(), m.memberId(), zone.getId(), askAt.toEpochMilli());
      groups.put(zone, askAt);
    }
    Instant lastAsk = groups.values().stream().max(Instant::compareTo).orElse(t.now());
    Instant deadline = RoundTimes.capped(lastAsk.plus(Duration.ofHours(deadlineHours)), lastAsk, nextStart);
    for (Map.Entry<ZoneId, Instant> g : groups.entrySet()) {
      String target = Json.write(new Target(round.id(), g.getKey().getId()));
      if (g.getValue().isAfter(t.now())) {
        t.schedule(ASK, g.getValue(), target);
      }
      t.schedule(REMIND, RoundTimes.reminderAt(g.getValue().isAfter(t.now()) ? g.getValue() : t.now(), reminderHours, deadline), target);
    }
    t.schedule(CLOSE, deadline, Jobs.roundPayload(round.id()));
    // Saved before asking, so that the invitation can quote the deadline.
    CheckinStore.markOpened(t.connection(), round.id(), t.now().toEpochMilli(), deadline.toEpochMilli());
    for (Map.Entry<ZoneId, Instant> g : groups.entrySet()) {
      if (!g.getValue().isAfter(t.now())) {
        Invitations.ask(t, round.id(), g.getKey().getId());
      }
    }
  }

  private static boolean snoozed(TurnContext t, Member m, LocalDate day) throws SQLException {
    String until = CheckinStore.snoozedUntil(t.connection(), t.collectiveId(), m.memberId());
    return until != null && day.isBefore(LocalDate.parse(until));
  }

  /** {@code checkin now}: a round for everyone, asked at once; false when one is already open or nobody is known. */
  static boolean openNow(TurnContext t) throws Exception {
    CheckinStore.Round open = CheckinStore.openRound(t.connection(), t.collectiveId());
    if (open != null) {
      t.say(CheckinMsg.CHECKIN_ALREADY_OPEN, "deadline", RoundTimes.shownFor(t, open.deadlineAt()));
      return false;
    }
    List<Member> members = Members.all(t.connection(), t.collectiveId());
    if (members.isEmpty()) {
      t.say(CheckinMsg.CHECKIN_NO_MEMBERS);
      return false;
    }
    CheckinStore.Schedule s = CheckinStore.schedule(t.connection(), t.collectiveId());
    ZoneId collective = s == null ? RoundTimes.UTC : ZoneId.of(s.timeZone());
    int reminderHours = hoursSetting(t, REMINDER_HOURS, DEFAULT_REMINDER_HOURS);
    int deadlineHours = hoursSetting(t, DEADLINE_HOURS, DEFAULT_DEADLINE_HOURS);
    Due replaced = replacePlanned(t, s, t.now().plus(Duration.ofHours(deadlineHours)));
    Long nextDue = CheckinStore.nextOpenDue(t.connection(), t.collectiveId());
    CheckinStore.Round round = CheckinStore.createRound(t.connection(), t.collectiveId(), CheckinStore.MANUAL + t.now().toEpochMilli(),
        t.now().toEpochMilli(), "open", anonymous(t));
    Instant deadline = RoundTimes.capped(t.now().plus(Duration.ofHours(deadlineHours)), t.now(), nextDue == null ? null : Instant.ofEpochMilli(nextDue));
    Instant reminder = RoundTimes.reminderAt(t.now(), reminderHours, deadline);
    int invited = 0;
    for (Member m : members) {
      ZoneId zone = RoundTimes.zoneOf(m, collective);
      if (snoozed(t, m, LocalDate.ofInstant(t.now(), zone))) {
        continue;
      }
      CheckinStore.invite(t.connection(), round.id(), m.memberId(), zone.getId(), t.now().toEpochMilli());
      invited++;
    }
    CheckinStore.markOpened(t.connection(), round.id(), t.now().toEpochMilli(), deadline.toEpochMilli());
    t.schedule(REMIND, reminder, Json.write(new Target(round.id(), EVERY_ZONE)));
    t.schedule(CLOSE, deadline, Jobs.roundPayload(round.id()));
    // The coordinator reads the summary before their own questions.
    String opened = t.texts().get(CheckinMsg.CHECKIN_OPENED, t.lang(), "count", invited, "reminder", Duration.between(t.now(), reminder).toHours(),
        "deadline", RoundTimes.shownFor(t, deadline.toEpochMilli()));
    if (replaced != null) {
      Optional<org.trame.core.i18n.Moment> next = RoundTimes.next(t, s);
      opened += "\n" + t.texts().get(CheckinMsg.CHECKIN_REPLACES_PLANNED, t.lang(), "occurrence",
          new Moment(Rhythm.fromKey(replaced.occurrence()).atZone(collective).toInstant(), collective), "zone", collective.getId(), "next", next);
    }
    t.say(opened);
    Invitations.ask(t, round.id(), EVERY_ZONE);
    return true;
  }

  /**
   * A round opened by hand gets the usual answer window; the planned round that would start within
   * it is replaced by it (members are not asked twice a few minutes apart, and the round by hand is
   * not cut to a minute): its job is dropped and the following occurrence planned. Returns the
   * replaced occurrence, or null when the next planned round comes after the window.
   */
  private static Due replacePlanned(TurnContext t, CheckinStore.Schedule s, Instant usualDeadline) throws Exception {
    String pending = s == null || s.paused() ? null : CheckinStore.nextOpenPayload(t.connection(), t.collectiveId());
    if (pending == null) {
      return null;
    }
    Due planned = Json.read(pending, Due.class);
    if (!Instant.ofEpochMilli(planned.due()).isBefore(usualDeadline)) {
      return null;
    }
    // Kept, so that resuming or re-planning the rhythm does not bring the replaced round back.
    Settings.put(t.connection(), t.collectiveId(), REPLACED_OCCURRENCE, planned.occurrence(), t.member().memberId(), t.now().toEpochMilli());
    RoundTimes.scheduleNext(t, s, Rhythm.fromKey(planned.occurrence()));
    return planned;
  }

  /**
   * Closes the round: its pending jobs cancelled, unfinished question sets ended (a member who
   * stopped them counts as having skipped; one who was still answering is told that what they
   * began is not kept), the report posted, drift signals to coordinators.
   */
  static void close(TurnContext t, CheckinStore.Round round) throws Exception {
    long now = t.now().toEpochMilli();
    CheckinStore.markClosed(t.connection(), round.id(), now);
    CheckinStore.cancelRoundJobs(t.connection(), t.collectiveId(), round.id(), now);
    for (CheckinStore.Invitee i : CheckinStore.invitees(t.connection(), round.id())) {
      if (i.conversationId() == null || !i.silent()) {
        continue;
      }
      Conversation c = Conversations.find(t.connection(), i.conversationId());
      if (c != null && c.status() == Conversation.Status.CANCELLED) {
        CheckinStore.markSkipped(t.connection(), round.id(), i.memberId(), now);
      }
      if (c != null) {
        boolean wasOpen = c.status().open();
        boolean begun = wasOpen && c.state().begun();
        CheckinFeature.endQuietly(t, c); // what a silent member began to type goes with the round
        Member m = wasOpen ? Members.find(t.connection(), t.collectiveId(), i.memberId()) : null;
        if (m != null) {
          // Told, so that their next words are not taken for answers to questions that went away.
          TurnContext theirs = t.as(m, false, t.lang());
          if (begun) {
            theirs.say(CheckinMsg.CHECKIN_CLOSED_UNFINISHED);
          }
          theirs.flows().askWaiting(theirs);
        }
      }
    }
    CheckinStore.Round closed = CheckinStore.round(t.connection(), round.id());
    CheckinStore.Schedule s = CheckinStore.schedule(t.connection(), t.collectiveId());
    org.trame.core.i18n.Moment next = s == null || s.paused() ? null : RoundTimes.next(t, s).orElse(null);
    CheckinReport report = CheckinReport.of(t.connection(), closed);
    t.post(report.text(t.texts(), t.lang(), next), report.chart(t.texts(), t.lang()));
    List<String> signals = new ArrayList<>();
    for (Member c : Members.coordinators(t.connection(), t.collectiveId())) {
      TurnContext theirs = t.asCoordinator(c);
      signals.clear();
      signals.addAll(CheckinDrift.signals(t.connection(), closed, report, theirs.texts(), theirs.lang()));
      if (!signals.isEmpty()) {
        theirs.say(theirs.texts().get(CheckinMsg.CHECKIN_DRIFT_HEADER, theirs.lang(), "date", java.time.LocalDate.parse(report.date())) + "\n" + String.join("\n", signals));
      }
    }
  }
}
