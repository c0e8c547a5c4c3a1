package org.trame.core.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.trame.core.engine.Conversation;
import org.trame.core.i18n.Texts;
import org.trame.core.storage.Conversations;
import org.trame.core.storage.Member;
import org.trame.core.storage.Members;
import org.trame.core.storage.Settings;
import org.trame.core.turn.TurnContext;
import org.trame.core.i18n.MessageKey;
import org.trame.core.i18n.Msg;

/** The words of {@code checkin …} and {@code tz …}: members skip, snooze and set their zone; coordinators run the rhythm. */
final class CheckinCommands {

  private static final int MOST_REMINDER_HOURS = 24 * 14;
  private static final int MOST_DEADLINE_HOURS = 24 * 30;
  /** At most one round a day: each round needs time to be answered, and "* 9 * * 1" is a slip for "0 9 * * 1". */
  static final java.time.Duration SHORTEST_GAP = java.time.Duration.ofHours(24);
  /** How many coming occurrences are looked at for the gap: more than a month of daily ones. */
  private static final int GAPS_CHECKED = 40;

  void checkin(TurnContext t, List<String> args) throws Exception {
    String sub = args.isEmpty() ? "" : args.get(0).toLowerCase(Locale.ROOT);
    List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
    switch (sub) {
      case "" -> status(t);
      case "skip" -> skip(t);
      case "snooze" -> snooze(t, rest);
      case "schedule", "now", "pause", "resume", "close", "report", "anonymous", "reminder", "deadline" -> {
        if (!t.coordinatorCommand("checkin " + sub, String.join(" ", rest))) {
          return;
        }
        coordinator(t, sub, rest);
      }
      default -> t.say(Msg.UNKNOWN_COMMAND, "command", "checkin " + Texts.oneLine(sub, 40));
    }
  }

  private void coordinator(TurnContext t, String sub, List<String> rest) throws Exception {
    switch (sub) {
      case "schedule" -> schedule(t, rest);
      case "now" -> CheckinRounds.openNow(t);
      case "pause" -> pause(t);
      case "resume" -> resume(t);
      case "close" -> {
        CheckinStore.Round open = CheckinStore.openRound(t.connection(), t.collectiveId());
        if (open == null) {
          t.say(CheckinMsg.CHECKIN_NONE_OPEN);
        } else {
          CheckinRounds.close(t, open);
          t.say(CheckinMsg.CHECKIN_CLOSED);
        }
      }
      case "report" -> report(t);
      case "anonymous" -> anonymous(t, rest);
      case "reminder" -> hours(t, rest, CheckinRounds.REMINDER_HOURS, 1, MOST_REMINDER_HOURS, CheckinMsg.CHECKIN_REMINDER_SET,
          CheckinMsg.CHECKIN_REMINDER_USAGE);
      case "deadline" -> hours(t, rest, CheckinRounds.DEADLINE_HOURS, 2, MOST_DEADLINE_HOURS, CheckinMsg.CHECKIN_DEADLINE_SET,
          CheckinMsg.CHECKIN_DEADLINE_USAGE);
      default -> throw new IllegalStateException(sub);
    }
  }

  /** {@code checkin}: the usage, the rhythm, the next or open round. */
  private void status(TurnContext t) throws Exception {
    StringBuilder sb = new StringBuilder(t.texts().get(CheckinMsg.CHECKIN_USAGE, t.lang()));
    CheckinStore.Schedule s = CheckinStore.schedule(t.connection(), t.collectiveId());
    sb.append('\n');
    if (s == null) {
      sb.append(t.texts().get(CheckinMsg.CHECKIN_STATUS_NO_SCHEDULE, t.lang()));
    } else if (s.paused()) {
      sb.append(t.texts().get(CheckinMsg.CHECKIN_STATUS_PAUSED, t.lang(), "cron", s.cron(), "zone", s.timeZone()));
    } else {
      sb.append(t.texts().get(CheckinMsg.CHECKIN_STATUS_SCHEDULE, t.lang(), "cron", s.cron(), "zone", s.timeZone(), "next",
          RoundTimes.next(t, s)));
    }
    CheckinStore.Round open = CheckinStore.openRound(t.connection(), t.collectiveId());
    if (open != null && open.deadlineAt() != null) {
      sb.append('\n').append(t.texts().get(CheckinMsg.CHECKIN_STATUS_OPEN, t.lang(), "deadline", RoundTimes.shownFor(t, open.deadlineAt())));
    }
    t.say(sb.toString());
  }

  /** {@code checkin schedule <5 cron fields> [Area/City]}: nothing is saved unless both are valid. */
  private void schedule(TurnContext t, List<String> args) throws Exception {
    if (args.isEmpty()) {
      t.say(CheckinMsg.CHECKIN_SCHEDULE_USAGE);
      return;
    }
    List<String> words = args.stream().map(w -> w.replaceAll("^[\"'«»“”]+|[\"'«»“”]+$", "")).filter(w -> !w.isEmpty()).toList();
    String zoneWord = null;
    List<String> cronWords = words;
    if (words.size() == 6) { // five cron fields, then the zone
      zoneWord = words.get(words.size() - 1);
      cronWords = words.subList(0, words.size() - 1);
    }
    String cron = String.join(" ", cronWords);
    Rhythm rhythm;
    try {
      rhythm = Rhythm.parse(cron);
    } catch (Rhythm.BadCron bad) {
      refuse(t, cron, bad.refusal);
      return;
    }
    CheckinStore.Schedule before = CheckinStore.schedule(t.connection(), t.collectiveId());
    ZoneId zone;
    if (zoneWord != null) {
      Optional<ZoneId> z = Member.validZone(zoneWord);
      if (z.isEmpty()) {
        t.say(CheckinMsg.CHECKIN_UNKNOWN_ZONE, "zone", Texts.oneLine(zoneWord, 60));
        return;
      }
      zone = z.get();
    } else if (before != null) {
      zone = ZoneId.of(before.timeZone());
    } else {
      zone = t.member().zone().orElse(RoundTimes.UTC);
    }
    if (rhythm.nextAfter(t.now(), zone).isEmpty()) {
      t.say(CheckinMsg.CHECKIN_CRON_NEVER, "cron", cron);
      return;
    }
    Optional<java.time.Duration> gap = rhythm.shortestGap(java.time.LocalDateTime.ofInstant(t.now(), zone), GAPS_CHECKED);
    if (gap.isPresent() && gap.get().compareTo(SHORTEST_GAP) < 0) {
      t.say(CheckinMsg.CHECKIN_CRON_TOO_OFTEN, "cron", Texts.oneLine(cron, 80), "minutes", gap.get().toMinutes());
      return;
    }
    CheckinStore.saveSchedule(t.connection(), t.collectiveId(), rhythm.expression(), zone.getId(), t.member().memberId(),
        t.now().toEpochMilli());
    CheckinStore.Schedule s = CheckinStore.schedule(t.connection(), t.collectiveId());
    Optional<Instant> next = RoundTimes.scheduleNext(t, s, null);
    t.say(CheckinMsg.CHECKIN_SCHEDULED, "cron", rhythm.expression(), "zone", zone.getId(),
        "next", next.map(n -> new org.trame.core.i18n.Moment(n, zone)));
  }

  private static void refuse(TurnContext t, String cron, Rhythm.Refusal r) {
    String shownCron = Texts.oneLine(cron, 80);
    if (r.fieldCount() != 5) {
      t.say(CheckinMsg.CHECKIN_BAD_CRON_FIELDS, "cron", shownCron, "count", r.fieldCount());
    } else if (r.field() != null) {
      MessageKey field = switch (r.field()) {
        case "minute" -> CheckinMsg.CHECKIN_FIELD_MINUTE;
        case "hour" -> CheckinMsg.CHECKIN_FIELD_HOUR;
        case "day_of_month" -> CheckinMsg.CHECKIN_FIELD_DAY_OF_MONTH;
        case "month" -> CheckinMsg.CHECKIN_FIELD_MONTH;
        default -> CheckinMsg.CHECKIN_FIELD_DAY_OF_WEEK;
      };
      t.say(CheckinMsg.CHECKIN_BAD_CRON_RANGE, "cron", shownCron, "field", t.texts().get(field, t.lang()), "value", r.value(),
          "min", r.min(), "max", r.max());
    } else {
      t.say(CheckinMsg.CHECKIN_BAD_CRON, "cron", shownCron, "reason", Texts.oneLine(r.reason(), 160));
    }
  }

  private void pause(TurnContext t) throws Exception {
    CheckinStore.Schedule s = CheckinStore.schedule(t.connection(), t.collectiveId());
    if (s == null) {
      t.say(CheckinMsg.CHECKIN_NO_SCHEDULE);
      return;
    }
    CheckinStore.setPaused(t.connection(), t.collectiveId(), true, t.now().toEpochMilli());
    CheckinStore.cancelJobs(t.connection(), t.collectiveId(), CheckinRounds.OPEN, t.now().toEpochMilli());
    t.say(CheckinMsg.CHECKIN_PAUSED);
  }

  private void resume(TurnContext t) throws Exception {
    CheckinStore.Schedule s = CheckinStore.schedule(t.connection(), t.collectiveId());
    if (s == null) {
      t.say(CheckinMsg.CHECKIN_NO_SCHEDULE);
      return;
    }
    CheckinStore.setPaused(t.connection(), t.collectiveId(), false, t.now().toEpochMilli());
    Optional<Instant> next = RoundTimes.scheduleNext(t, CheckinStore.schedule(t.connection(), t.collectiveId()), null);
    t.say(CheckinMsg.CHECKIN_RESUMED, "next", next.map(n -> new org.trame.core.i18n.Moment(n, ZoneId.of(s.timeZone()))));
  }

  /** The last closed round's report again, privately to the coordinator who asks, chart included. */
  private void report(TurnContext t) throws Exception {
    CheckinStore.Round last = CheckinStore.lastClosed(t.connection(), t.collectiveId());
    if (last == null) {
      t.say(CheckinMsg.CHECKIN_NO_REPORT);
      return;
    }
    CheckinReport report = CheckinReport.of(t.connection(), last);
    t.say(t.texts().get(CheckinMsg.CHECKIN_REPORT_AGAIN, t.lang()) + "\n" + report.text(t.texts(), t.lang(), null), report.chart(t.texts(), t.lang()));
  }

  private void anonymous(TurnContext t, List<String> args) throws Exception {
    String word = args.size() == 1 ? args.get(0).toLowerCase(Locale.ROOT) : "";
    if (!word.equals("on") && !word.equals("off")) {
      t.say(CheckinMsg.CHECKIN_ANONYMOUS_USAGE);
      return;
    }
    Settings.put(t.connection(), t.collectiveId(), CheckinRounds.ANONYMOUS, word, t.member().memberId(), t.now().toEpochMilli());
    t.say(word.equals("on") ? CheckinMsg.CHECKIN_ANONYMOUS_ON : CheckinMsg.CHECKIN_ANONYMOUS_OFF);
  }

  private void hours(TurnContext t, List<String> args, String key, int least, int most, MessageKey done, MessageKey usage) throws Exception {
    int hours = args.size() == 1 && args.get(0).matches("\\d{1,4}") ? Integer.parseInt(args.get(0)) : -1;
    if (hours < least || hours > most) {
      t.say(usage);
      return;
    }
    Settings.put(t.connection(), t.collectiveId(), key, Integer.toString(hours), t.member().memberId(), t.now().toEpochMilli());
    t.say(done, "hours", hours);
  }

  /** {@code checkin skip}: this round only; the member's unfinished questions are ended quietly. */
  private void skip(TurnContext t) throws Exception {
    if (!skipOpenRound(t)) {
      t.say(CheckinMsg.CHECKIN_NOTHING_TO_SKIP);
      return;
    }
    t.say(CheckinMsg.CHECKIN_SKIPPED);
    t.flows().askWaiting(t);
  }

  private boolean skipOpenRound(TurnContext t) throws Exception {
    CheckinStore.Round open = CheckinStore.openRound(t.connection(), t.collectiveId());
    CheckinStore.Invitee me = open == null ? null : CheckinStore.invitee(t.connection(), open.id(), t.member().memberId());
    if (me == null || me.answeredAt() != null || me.skippedAt() != null) {
      return false;
    }
    CheckinStore.markSkipped(t.connection(), open.id(), me.memberId(), t.now().toEpochMilli());
    if (me.conversationId() != null) {
      Conversation c = Conversations.find(t.connection(), me.conversationId());
      if (c != null) {
        CheckinFeature.endQuietly(t, c);
      }
    }
    return true;
  }

  /** {@code checkin snooze YYYY-MM-DD}: a date to come, in the member's own zone; also skips an open round. */
  private void snooze(TurnContext t, List<String> args) throws Exception {
    LocalDate until;
    try {
      until = args.size() == 1 ? LocalDate.parse(args.get(0)) : null;
    } catch (DateTimeParseException e) {
      until = null;
    }
    LocalDate today = LocalDate.ofInstant(t.now(), zoneOf(t));
    if (until == null) {
      // The example is a date to come, which the command accepts as it stands: two weeks from today.
      t.say(CheckinMsg.CHECKIN_SNOOZE_USAGE, "example", today.plusWeeks(2));
      return;
    }
    if (!until.isAfter(today)) {
      t.say(CheckinMsg.CHECKIN_SNOOZE_PAST, "date", until, "today", today);
      return;
    }
    CheckinStore.snooze(t.connection(), t.collectiveId(), t.member().memberId(), until.toString());
    boolean skipped = skipOpenRound(t);
    t.say(CheckinMsg.CHECKIN_SNOOZED, "date", until);
    if (skipped) {
      t.flows().askWaiting(t);
    }
  }

  private static ZoneId zoneOf(TurnContext t) throws Exception {
    CheckinStore.Schedule s = CheckinStore.schedule(t.connection(), t.collectiveId());
    return RoundTimes.zoneOf(t.member(), s == null ? RoundTimes.UTC : ZoneId.of(s.timeZone()));
  }

  /** {@code tz}: shows the member's zone; {@code tz Area/City} sets it. */
  void tz(TurnContext t, List<String> args) throws Exception {
    if (args.isEmpty()) {
      Optional<ZoneId> mine = t.member().zone();
      if (mine.isPresent()) {
        t.say(Msg.TZ_SHOW, "zone", mine.get().getId());
      } else {
        t.say(Msg.TZ_NONE);
      }
      return;
    }
    if (args.size() != 1) {
      t.say(Msg.TZ_USAGE);
      return;
    }
    Optional<ZoneId> zone = Member.validZone(args.get(0));
    if (zone.isEmpty()) {
      t.say(CheckinMsg.CHECKIN_UNKNOWN_ZONE, "zone", Texts.oneLine(args.get(0), 60));
      return;
    }
    Members.setTimeZone(t.connection(), t.member(), zone.get().getId());
    t.say(Msg.TZ_SET, "zone", zone.get().getId());
  }
}
