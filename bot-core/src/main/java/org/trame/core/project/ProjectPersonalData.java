package org.trame.core.project;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.trame.core.personaldata.PersonalDataContribution;
import org.trame.core.personaldata.Rows;
import org.trame.core.personaldata.Written;
import org.trame.core.storage.Sql;

/**
 * Projects and ethics grids seen from one member: the projects they take part in, the rounds they
 * were asked in (whether they answered or declined, their feeling and its sharing), their positions
 * while a round is open (once they finish, positions live only in unattributed tallies, which stay),
 * and the projects and rounds they opened. Erasure takes them out of every project, drops their
 * feelings and open positions (a round still waiting for them counts them as having declined, at
 * time 0), and leaves under a random token only that a round asked someone or that someone opened
 * it or created a project. Retention forgets the feelings of rounds closed before the
 * cutoff.
 */
public final class ProjectPersonalData implements PersonalDataContribution {

  @Override
  public List<Table> tables() {
    return List.of(Table.of("project", "created_by"), Table.of("project_member", "member_id"),
        Table.of("project_leaving", "member_id"), Table.of("ethics_grid", "opened_by"),
        Table.of("ethics_grid_member", "member_id"), Table.of("ethics_vote", "member_id"));
  }

  @Override
  public void export(Subject m, Map<String, List<Map<String, Object>>> s) throws SQLException {
    Connection c = m.connection();
    String k = m.collectiveId();
    String id = m.memberId();
    s.put("projects", Rows.of(c, "SELECT p.id AS project_id, p.name, pm.joined_at FROM project_member pm"
        + " JOIN project p ON p.id = pm.project_id WHERE p.collective_id = ? AND pm.member_id = ? ORDER BY p.id", k, id));
    s.put("projects_created", Rows.of(c, "SELECT id AS project_id, name, created_at FROM project WHERE collective_id = ?"
        + " AND created_by = ? ORDER BY id", k, id));
    s.put("ethics_grids", Rows.of(c, "SELECT g.id AS grid_id, p.name AS project, g.subject, g.opened_at, g.closed_at,"
        + " gm.answered_at, gm.declined_at, gm.feeling, gm.sharing FROM ethics_grid_member gm JOIN ethics_grid g ON g.id = gm.grid_id"
        + " JOIN project p ON p.id = g.project_id WHERE g.collective_id = ? AND gm.member_id = ? ORDER BY g.id", k, id));
    s.put("ethics_positions", Rows.of(c, "SELECT v.grid_id, v.position, v.vote FROM ethics_vote v JOIN ethics_grid g"
        + " ON g.id = v.grid_id WHERE g.collective_id = ? AND v.member_id = ? ORDER BY v.grid_id, v.position", k, id));
    s.put("ethics_grids_opened", Rows.of(c, "SELECT id AS grid_id, opened_at FROM ethics_grid WHERE collective_id = ?"
        + " AND opened_by = ? ORDER BY id", k, id));
  }

  @Override
  public void written(Subject m, Written texts) throws SQLException {
    texts.queried(m.connection(), "SELECT gm.feeling FROM ethics_grid_member gm JOIN ethics_grid g"
        + " ON g.id = gm.grid_id WHERE g.collective_id = ? AND gm.member_id = ? AND gm.feeling IS NOT NULL", m.collectiveId(),
        m.memberId());
  }

  @Override
  public void erase(Forgetting f) throws SQLException {
    Connection c = f.connection();
    String k = f.collectiveId();
    String id = f.memberId();
    Sql.update(c, "DELETE FROM ethics_vote WHERE member_id = ? AND grid_id IN (SELECT id FROM ethics_grid WHERE collective_id = ?)",
        id, k);
    Sql.update(c, "UPDATE ethics_grid_member SET member_id = ?, conversation_id = NULL, feeling = NULL, sharing = NULL,"
        + " declined_at = COALESCE(declined_at, CASE WHEN answered_at IS NULL THEN 0 END) WHERE member_id = ? AND grid_id IN (SELECT id FROM ethics_grid WHERE collective_id = ?)", f.token(), id, k);
    Sql.update(c, "UPDATE ethics_grid SET opened_by = ? WHERE collective_id = ? AND opened_by = ?", f.token(), k, id);
    Sql.update(c, "DELETE FROM project_leaving WHERE collective_id = ? AND member_id = ?", k, id);
    Sql.update(c, "DELETE FROM project_member WHERE member_id = ? AND project_id IN (SELECT id FROM project WHERE collective_id = ?)",
        id, k);
    Sql.update(c, "UPDATE project SET created_by = ? WHERE collective_id = ? AND created_by = ?", f.token(), k, id);
  }

  @Override
  public List<Purged> retain(Expiry e) throws SQLException {
    int feelings = Sql.update(e.connection(), "UPDATE ethics_grid_member SET feeling = NULL WHERE feeling IS NOT NULL"
        + " AND grid_id IN (SELECT id FROM ethics_grid WHERE collective_id = ? AND closed_at IS NOT NULL AND closed_at < ?)",
        e.collectiveId(), e.cutoff());
    return List.of(new Purged(feelings, "ethics grid feelings"));
  }
}
