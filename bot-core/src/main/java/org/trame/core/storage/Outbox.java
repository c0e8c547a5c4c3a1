package org.trame.core.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trame.core.port.OutboundMessage;

/** Messages waiting to be sent: written in the turn's transaction, sent after its commit. */
public final class Outbox {

  private Outbox() {}

  /** Stores the message and returns it with its row id. */
  public static OutboundMessage add(Connection c, String collectiveId, OutboundMessage m, long now) throws SQLException {
    PreparedStatement ps = Sql.prepare(c,
        "INSERT INTO outbox (platform, collective_id, audience, recipient, payload, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
    ps.setString(1, m.platform());
    ps.setString(2, collectiveId);
    // A coordinator-only message is a private one; its payload keeps the check to make when it leaves.
    ps.setString(3, m.audience().isPrivate() ? "member" : "channel");
    ps.setString(4, m.audience().id());
    ps.setString(5, Json.write(m));
    ps.setLong(6, now);
    try (ResultSet keys = ps.executeQuery()) {
      keys.next();
      return m.withId(keys.getLong(1));
    }
  }

  /** Rows still to send: neither sent nor given up. */
  private static final String TO_SEND = "sent_at IS NULL AND given_up_at IS NULL";

  /** Unsent messages in the order they were written (given-up ones are not sent again). */
  public static List<OutboundMessage> unsent(Connection c, int limit) throws SQLException {
    List<OutboundMessage> result = new ArrayList<>();
    PreparedStatement ps = Sql.prepare(c, "SELECT id, payload FROM outbox WHERE " + TO_SEND + " ORDER BY id LIMIT ?");
    ps.setInt(1, limit);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        result.add(Json.read(rs.getString(2), OutboundMessage.class).withId(rs.getLong(1)));
      }
    }
    return result;
  }

  /** Marks {@code ids} sent, in two statements whatever their number (they ride on a group commit). */
  public static void markSent(Connection c, Collection<Long> ids, long now) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    IdsIn those = IdsIn.of(c, ids);
    Sql.update(c, "UPDATE outbox SET sent_at = ? WHERE " + those.condition(), now, those.parameter());
    // A private message to someone the collective no longer knows (they erased their data, the
    // farewell included) is not kept once delivered.
    Sql.update(c, "DELETE FROM outbox WHERE " + those.condition() + " AND audience = 'member'"
        + " AND EXISTS (SELECT 1 FROM collective k WHERE k.id = outbox.collective_id)"
        + " AND NOT EXISTS (SELECT 1 FROM member m WHERE m.collective_id = outbox.collective_id AND m.member_id = outbox.recipient)",
        those.parameter());
  }

  /** "The row's id is one of these", as a condition with one parameter, whatever the number of ids. */
  private record IdsIn(String condition, Object parameter) {
    static IdsIn of(Connection c, Collection<Long> ids) throws SQLException {
      return Sql.isPostgresql(c)
          ? new IdsIn("id = ANY (?)", c.createArrayOf("bigint", ids.toArray()))
          : new IdsIn("id IN (SELECT value FROM json_each(?))", jsonArray(ids));
    }
  }

  private static String jsonArray(Collection<Long> ids) {
    StringBuilder json = new StringBuilder(ids.size() * 8).append('[');
    for (long id : ids) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append(id);
    }
    return json.append(']').toString();
  }

  /**
   * Sent and given-up messages older than {@code before}: the outbox is a queue, not an archive of
   * what members said.
   */
  public static int purgeSent(Connection c, long before) throws SQLException {
    return Sql.update(c, "DELETE FROM outbox WHERE (sent_at IS NOT NULL AND sent_at < ?)"
        + " OR (given_up_at IS NOT NULL AND given_up_at < ?)", before, before);
  }

  /**
   * Marks a message given up: it is never sent again, and {@code reason} (the platform's, never
   * the message's text) stays in {@code last_error} until the row is purged.
   */
  public static void markGivenUp(Connection c, long id, String reason, long now) throws SQLException {
    Sql.update(c, "UPDATE outbox SET given_up_at = ?, attempts = attempts + 1, last_error = ? WHERE id = ? AND sent_at IS NULL",
        now, errorKept(reason == null ? "" : reason), id);
  }

  /** Records a failed try at {@code at} (epoch milliseconds); the first one stays as when it began failing. */
  public static void markFailed(Connection c, long id, String error, long at) throws SQLException {
    Sql.update(c, "UPDATE outbox SET attempts = attempts + 1, last_error = ?, failing_since = COALESCE(failing_since, ?) WHERE id = ?",
        errorKept(error), at, id);
  }

  /** Since when each of {@code ids} has been failing (epoch milliseconds), for those that have failed. */
  public static Map<Long, Long> failingSince(Connection c, Collection<Long> ids) throws SQLException {
    Map<Long, Long> since = new HashMap<>();
    if (ids.isEmpty()) {
      return since;
    }
    IdsIn those = IdsIn.of(c, ids);
    String sql = "SELECT id, failing_since FROM outbox WHERE " + those.condition() + " AND failing_since IS NOT NULL";
    try (ResultSet rs = Sql.query(c, sql, those.parameter()).executeQuery()) {
      while (rs.next()) {
        since.put(rs.getLong(1), rs.getLong(2));
      }
    }
    return since;
  }

  /** At most the first 500 characters of a platform's error, as {@code last_error} keeps it; null stays null. */
  private static String errorKept(String error) {
    return error == null ? null : error.substring(0, Math.min(500, error.length()));
  }

  /** The lease of a claimed row: the database's time now plus this connection's lease (PostgreSQL). */
  private static final String LEASE_END = "(extract(epoch FROM clock_timestamp()) * 1000)::bigint"
      + " + COALESCE(NULLIF(current_setting('trame.outbox_lease_ms', true), '')::bigint, 60000)";

  /**
   * What an earlier run left unsent, to send at start-up. On SQLite every unsent row: this process
   * is the only one. On PostgreSQL only the rows no live process holds (see {@link #claimOrphans}).
   */
  public static List<OutboundMessage> leftOver(Connection c, int limit, Collection<String> platforms) throws SQLException {
    return Sql.isPostgresql(c) ? claimOrphans(c, limit, platforms) : unsent(c, limit);
  }

  /**
   * PostgreSQL: claims unsent rows whose lease ran out (the process that wrote or claimed them
   * stopped renewing it), oldest first. {@code FOR UPDATE SKIP LOCKED}: two processes claiming at
   * once take different rows, so each message is claimed by one process only.
   */
  public static List<OutboundMessage> claimOrphans(Connection c, int limit, Collection<String> platforms) throws SQLException {
    // Only the platforms this process runs: a row for another platform waits for a process that runs it.
    PreparedStatement ps = Sql.prepare(c, "UPDATE outbox SET claimed_by = current_setting('trame.process', true),"
        + " claimed_until = " + LEASE_END + " WHERE id IN (SELECT id FROM outbox WHERE " + TO_SEND + " AND platform = ANY (?)"
        + " AND (claimed_until IS NULL OR claimed_until < (extract(epoch FROM clock_timestamp()) * 1000)::bigint)"
        + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING id, payload");
    ps.setArray(1, c.createArrayOf("text", platforms.toArray()));
    ps.setInt(2, limit);
    List<OutboundMessage> result = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        result.add(Json.read(rs.getString(2), OutboundMessage.class).withId(rs.getLong(1)));
      }
    }
    result.sort(java.util.Comparator.comparingLong(OutboundMessage::id));
    return result;
  }

  /** PostgreSQL: extends the lease of this process's unsent rows, which it is still sending. */
  public static int renewClaims(Connection c, Collection<String> platforms) throws SQLException {
    // Rows this process wrote for a platform it does not run are let go, for a process that runs it.
    PreparedStatement ps = Sql.prepare(c, "UPDATE outbox SET claimed_until = " + LEASE_END
        + " WHERE " + TO_SEND + " AND claimed_by = current_setting('trame.process', true) AND platform = ANY (?)");
    ps.setArray(1, c.createArrayOf("text", platforms.toArray()));
    return ps.executeUpdate();
  }

  /** Messages still to send and the age of the oldest, in the database's time (for operators' metrics). */
  public static long[] depthAndOldest(Connection c, long now) throws SQLException {
    try (ResultSet rs = Sql.query(c, "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE " + TO_SEND).executeQuery()) {
      rs.next();
      long count = rs.getLong(1);
      long oldest = rs.getLong(2);
      return new long[] {count, rs.wasNull() ? 0 : Math.max(0, now - oldest)};
    }
  }
}
