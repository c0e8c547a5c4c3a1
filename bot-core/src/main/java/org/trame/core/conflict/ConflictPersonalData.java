package org.trame.core.conflict;

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
 * The conflict space's tables seen from one member: what the export shows, what erasure removes,
 * what retention forgets. The spaces themselves stay for the others.
 */
public final class ConflictPersonalData implements PersonalDataContribution {

  private static final String IN_COLLECTIVE = " AND case_id IN (SELECT id FROM conflict_case WHERE collective_id = ?)";

  @Override
  public List<Table> tables() {
    return List.of(Table.of("conflict_case", "opened_by"), Table.of("conflict_party", "member_id", "restates"),
        Table.of("conflict_solution", "added_by"), Table.of("conflict_rating", "member_id"),
        Table.of("conflict_action", "owner", "added_by"), Table.of("conflict_request", "member_id"));
  }

  @Override
  public void export(Subject m, Map<String, List<Map<String, Object>>> s) throws SQLException {
    Connection c = m.connection();
    String k = m.collectiveId();
    String memberId = m.memberId();
    s.put("conflict_parties", Rows.of(c, "SELECT case_id, status, proposed_nature, proposed_sheet, nature, sheet, step_days,"
        + " needs_draft, needs, accepted, decision_text, review_at, review, review_note, value_answers, restatement, recognised,"
        + " correction, goal_text, plan_ok, plan_remark, conviction, need_part, stance, stance_text FROM conflict_party"
        + " WHERE member_id = ?" + IN_COLLECTIVE, memberId, k));
    s.put("conflict_spaces_opened", Rows.of(c, "SELECT id AS case_id, topic, phase, opened_at, closed_at FROM conflict_case"
        + " WHERE collective_id = ? AND opened_by = ?", k, memberId));
    s.put("conflict_solutions", Rows.of(c, "SELECT case_id, round, text, created_at FROM conflict_solution WHERE added_by = ?"
        + IN_COLLECTIVE, memberId, k));
    s.put("conflict_ratings", Rows.of(c, "SELECT s.case_id, s.text AS solution, r.feasibility, r.relevance, r.impact, r.remark"
        + " FROM conflict_rating r JOIN conflict_solution s ON s.id = r.solution_id JOIN conflict_case k ON k.id = s.case_id"
        + " WHERE k.collective_id = ? AND r.member_id = ?", k, memberId));
    // A plan step's owner is typed as a name: the member's display name counts as them.
    s.put("conflict_plan_steps", Rows.of(c, "SELECT case_id, plan_seq, what, owner, due_date, resources, obstacles, created_at"
        + " FROM conflict_action WHERE (added_by = ? OR owner = ? OR owner = ?)" + IN_COLLECTIVE, memberId, memberId,
        m.displayName(), k));
    s.put("conflict_requests", Rows.of(c, "SELECT message, created_at FROM conflict_request WHERE collective_id = ?"
        + " AND member_id = ?", k, memberId));
  }

  /** What the member wrote in conflict spaces, so that copies elsewhere (the outbox) can be found. */
  @Override
  public void written(Subject m, Written texts) throws SQLException {
    for (String sql : List.of(
        "SELECT needs_draft, needs, decision_text, review_note FROM conflict_party WHERE member_id = ?" + IN_COLLECTIVE,
        "SELECT restatement, correction, goal_text, plan_remark FROM conflict_party WHERE member_id = ?" + IN_COLLECTIVE,
        "SELECT conviction, need_part, stance_text FROM conflict_party WHERE member_id = ?" + IN_COLLECTIVE,
        "SELECT text FROM conflict_solution WHERE added_by = ?" + IN_COLLECTIVE,
        "SELECT r.remark FROM conflict_rating r JOIN conflict_solution s ON s.id = r.solution_id"
            + " WHERE r.member_id = ? AND s.case_id IN (SELECT id FROM conflict_case WHERE collective_id = ?)",
        "SELECT what, obstacles, resources FROM conflict_action WHERE added_by = ?" + IN_COLLECTIVE)) {
      texts.queried(m.connection(), sql, m.memberId(), m.collectiveId());
    }
    texts.queried(m.connection(), "SELECT message FROM conflict_request WHERE collective_id = ? AND member_id = ?",
        m.collectiveId(), m.memberId());
  }

  /**
   * The member's part in every space of the collective: their words erased, their id replaced by
   * the token; the spaces themselves stay for the others. Runs before the conversations go (a
   * party row points at one).
   */
  @Override
  public void erase(Forgetting f) throws SQLException {
    Connection c = f.connection();
    String k = f.collectiveId();
    String memberId = f.memberId();
    String token = f.token();
    Sql.update(c, "UPDATE conflict_party SET member_id = ?, conversation_id = NULL, needs_draft = NULL, needs = NULL,"
        + " decision_text = NULL, review_note = NULL, value_answers = NULL, restatement = NULL, correction = NULL, goal_text = NULL,"
        + " plan_remark = NULL, conviction = NULL, need_part = NULL, stance_text = NULL,"
        + " status = CASE WHEN status IN ('invited', 'active') THEN 'stopped' ELSE status END"
        + " WHERE member_id = ?" + IN_COLLECTIVE, token, memberId, k);
    Sql.update(c, "UPDATE conflict_party SET restates = ? WHERE restates = ?" + IN_COLLECTIVE, token, memberId, k);
    Sql.update(c, "UPDATE conflict_solution SET text = '', added_by = ? WHERE added_by = ?" + IN_COLLECTIVE, token, memberId, k);
    Sql.update(c, "UPDATE conflict_rating SET member_id = ?, remark = NULL WHERE member_id = ? AND solution_id IN (SELECT s.id FROM"
        + " conflict_solution s JOIN conflict_case k ON k.id = s.case_id WHERE k.collective_id = ?)", token, memberId, k);
    Sql.update(c, "UPDATE conflict_action SET what = '', obstacles = NULL, resources = NULL, added_by = ? WHERE added_by = ?" + IN_COLLECTIVE,
        token, memberId, k);
    Sql.update(c, "UPDATE conflict_action SET owner = '—' WHERE (owner = ? OR owner = ?)" + IN_COLLECTIVE, memberId,
        f.member().displayName(), k);
    Sql.update(c, "UPDATE conflict_case SET opened_by = ?, topic = NULL WHERE collective_id = ? AND opened_by = ?", token, k, memberId);
    Sql.update(c, "DELETE FROM conflict_request WHERE collective_id = ? AND member_id = ?", k, memberId);
  }

  /**
   * Texts of spaces closed before the cutoff go (the spaces' facts stay), and so do the words
   * members added to their requests for a space; the fact someone asked stays.
   */
  @Override
  public List<Purged> retain(Expiry e) throws SQLException {
    int cases = forgetTexts(e.connection(), e.collectiveId(), e.cutoff());
    Sql.update(e.connection(), "UPDATE conflict_request SET message = NULL WHERE collective_id = ? AND created_at < ?"
        + " AND message IS NOT NULL", e.collectiveId(), e.cutoff());
    return List.of(new Purged(cases, "conflict cases"));
  }

  /** Forgets the texts of spaces closed before {@code cutoff}; returns how many spaces still held some. */
  private static int forgetTexts(Connection c, String k, long cutoff) throws SQLException {
    List<Long> ids = new java.util.ArrayList<>();
    try (ResultSet rs = Sql.query(c, "SELECT id FROM conflict_case k WHERE collective_id = ? AND closed_at IS NOT NULL"
        + " AND closed_at < ? AND (topic IS NOT NULL OR decision IS NOT NULL OR goal IS NOT NULL"
        + " OR EXISTS (SELECT 1 FROM conflict_party p WHERE p.case_id = k.id AND (p.needs IS NOT NULL OR p.needs_draft IS NOT NULL"
        + " OR p.decision_text IS NOT NULL OR p.review_note IS NOT NULL OR p.value_answers IS NOT NULL OR p.restatement IS NOT NULL"
        + " OR p.correction IS NOT NULL OR p.goal_text IS NOT NULL OR p.plan_remark IS NOT NULL OR p.conviction IS NOT NULL"
        + " OR p.need_part IS NOT NULL OR p.stance_text IS NOT NULL))"
        + " OR EXISTS (SELECT 1 FROM conflict_solution s WHERE s.case_id = k.id AND s.text <> '')"
        + " OR EXISTS (SELECT 1 FROM conflict_action a WHERE a.case_id = k.id AND a.what <> ''))", k, cutoff).executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    for (long id : ids) {
      Sql.update(c, "UPDATE conflict_party SET needs_draft = NULL, needs = NULL, decision_text = NULL, review_note = NULL,"
          + " value_answers = NULL, restatement = NULL, correction = NULL, goal_text = NULL, plan_remark = NULL, conviction = NULL,"
          + " need_part = NULL, stance_text = NULL WHERE case_id = ?", id);
      Sql.update(c, "UPDATE conflict_solution SET text = '' WHERE case_id = ?", id);
      Sql.update(c, "UPDATE conflict_rating SET remark = NULL WHERE solution_id IN (SELECT id FROM conflict_solution WHERE case_id = ?)", id);
      Sql.update(c, "UPDATE conflict_action SET what = '', obstacles = NULL, resources = NULL WHERE case_id = ?", id);
      Sql.update(c, "UPDATE conflict_case SET topic = NULL, decision = NULL, goal = NULL WHERE id = ?", id);
    }
    return ids.size();
  }
}
