package org.trame.core.stakes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.trame.core.storage.Sql;

/** Stakes rounds and who was invited to them, as rows. */
final class StakesRounds {

  record Round(long id, String collectiveId, long openedAt, long deadlineAt) {}

  record Invitee(String memberId, Long conversationId, Long answeredAt, Long remindedAt) {}

  /** One shared answer, with its author. */
  record SharedAnswer(String memberId, String displayName, String question, String answer, String sharing) {}

  private StakesRounds() {}

  static long open(Connection c, String collectiveId, String openedBy, long now, long deadline) throws SQLException {
    try (ResultSet rs = Sql.query(c, "INSERT INTO stakes_round (collective_id, opened_by, opened_at, deadline_at)"
        + " VALUES (?, ?, ?, ?) RETURNING id", collectiveId, openedBy, now, deadline).executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static Round openRound(Connection c, String collectiveId) throws SQLException {
    PreparedStatement ps = Sql.prepare(c, "SELECT id, opened_at, deadline_at FROM stakes_round"
        + " WHERE collective_id = ? AND closed_at IS NULL ORDER BY id DESC LIMIT 1");
    ps.setString(1, collectiveId);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? new Round(rs.getLong(1), collectiveId, rs.getLong(2), rs.getLong(3)) : null;
    }
  }

  static Round find(Connection c, long id) throws SQLException {
    PreparedStatement ps = Sql.prepare(c, "SELECT collective_id, opened_at, deadline_at FROM stakes_round WHERE id = ? AND closed_at IS NULL");
    ps.setLong(1, id);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? new Round(id, rs.getString(1), rs.getLong(2), rs.getLong(3)) : null;
    }
  }

  static void invite(Connection c, long roundId, String memberId, Long conversationId) throws SQLException {
    Sql.update(c, "INSERT INTO stakes_round_member (round_id, member_id, conversation_id) VALUES (?, ?, ?)"
        + " ON CONFLICT (round_id, member_id) DO UPDATE SET conversation_id = excluded.conversation_id", roundId, memberId, conversationId);
  }

  static List<Invitee> invitees(Connection c, long roundId) throws SQLException {
    PreparedStatement ps = Sql.prepare(c, "SELECT member_id, conversation_id, answered_at, reminded_at FROM stakes_round_member"
        + " WHERE round_id = ? ORDER BY member_id");
    ps.setLong(1, roundId);
    List<Invitee> list = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        list.add(new Invitee(rs.getString(1), Sql.longOrNull(rs, 2), Sql.longOrNull(rs, 3), Sql.longOrNull(rs, 4)));
      }
    }
    return list;
  }

  static void markAnswered(Connection c, long roundId, String memberId, long now) throws SQLException {
    Sql.update(c, "UPDATE stakes_round_member SET answered_at = ? WHERE round_id = ? AND member_id = ?", now, roundId, memberId);
  }

  static void markReminded(Connection c, long roundId, String memberId, long now) throws SQLException {
    Sql.update(c, "UPDATE stakes_round_member SET reminded_at = ? WHERE round_id = ? AND member_id = ?", now, roundId, memberId);
  }

  static void close(Connection c, long roundId, long now) throws SQLException {
    Sql.update(c, "UPDATE stakes_round SET closed_at = ? WHERE id = ?", now, roundId);
  }

  /** The answers given in the round whose sharing is one of {@code sharings}, in questionnaire order. */
  static List<SharedAnswer> shared(Connection c, long roundId, List<String> sharings) throws SQLException {
    String marks = String.join(",", sharings.stream().map(s -> "?").toList());
    PreparedStatement ps = Sql.prepare(c, "SELECT a.member_id, m.display_name, a.question, a.answer, a.sharing"
        + " FROM stakes_answer a JOIN member m ON m.collective_id = a.collective_id AND m.member_id = a.member_id"
        + " WHERE a.round_id = ? AND a.answer IS NOT NULL AND a.sharing IN (" + marks + ") ORDER BY a.member_id, a.id");
    ps.setLong(1, roundId);
    for (int i = 0; i < sharings.size(); i++) {
      ps.setString(i + 2, sharings.get(i));
    }
    List<SharedAnswer> list = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        list.add(new SharedAnswer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
      }
    }
    return list;
  }
}
