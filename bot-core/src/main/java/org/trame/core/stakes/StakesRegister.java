package org.trame.core.stakes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.trame.core.storage.Sql;

/** The stakes register in the database: one row per answer, versioned per questionnaire. */
final class StakesRegister {

  /** One answer to store: the question's step id, the answer (null if skipped), its sharing. */
  record Entry(String question, String answer, String sharing) {}

  private StakesRegister() {}

  /** Stores the entries as the member's next version; returns that version. */
  static int saveVersion(Connection c, String collectiveId, String memberId, long conversationId, Long roundId, long now,
      List<Entry> entries) throws SQLException {
    PreparedStatement next = Sql.prepare(c,
        "SELECT COALESCE(MAX(version), 0) + 1 FROM stakes_answer WHERE collective_id = ? AND member_id = ?");
    next.setString(1, collectiveId);
    next.setString(2, memberId);
    int version;
    try (ResultSet rs = next.executeQuery()) {
      rs.next();
      version = rs.getInt(1);
    }
    PreparedStatement insert = Sql.prepare(c, "INSERT INTO stakes_answer (collective_id, member_id, version, question,"
        + " answer, sharing, answered_at, conversation_id, round_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (Entry e : entries) {
      insert.setString(1, collectiveId);
      insert.setString(2, memberId);
      insert.setInt(3, version);
      insert.setString(4, e.question());
      insert.setString(5, e.answer());
      insert.setString(6, e.sharing());
      insert.setLong(7, now);
      insert.setLong(8, conversationId);
      insert.setObject(9, roundId);
      insert.addBatch();
    }
    insert.executeBatch();
    return version;
  }

  /** One stored answer of a version. */
  record Stored(int version, long answeredAt, String question, String answer, String sharing) {}

  /** Every version of the member's register, oldest first. */
  static List<Stored> history(Connection c, String collectiveId, String memberId) throws SQLException {
    PreparedStatement ps = Sql.prepare(c, "SELECT version, answered_at, question, answer, sharing FROM stakes_answer"
        + " WHERE collective_id = ? AND member_id = ? ORDER BY version, id");
    ps.setString(1, collectiveId);
    ps.setString(2, memberId);
    List<Stored> rows = new java.util.ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(new Stored(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)));
      }
    }
    return rows;
  }

  /** Changes who may see one answer of the member's latest version; false when there is no such answer. */
  static boolean changeSharing(Connection c, String collectiveId, String memberId, String question, String sharing)
      throws SQLException {
    return Sql.update(c, "UPDATE stakes_answer SET sharing = ? WHERE collective_id = ? AND member_id = ? AND question = ?"
        + " AND answer IS NOT NULL AND version = (SELECT MAX(version) FROM stakes_answer WHERE collective_id = ? AND member_id = ?)",
        sharing, collectiveId, memberId, question, collectiveId, memberId) > 0;
  }

  /** The sharing of each answer of the member's latest version, by question. */
  static java.util.Map<String, String> latestSharing(Connection c, String collectiveId, String memberId) throws SQLException {
    java.util.Map<String, String> sharing = new java.util.LinkedHashMap<>();
    try (ResultSet rs = Sql.query(c, "SELECT question, sharing FROM stakes_answer WHERE collective_id = ? AND member_id = ?"
        + " AND version = (SELECT MAX(version) FROM stakes_answer WHERE collective_id = ? AND member_id = ?) ORDER BY id",
        collectiveId, memberId, collectiveId, memberId).executeQuery()) {
      while (rs.next()) {
        sharing.put(rs.getString(1), rs.getString(2));
      }
    }
    return sharing;
  }

  /** The answers of the member's latest version, by question. */
  static java.util.Map<String, String> latest(Connection c, String collectiveId, String memberId) throws SQLException {
    PreparedStatement ps = Sql.prepare(c, "SELECT question, answer FROM stakes_answer WHERE collective_id = ? AND member_id = ?"
        + " AND version = (SELECT MAX(version) FROM stakes_answer WHERE collective_id = ? AND member_id = ?) ORDER BY id");
    ps.setString(1, collectiveId);
    ps.setString(2, memberId);
    ps.setString(3, collectiveId);
    ps.setString(4, memberId);
    java.util.Map<String, String> answers = new java.util.LinkedHashMap<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (rs.getString(2) != null) {
          answers.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return answers;
  }
}
