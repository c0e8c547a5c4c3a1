package org.trame.core.privacy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trame.core.storage.Sql;

/**
 * A member's check-in answers, found through their keyed tag in each round of a collective: what
 * the export shows and what erasure cuts loose. Nothing else can find them (see {@link Pseudonyms}).
 */
final class CheckinAnswers {

  private CheckinAnswers() {}

  /** The member's tag in every round of the collective, by round id. */
  private static Map<Long, String> tags(Connection c, Pseudonyms key, String platform, String collectiveId, String memberId)
      throws SQLException {
    Map<Long, String> tags = new LinkedHashMap<>();
    try (ResultSet rs = Sql.query(c, "SELECT id FROM checkin_round WHERE collective_id = ? ORDER BY id", collectiveId)
        .executeQuery()) {
      while (rs.next()) {
        tags.put(rs.getLong(1), key.tag(platform, collectiveId, memberId, rs.getLong(1)));
      }
    }
    return tags;
  }

  /** The member's answers in the collective: round, when it opened, the four scores and the remark if kept. */
  static List<Map<String, Object>> of(Connection c, Pseudonyms key, String platform, String collectiveId, String memberId)
      throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map.Entry<Long, String> t : tags(c, key, platform, collectiveId, memberId).entrySet()) {
      rows.addAll(Rows.of(c, "SELECT a.round_id, r.opened_at, a.alignment, a.engagement, a.fairness, a.trust, a.remark"
          + " FROM checkin_answer a JOIN checkin_round r ON r.id = a.round_id WHERE a.round_id = ? AND a.author_tag = ?",
          t.getKey(), t.getValue()));
    }
    return rows;
  }

  /**
   * Cuts the member's answers in the collective loose: the remark goes with the tag, the scores
   * stay (they are in reports already published) with nothing left to link them to anyone.
   * Returns the remarks removed, for the caller to scrub from messages still held (a report in the outbox).
   */
  static List<String> erase(Connection c, Pseudonyms key, String platform, String collectiveId, String memberId)
      throws SQLException {
    List<String> remarks = new ArrayList<>();
    for (Map.Entry<Long, String> t : tags(c, key, platform, collectiveId, memberId).entrySet()) {
      try (ResultSet rs = Sql.query(c, "SELECT remark FROM checkin_answer WHERE round_id = ? AND author_tag = ?"
          + " AND remark IS NOT NULL", t.getKey(), t.getValue()).executeQuery()) {
        while (rs.next()) {
          remarks.add(rs.getString(1));
        }
      }
      Sql.update(c, "UPDATE checkin_answer SET remark = NULL, author_tag = NULL WHERE round_id = ? AND author_tag = ?",
          t.getKey(), t.getValue());
    }
    return remarks;
  }
}
