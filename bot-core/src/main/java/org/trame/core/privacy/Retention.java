package org.trame.core.privacy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.trame.core.access.AuditLog;
import org.trame.core.personaldata.PersonalDataContribution;
import org.trame.core.personaldata.PersonalDataContribution.Expiry;
import org.trame.core.personaldata.PersonalDataContribution.Purged;
import org.trame.core.storage.Jobs;
import org.trame.core.storage.Settings;
import org.trame.core.storage.Sql;
import org.trame.core.turn.TurnContext;

/**
 * How long closed conversations keep their free texts: a per-collective setting (12 months unless
 * a coordinator says otherwise), enforced once a day by a scheduled job per collective.
 */
public final class Retention {

  public static final String TASK = Jobs.RETENTION;
  static final String MONTHS = "privacy.retention_months";
  public static final int DEFAULT_MONTHS = 12;
  static final int MOST_MONTHS = 120;
  static final Duration EVERY = Duration.ofDays(1);
  /**
   * The dedup record of an inbound event is kept this long, well beyond any platform's redelivery
   * window (Slack retries within minutes, Discord's interactions expire in 15), then deleted: some
   * keys name a member (Slack's button clicks).
   */
  static final Duration EVENT_KEYS_KEPT = Duration.ofDays(7);
  /** The dedup log's purge: one slice per job, the next one a second later, so that the writer is never held long. */
  public static final String EVENT_KEYS_TASK = "privacy.event_keys";
  static final int EVENT_KEYS_SLICE = 2_000;

  private Retention() {}

  static int months(Connection c, String collectiveId) throws SQLException {
    return Settings.get(c, collectiveId, MONTHS).map(Integer::parseInt).orElse(DEFAULT_MONTHS);
  }

  /**
   * The daily run for the job's collective: each feature forgets what is older than the
   * collective's retention ({@link PersonalDataContribution#retain}), then the next run is planned.
   */
  static void run(TurnContext t, List<PersonalDataContribution> contributions) throws SQLException {
    String k = t.collectiveId();
    long now = t.now().toEpochMilli();
    int months = months(t.connection(), k);
    long cutoff = t.now().atZone(ZoneOffset.UTC).minusMonths(months).toInstant().toEpochMilli();
    Expiry expiry = new Expiry(t.connection(), k, cutoff, now);
    List<String> counted = new ArrayList<>();
    int forgotten = 0;
    for (PersonalDataContribution contribution : contributions) {
      for (Purged p : contribution.retain(expiry)) {
        counted.add(p.count() + " " + p.what());
        forgotten += p.count();
      }
    }
    startEventKeysPurge(t.connection(), k, now);
    if (forgotten > 0) {
      AuditLog.record(t.connection(), k, null, "privacy retention run", String.join(", ", counted) + " older than " + months
          + " months", false, now);
    }
    Jobs.schedule(t.connection(), k, TASK, now + EVERY.toMillis(), "{}", now);
  }

  /**
   * The dedup log is one for all collectives: a pass over it starts from the first collective's
   * daily run that finds none pending nor started within the day.
   */
  private static void startEventKeysPurge(Connection c, String collectiveId, long now) throws SQLException {
    try (ResultSet rs = Sql.query(c, "SELECT 1 FROM scheduled_job WHERE kind = ? AND (done_at IS NULL OR created_at > ?)",
        EVENT_KEYS_TASK, now - EVERY.toMillis()).executeQuery()) {
      if (rs.next()) {
        return;
      }
    }
    Jobs.schedule(c, collectiveId, EVENT_KEYS_TASK, now, "{}", now);
  }

  /** One slice of the dedup log's purge; plans the next slice a second later until the end of the log. */
  static void purgeEventKeys(TurnContext t, String payload) throws SQLException {
    long now = t.now().toEpochMilli();
    String after = org.trame.core.storage.Json.read(payload, com.fasterxml.jackson.databind.JsonNode.class).path("after").asText(null);
    String last = org.trame.core.storage.EventLog.purgeSlice(t.connection(), after, now - EVENT_KEYS_KEPT.toMillis(),
        EVENT_KEYS_SLICE);
    if (last != null) {
      Jobs.schedule(t.connection(), t.collectiveId(), EVENT_KEYS_TASK, now + 1_000,
          org.trame.core.storage.Json.write(java.util.Map.of("after", last)), now);
    }
  }

  /** Plans the daily run for every collective that has none pending (databases from before it existed). */
  public static void ensureAll(Connection c, Instant now) throws SQLException {
    List<String> missing = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, "SELECT id FROM collective k WHERE NOT EXISTS (SELECT 1 FROM scheduled_job j"
        + " WHERE j.collective_id = k.id AND j.kind = ? AND j.done_at IS NULL)", TASK).executeQuery()) {
      while (rs.next()) {
        missing.add(rs.getString(1));
      }
    }
    for (String k : missing) {
      Jobs.schedule(c, k, TASK, now.toEpochMilli() + EVERY.toMillis(), "{}", now.toEpochMilli());
    }
  }
}
