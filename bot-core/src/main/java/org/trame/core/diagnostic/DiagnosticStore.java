package org.trame.core.diagnostic;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.trame.core.storage.Sql;

/** Diagnostics, their invitees, the ratings of an open one, and the counts a closed one keeps, as rows. */
final class DiagnosticStore {

  record Round(long id, String collectiveId, int number, String status, long openedAt, Long closedAt) {
    boolean open() {
      return "open".equals(status);
    }
  }

  record Invitee(long roundId, String memberId, Long conversationId, long askedAt, Long answeredAt) {}

  private static final String ROUND_COLUMNS = "id, collective_id, number, status, opened_at, closed_at";
  private static final String INVITEE_COLUMNS = "round_id, member_id, conversation_id, asked_at, answered_at";

  private DiagnosticStore() {}

  /** Opens the collective's next diagnostic, numbered after the last one. */
  static Round open(Connection c, String collectiveId, String by, long now) throws SQLException {
    int number;
    try (ResultSet rs = Sql.query(c, "SELECT COALESCE(MAX(number), 0) + 1 FROM diagnostic_round WHERE collective_id = ?", collectiveId)
        .executeQuery()) {
      rs.next();
      number = rs.getInt(1);
    }
    try (ResultSet rs = Sql.query(c, "INSERT INTO diagnostic_round (collective_id, number, status, opened_by, opened_at)"
        + " VALUES (?, ?, 'open', ?, ?) RETURNING id", collectiveId, number, by, now).executeQuery()) {
      rs.next();
      return new Round(rs.getLong(1), collectiveId, number, "open", now, null);
    }
  }

  static Round openRound(Connection c, String collectiveId) throws SQLException {
    return one(c, "SELECT " + ROUND_COLUMNS + " FROM diagnostic_round WHERE collective_id = ? AND status = 'open' ORDER BY id DESC LIMIT 1",
        collectiveId);
  }

  static Round round(Connection c, long id) throws SQLException {
    return one(c, "SELECT " + ROUND_COLUMNS + " FROM diagnostic_round WHERE id = ?", id);
  }

  static Round lastClosed(Connection c, String collectiveId) throws SQLException {
    return one(c, "SELECT " + ROUND_COLUMNS + " FROM diagnostic_round WHERE collective_id = ? AND status = 'closed'"
        + " ORDER BY number DESC LIMIT 1", collectiveId);
  }

  /** The closed diagnostic before {@code round} that kept figures (one with too few answers kept none), or null. */
  static Round previousWithFigures(Connection c, Round round) throws SQLException {
    return one(c, "SELECT " + ROUND_COLUMNS + " FROM diagnostic_round r WHERE collective_id = ? AND status = 'closed' AND number < ?"
        + " AND EXISTS (SELECT 1 FROM diagnostic_tally t WHERE t.round_id = r.id) ORDER BY number DESC LIMIT 1",
        round.collectiveId(), round.number());
  }

  private static Round one(Connection c, String sql, Object... params) throws SQLException {
    try (ResultSet rs = Sql.query(c, sql, params).executeQuery()) {
      return rs.next() ? new Round(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getLong(5), Sql.longOrNull(rs, 6))
          : null;
    }
  }

  static void invite(Connection c, long roundId, String memberId, long now) throws SQLException {
    Sql.update(c, "INSERT INTO diagnostic_invitee (round_id, member_id, asked_at) VALUES (?, ?, ?) ON CONFLICT (round_id, member_id) DO NOTHING",
        roundId, memberId, now);
  }

  static void markAsked(Connection c, long roundId, String memberId, long conversationId) throws SQLException {
    Sql.update(c, "UPDATE diagnostic_invitee SET conversation_id = ? WHERE round_id = ? AND member_id = ?", conversationId, roundId, memberId);
  }

  static void markAnswered(Connection c, long roundId, String memberId, long now) throws SQLException {
    Sql.update(c, "UPDATE diagnostic_invitee SET answered_at = ? WHERE round_id = ? AND member_id = ?", now, roundId, memberId);
  }

  static List<Invitee> invitees(Connection c, long roundId) throws SQLException {
    return invitees(c, "SELECT " + INVITEE_COLUMNS + " FROM diagnostic_invitee WHERE round_id = ? ORDER BY member_id", roundId);
  }

  static Invitee byConversation(Connection c, long conversationId) throws SQLException {
    List<Invitee> one = invitees(c, "SELECT " + INVITEE_COLUMNS + " FROM diagnostic_invitee WHERE conversation_id = ?", conversationId);
    return one.isEmpty() ? null : one.get(0);
  }

  private static List<Invitee> invitees(Connection c, String sql, Object... params) throws SQLException {
    List<Invitee> list = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, sql, params).executeQuery()) {
      while (rs.next()) {
        list.add(new Invitee(rs.getLong(1), rs.getString(2), Sql.longOrNull(rs, 3), rs.getLong(4), Sql.longOrNull(rs, 5)));
      }
    }
    return list;
  }

  /** A member's ratings, one row per item (null: "I don't know"), kept only while the diagnostic is open. */
  static void saveAnswers(Connection c, long roundId, String memberId, Map<DiagnosticItem, Integer> ratings) throws SQLException {
    for (Map.Entry<DiagnosticItem, Integer> e : ratings.entrySet()) {
      Sql.update(c, "INSERT INTO diagnostic_answer (round_id, member_id, item, rating) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (round_id, member_id, item) DO UPDATE SET rating = excluded.rating", roundId, memberId, e.getKey().id(), e.getValue());
    }
  }

  /**
   * Closes the diagnostic: with at least {@code least} answers the ratings are folded into counts per
   * item and rating; either way the individual rows are deleted, so nothing links a rating to a member.
   */
  static void close(Connection c, long roundId, int least, long now) throws SQLException {
    Sql.update(c, "UPDATE diagnostic_round SET status = 'closed', closed_at = ? WHERE id = ?", now, roundId);
    int answered;
    // Counted from the ratings themselves: a member who answered then asked to be forgotten has none left.
    try (ResultSet rs = Sql.query(c, "SELECT COUNT(DISTINCT member_id) FROM diagnostic_answer WHERE round_id = ?", roundId).executeQuery()) {
      rs.next();
      answered = rs.getInt(1);
    }
    if (answered >= least) {
      Sql.update(c, "INSERT INTO diagnostic_tally (round_id, item, rating, answers) SELECT round_id, item, COALESCE(rating, 0), COUNT(*)"
          + " FROM diagnostic_answer WHERE round_id = ? GROUP BY round_id, item, COALESCE(rating, 0)", roundId);
    }
    Sql.update(c, "DELETE FROM diagnostic_answer WHERE round_id = ?", roundId);
  }

  /** A closed diagnostic's counts: per item, how many gave each rating, index 0 counting "I don't know". */
  static Map<DiagnosticItem, int[]> tally(Connection c, long roundId) throws SQLException {
    Map<DiagnosticItem, int[]> counts = new EnumMap<>(DiagnosticItem.class);
    try (ResultSet rs = Sql.query(c, "SELECT item, rating, answers FROM diagnostic_tally WHERE round_id = ?", roundId).executeQuery()) {
      while (rs.next()) {
        DiagnosticItem item = DiagnosticItem.ofId(rs.getString(1));
        if (item != null) {
          counts.computeIfAbsent(item, i -> new int[6])[rs.getInt(2)] += rs.getInt(3);
        }
      }
    }
    return counts;
  }
}
