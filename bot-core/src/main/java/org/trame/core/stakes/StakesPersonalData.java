package org.trame.core.stakes;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.trame.core.personaldata.PersonalDataContribution;
import org.trame.core.personaldata.Rows;
import org.trame.core.personaldata.Written;
import org.trame.core.storage.Sql;

/**
 * The stakes register and rounds seen from one member: their answers are theirs and go at their
 * erasure; that they were asked in a round, or opened it, stays for the round, under a random token.
 * The register is kept as the member's history: no retention.
 */
public final class StakesPersonalData implements PersonalDataContribution {

  @Override
  public List<Table> tables() {
    return List.of(Table.of("stakes_answer", "member_id"), Table.of("stakes_round", "opened_by"),
        Table.of("stakes_round_member", "member_id"));
  }

  @Override
  public void export(Subject m, Map<String, List<Map<String, Object>>> s) throws SQLException {
    Connection c = m.connection();
    String k = m.collectiveId();
    String memberId = m.memberId();
    s.put("stakes_answers", Rows.of(c, "SELECT version, question, answer, sharing, answered_at, round_id FROM stakes_answer"
        + " WHERE collective_id = ? AND member_id = ? ORDER BY version, id", k, memberId));
    s.put("stakes_rounds", Rows.of(c, "SELECT r.id AS round_id, r.opened_at, r.deadline_at, r.closed_at, m.answered_at,"
        + " m.reminded_at FROM stakes_round_member m JOIN stakes_round r ON r.id = m.round_id"
        + " WHERE r.collective_id = ? AND m.member_id = ? ORDER BY r.id", k, memberId));
    s.put("stakes_rounds_opened", Rows.of(c, "SELECT id AS round_id, opened_at FROM stakes_round"
        + " WHERE collective_id = ? AND opened_by = ?", k, memberId));
  }

  @Override
  public void written(Subject m, Written texts) throws SQLException {
    try (ResultSet rs = Sql.query(m.connection(), "SELECT question, answer FROM stakes_answer WHERE collective_id = ?"
        + " AND member_id = ?", m.collectiveId(), m.memberId()).executeQuery()) {
      while (rs.next()) {
        if (texts.freeTextAt("stakes", rs.getString(1))) {
          texts.add(rs.getString(2));
        }
      }
    }
  }

  @Override
  public void erase(Forgetting f) throws SQLException {
    Connection c = f.connection();
    String k = f.collectiveId();
    Sql.update(c, "UPDATE stakes_round_member SET member_id = ?, conversation_id = NULL WHERE member_id = ?"
        + " AND round_id IN (SELECT id FROM stakes_round WHERE collective_id = ?)", f.token(), f.memberId(), k);
    Sql.update(c, "DELETE FROM stakes_answer WHERE collective_id = ? AND member_id = ?", k, f.memberId());
    Sql.update(c, "UPDATE stakes_round SET opened_by = ? WHERE collective_id = ? AND opened_by = ?", f.token(), k, f.memberId());
  }
}
