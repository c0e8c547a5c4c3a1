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
import org.trame.core.storage.Jobs;
import org.trame.core.storage.Outbox;
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
  /** Delivered messages are kept this long, for a late edit or a retry, then deleted: they hold what members said. */
  static final Duration SENT_MESSAGES_KEPT = Duration.ofDays(7);

  private Retention() {}

  static int months(Connection c, String collectiveId) throws SQLException {
    return Settings.get(c, collectiveId, MONTHS).map(Integer::parseInt).orElse(DEFAULT_MONTHS);
  }

  /** The daily run for the job's collective: forgets old free texts, then plans the next run. */
  static void run(TurnContext t) throws SQLException {
    String k = t.collectiveId();
    long now = t.now().toEpochMilli();
    int months = months(t.connection(), k);
    long cutoff = t.now().atZone(ZoneOffset.UTC).minusMonths(months).toInstant().toEpochMilli();
    int conversations = Sql.update(t.connection(), "UPDATE conversation SET state = '{}' WHERE collective_id = ?"
        + " AND status IN ('done', 'cancelled') AND updated_at < ? AND state <> '{}'", k, cutoff);
    if (conversations > 0) {
      org.trame.core.storage.Conversations.forgetParsedStates();
    }
    // Past retention an answer keeps its scores only: no words, and no tag that could lead back to its author.
    int checkinAnswers = Sql.update(t.connection(), "UPDATE checkin_answer SET remark = NULL, author_tag = NULL"
        + " WHERE (remark IS NOT NULL OR author_tag IS NOT NULL) AND round_id IN"
        + " (SELECT id FROM checkin_round WHERE collective_id = ? AND status <> 'open' AND closed_at < ?)", k, cutoff);
    int cases = ConflictPrivacy.forgetTexts(t.connection(), k, cutoff);
    ConflictPrivacy.forgetRequests(t.connection(), k, cutoff);
    Outbox.purgeSent(t.connection(), now - SENT_MESSAGES_KEPT.toMillis());
    if (conversations + checkinAnswers + cases > 0) {
      AuditLog.record(t.connection(), k, null, "privacy retention run", conversations + " conversations, " + checkinAnswers
          + " check-in answers, " + cases + " conflict cases older than " + months + " months", false, now);
    }
    Jobs.schedule(t.connection(), k, TASK, now + EVERY.toMillis(), "{}", now);
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
