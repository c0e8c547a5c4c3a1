package org.trame.core.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Scheduled jobs: stored, so that reminders and deadlines survive restarts. */
public final class Jobs {

  /** One due job. */
  public record Job(long id, String collectiveId, String kind, long dueAt, String payload) {}

  /**
   * The daily retention run (org.trame.core.privacy.Retention): every collective has one from its
   * first day, so it is planned here, where collectives are created.
   */
  public static final String RETENTION = "privacy.retention";

  private Jobs() {}

  public static long schedule(Connection c, String collectiveId, String kind, long dueAt, String payload, long now) throws SQLException {
    try (ResultSet rs = Sql.query(c, "INSERT INTO scheduled_job (collective_id, kind, due_at, payload, created_at)"
        + " VALUES (?, ?, ?, ?, ?) RETURNING id", collectiveId, kind, dueAt, payload, now).executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Jobs due at {@code now}, earliest first. On PostgreSQL they are claimed: locked until the
   * transaction that marks them done commits, and skipped by the other processes meanwhile, so a
   * job fires in one process only.
   */
  public static List<Job> due(Connection c, long now, int limit) throws SQLException {
    PreparedStatement ps = Sql.prepare(c, "SELECT id, collective_id, kind, due_at, payload FROM scheduled_job"
        + " WHERE done_at IS NULL AND due_at <= ? ORDER BY due_at, id LIMIT ?"
        + (Sql.isPostgresql(c) ? " FOR UPDATE SKIP LOCKED" : ""));
    ps.setLong(1, now);
    ps.setInt(2, limit);
    List<Job> jobs = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        jobs.add(new Job(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)));
      }
    }
    return jobs;
  }

  public static void done(Connection c, long id, long now) throws SQLException {
    Sql.update(c, "UPDATE scheduled_job SET done_at = ? WHERE id = ?", now, id);
  }

  /** Cancels the pending jobs of a kind whose payload matches, e.g. the reminder of a closed round. */
  public static void cancel(Connection c, String collectiveId, String kind, String payload, long now) throws SQLException {
    Sql.update(c, "UPDATE scheduled_job SET done_at = ? WHERE collective_id = ? AND kind = ? AND payload = ? AND done_at IS NULL",
        now, collectiveId, kind, payload);
  }

  /** The payload of a job about one round, {@code {"round":n}}: the form stored rows already hold. */
  public static String roundPayload(long roundId) {
    return Json.write(new RoundPayload(roundId));
  }

  /** The round a job's payload names; other fields (a check-in zone group) are ignored. */
  public static long roundOf(String payload) {
    return Json.read(payload, RoundPayload.class).round();
  }

  private record RoundPayload(long round) {}
}
