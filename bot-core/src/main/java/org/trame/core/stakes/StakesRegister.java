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
  static int saveVersion(Connection c, String collectiveId, String memberId, long conversationId, long now,
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
        + " answer, sharing, answered_at, conversation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (Entry e : entries) {
      insert.setString(1, collectiveId);
      insert.setString(2, memberId);
      insert.setInt(3, version);
      insert.setString(4, e.question());
      insert.setString(5, e.answer());
      insert.setString(6, e.sharing());
      insert.setLong(7, now);
      insert.setLong(8, conversationId);
      insert.addBatch();
    }
    insert.executeBatch();
    return version;
  }
}
