package org.trame.core.checkin;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.trame.core.i18n.Moment;
import org.trame.core.storage.Json;
import org.trame.core.storage.Member;
import org.trame.core.storage.Members;
import org.trame.core.storage.Settings;
import org.trame.core.turn.TurnContext;

/**
 * When things happen in a round, and how times read: the next occurrence's job (due at its
 * earliest instant over the zones members are asked in), deadlines kept before the next round,
 * reminders kept before the deadline, and times shown with their zone.
 */
final class RoundTimes {

  /** A round closes at least this long before the next one starts. */
  static final Duration GAP_BEFORE_NEXT = Duration.ofMinutes(30);
  /** The zone when nobody gave one: named "UTC" where members read it (an offset would read "Z"). */
  static final ZoneId UTC = ZoneId.of("UTC");

  private RoundTimes() {}

  /** The zone a member is asked in: theirs when known and valid, else the collective's. */
  static ZoneId zoneOf(Member m, ZoneId collective) {
    return m.zone().orElse(collective);
  }

  /** The zones the collective's members are asked in, the collective's own included. */
  private static Set<ZoneId> zonesInUse(TurnContext t, ZoneId collective) throws SQLException {
    Set<ZoneId> zones = new LinkedHashSet<>();
    zones.add(collective);
    for (Member m : Members.all(t.connection(), t.collectiveId())) {
      zones.add(zoneOf(m, collective));
    }
    return zones;
  }

  private static Instant earliest(LocalDateTime occurrence, Set<ZoneId> zones) {
    return zones.stream().map(z -> Rhythm.at(occurrence, z)).min(Instant::compareTo).orElseThrow();
  }

  /** When an occurrence is due: its earliest instant over the zones members are asked in, as its job would be. */
  static Instant dueOf(TurnContext t, ZoneId collective, LocalDateTime occurrence) throws SQLException {
    return earliest(occurrence, zonesInUse(t, collective));
  }

  /**
   * Schedules the next occurrence after {@code after} (a local date-time of the schedule), or, when
   * it is null, the first whose earliest instant is still to come. Replaces any pending one.
   * Returns when it is due in the collective's zone, or empty if the cron never fires again.
   */
  static Optional<Instant> scheduleNext(TurnContext t, CheckinStore.Schedule s, LocalDateTime after) throws Exception {
    Rhythm rhythm = Rhythm.parse(s.cron());
    ZoneId zone = ZoneId.of(s.timeZone());
    Set<ZoneId> zones = zonesInUse(t, zone);
    Optional<LocalDateTime> next = after != null ? rhythm.nextAfter(after) : rhythm.nextAfter(t.now(), zone);
    // A member far east may already be past this occurrence: then the next one is the first still to come.
    for (int guard = 0; after == null && next.isPresent() && earliest(next.get(), zones).isBefore(t.now()) && guard < 1000; guard++) {
      next = rhythm.nextAfter(next.get());
    }
    // A round opened by hand replaced this occurrence: it is not asked again (after a pause, say).
    Optional<String> replaced = Settings.get(t.connection(), t.collectiveId(), CheckinRounds.REPLACED_OCCURRENCE);
    if (after == null && next.isPresent() && replaced.isPresent() && replaced.get().equals(Rhythm.key(next.get()))) {
      next = rhythm.nextAfter(next.get());
    }
    CheckinStore.cancelJobs(t.connection(), t.collectiveId(), CheckinRounds.OPEN, t.now().toEpochMilli());
    if (next.isEmpty()) {
      return Optional.empty();
    }
    Instant due = earliest(next.get(), zones);
    t.schedule(CheckinRounds.OPEN, due, Json.write(new CheckinRounds.Due(Rhythm.key(next.get()), due.toEpochMilli())));
    return Optional.of(Rhythm.at(next.get(), zone));
  }

  /** The next round as a member reads it, in the collective's zone; null when none is planned. */
  static Optional<Moment> next(TurnContext t, CheckinStore.Schedule s) throws SQLException {
    Long due = CheckinStore.nextOpenDue(t.connection(), t.collectiveId());
    if (due == null || s == null) {
      return Optional.empty();
    }
    return Optional.of(new Moment(Instant.ofEpochMilli(due), ZoneId.of(s.timeZone())));
  }

  /** The deadline, kept before the next round's start (with a margin) and after the last ask. */
  static Instant capped(Instant wanted, Instant lastAsk, Instant nextStart) {
    if (nextStart == null) {
      return wanted;
    }
    Instant latest = nextStart.minus(GAP_BEFORE_NEXT);
    if (wanted.isBefore(latest)) {
      return wanted;
    }
    return latest.isAfter(lastAsk) ? latest : lastAsk.plus(Duration.ofMinutes(1));
  }

  /** The reminder: after the set delay, but always before the deadline (halfway when the delay is too long). */
  static Instant reminderAt(Instant asked, int hours, Instant deadline) {
    Instant wanted = asked.plus(Duration.ofHours(hours));
    return wanted.isBefore(deadline) ? wanted : asked.plus(Duration.between(asked, deadline).dividedBy(2));
  }

  /** The deadline as the speaking member reads it, in their zone (UTC when unknown). */
  static Moment shownFor(TurnContext t, long millis) throws SQLException {
    CheckinStore.Schedule s = CheckinStore.schedule(t.connection(), t.collectiveId());
    ZoneId collective = s == null ? UTC : ZoneId.of(s.timeZone());
    return new Moment(Instant.ofEpochMilli(millis), zoneOf(t.member(), collective));
  }
}
