package org.trame.core.diagnostic;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.trame.core.personaldata.PersonalDataContribution;
import org.trame.core.personaldata.Rows;
import org.trame.core.storage.Sql;

/**
 * Diagnostics seen from one member: that they were asked and answered, who opened one, and their
 * own ratings while a diagnostic is open. A closed diagnostic keeps only counts per item, which no
 * longer name anyone; erasure deletes the member's open ratings and replaces their id elsewhere.
 */
public final class DiagnosticPersonalData implements PersonalDataContribution {

  @Override
  public List<Table> tables() {
    return List.of(Table.of("diagnostic_round", "opened_by"), Table.of("diagnostic_invitee", "member_id"),
        Table.of("diagnostic_answer", "member_id"));
  }

  @Override
  public void export(Subject m, Map<String, List<Map<String, Object>>> s) throws SQLException {
    Connection c = m.connection();
    String k = m.collectiveId();
    s.put("diagnostic_invitations", Rows.of(c, "SELECT r.number, i.asked_at, i.answered_at FROM diagnostic_invitee i"
        + " JOIN diagnostic_round r ON r.id = i.round_id WHERE r.collective_id = ? AND i.member_id = ? ORDER BY r.number", k, m.memberId()));
    s.put("diagnostic_ratings", Rows.of(c, "SELECT r.number, a.item, a.rating FROM diagnostic_answer a"
        + " JOIN diagnostic_round r ON r.id = a.round_id WHERE r.collective_id = ? AND a.member_id = ? ORDER BY r.number, a.item",
        k, m.memberId()));
    s.put("diagnostic_opened", Rows.of(c, "SELECT number, opened_at, closed_at FROM diagnostic_round WHERE collective_id = ?"
        + " AND opened_by = ? ORDER BY number", k, m.memberId()));
  }

  @Override
  public void erase(Forgetting f) throws SQLException {
    Connection c = f.connection();
    String k = f.collectiveId();
    String rounds = " AND round_id IN (SELECT id FROM diagnostic_round WHERE collective_id = ?)";
    Sql.update(c, "DELETE FROM diagnostic_answer WHERE member_id = ?" + rounds, f.memberId(), k);
    Sql.update(c, "UPDATE diagnostic_invitee SET member_id = ?, conversation_id = NULL WHERE member_id = ?" + rounds, f.token(),
        f.memberId(), k);
    Sql.update(c, "UPDATE diagnostic_round SET opened_by = ? WHERE collective_id = ? AND opened_by = ?", f.token(), k, f.memberId());
  }

  /** Past retention no individual rating stays (a closed diagnostic has none left; this catches any that did). */
  @Override
  public List<Purged> retain(Expiry e) throws SQLException {
    int ratings = Sql.update(e.connection(), "DELETE FROM diagnostic_answer WHERE round_id IN"
        + " (SELECT id FROM diagnostic_round WHERE collective_id = ? AND status <> 'open' AND closed_at < ?)", e.collectiveId(), e.cutoff());
    return List.of(new Purged(ratings, "diagnostic ratings"));
  }
}
