package org.trame.core.project;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.trame.core.storage.Sql;

/** Ethics grid rounds, who was asked, their positions while they answer, and the tallies, as rows. */
final class EthicsGrids {

  /** A grid round on a project; {@code subject} is what is examined (a partner), or null for the project itself. */
  record Grid(long id, String collectiveId, long projectId, String projectName, String subject, long deadlineAt, Long closedAt) {}

  /** One member asked in a round. */
  record Invitee(String memberId, Long conversationId, Long answeredAt, Long declinedAt, Long remindedAt) {
    boolean pending() {
      return answeredAt == null && declinedAt == null;
    }
  }

  /** One criterion of a round, and the positions counted on it. */
  record Tally(int position, EthicsCriteria.Criterion criterion, int ok, int blackBall, int unsure) {}

  /** A feeling its author shared, and with whom. */
  record Feeling(String memberId, String text, String sharing) {}

  static final String OK = "ok";
  static final String BLACK_BALL = "black_ball";
  static final String UNSURE = "unsure";

  private static final String GRID = "SELECT g.id, g.collective_id, g.project_id, p.name, g.subject, g.deadline_at, g.closed_at"
      + " FROM ethics_grid g JOIN project p ON p.id = g.project_id";

  private EthicsGrids() {}

  static long open(Connection c, Project project, String subject, String openedBy, long now, long deadline,
      List<EthicsCriteria.Criterion> criteria) throws SQLException {
    long id;
    try (ResultSet rs = Sql.query(c, "INSERT INTO ethics_grid (collective_id, project_id, subject, opened_by, opened_at, deadline_at)"
        + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id", project.collectiveId(), project.id(), subject, openedBy, now, deadline)
        .executeQuery()) {
      rs.next();
      id = rs.getLong(1);
    }
    int position = 1;
    for (EthicsCriteria.Criterion k : criteria) {
      Sql.update(c, "INSERT INTO ethics_grid_criterion (grid_id, position, default_key, wording) VALUES (?, ?, ?, ?)", id,
          position++, k.defaultKey(), k.wording());
    }
    return id;
  }

  static Grid openOn(Connection c, long projectId) throws SQLException {
    return one(c, GRID + " WHERE g.project_id = ? AND g.closed_at IS NULL ORDER BY g.id DESC LIMIT 1", projectId);
  }

  static Grid find(Connection c, long gridId) throws SQLException {
    return one(c, GRID + " WHERE g.id = ?", gridId);
  }

  /** The grid a member's conversation answers. */
  static Grid ofConversation(Connection c, long conversationId) throws SQLException {
    return one(c, GRID + " JOIN ethics_grid_member m ON m.grid_id = g.id WHERE m.conversation_id = ?", conversationId);
  }

  /** The oldest open round waiting for the member to begin it, if any. */
  static Grid waitingFor(Connection c, String collectiveId, String memberId) throws SQLException {
    return one(c, GRID + " JOIN ethics_grid_member m ON m.grid_id = g.id WHERE g.collective_id = ? AND m.member_id = ?"
        + " AND g.closed_at IS NULL AND m.conversation_id IS NULL AND m.answered_at IS NULL AND m.declined_at IS NULL"
        + " ORDER BY g.id LIMIT 1", collectiveId, memberId);
  }

  private static Grid one(Connection c, String sql, Object... params) throws SQLException {
    try (ResultSet rs = Sql.query(c, sql, params).executeQuery()) {
      return rs.next() ? new Grid(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
          rs.getLong(6), Sql.longOrNull(rs, 7)) : null;
    }
  }

  /**
   * Whether the round is still open, its row locked until the turn commits on PostgreSQL (SQLite's
   * single writer already serialises turns): two processes handling the last two answers, or a
   * last answer and {@code ethics close}, then close it exactly once.
   */
  static boolean lockOpen(Connection c, long gridId) throws SQLException {
    try (ResultSet rs = Sql.query(c, "SELECT closed_at FROM ethics_grid WHERE id = ?" + Sql.forUpdate(c), gridId).executeQuery()) {
      return rs.next() && Sql.longOrNull(rs, 1) == null;
    }
  }

  /** Locks the project's row until the turn commits on PostgreSQL, so that two coordinators cannot open two rounds on it at once. */
  static void lockProject(Connection c, long projectId) throws SQLException {
    try (ResultSet rs = Sql.query(c, "SELECT id FROM project WHERE id = ?" + Sql.forUpdate(c), projectId).executeQuery()) {
      rs.next();
    }
  }

  static void invite(Connection c, long gridId, String memberId) throws SQLException {
    Sql.update(c, "INSERT INTO ethics_grid_member (grid_id, member_id) VALUES (?, ?) ON CONFLICT (grid_id, member_id) DO NOTHING",
        gridId, memberId);
  }

  static void bind(Connection c, long gridId, String memberId, long conversationId) throws SQLException {
    Sql.update(c, "UPDATE ethics_grid_member SET conversation_id = ? WHERE grid_id = ? AND member_id = ?", conversationId, gridId,
        memberId);
  }

  static List<Invitee> invitees(Connection c, long gridId) throws SQLException {
    List<Invitee> list = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, "SELECT member_id, conversation_id, answered_at, declined_at, reminded_at"
        + " FROM ethics_grid_member WHERE grid_id = ? ORDER BY member_id", gridId).executeQuery()) {
      while (rs.next()) {
        list.add(new Invitee(rs.getString(1), Sql.longOrNull(rs, 2), Sql.longOrNull(rs, 3), Sql.longOrNull(rs, 4),
            Sql.longOrNull(rs, 5)));
      }
    }
    return list;
  }

  static void reminded(Connection c, long gridId, String memberId, long now) throws SQLException {
    Sql.update(c, "UPDATE ethics_grid_member SET reminded_at = ? WHERE grid_id = ? AND member_id = ?", now, gridId, memberId);
  }

  static List<EthicsCriteria.Criterion> criteria(Connection c, long gridId) throws SQLException {
    return tallies(c, gridId).stream().map(Tally::criterion).toList();
  }

  static List<Tally> tallies(Connection c, long gridId) throws SQLException {
    List<Tally> list = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, "SELECT position, default_key, wording, ok, black_ball, unsure FROM ethics_grid_criterion"
        + " WHERE grid_id = ? ORDER BY position", gridId).executeQuery()) {
      while (rs.next()) {
        list.add(new Tally(rs.getInt(1), new EthicsCriteria.Criterion(rs.getString(2), rs.getString(3)), rs.getInt(4),
            rs.getInt(5), rs.getInt(6)));
      }
    }
    return list;
  }

  /** How many positions the member has given so far in the round. */
  static int votes(Connection c, long gridId, String memberId) throws SQLException {
    try (ResultSet rs = Sql.query(c, "SELECT COUNT(*) FROM ethics_vote WHERE grid_id = ? AND member_id = ?", gridId, memberId)
        .executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static void vote(Connection c, long gridId, String memberId, int position, String vote) throws SQLException {
    Sql.update(c, "INSERT INTO ethics_vote (grid_id, member_id, position, vote) VALUES (?, ?, ?, ?)"
        + " ON CONFLICT (grid_id, member_id, position) DO UPDATE SET vote = excluded.vote", gridId, memberId, position, vote);
  }

  /** Takes back the member's latest position; returns its criterion's position, or 0 when there was none. */
  static int unvote(Connection c, long gridId, String memberId) throws SQLException {
    int last = votes(c, gridId, memberId);
    if (last > 0) {
      Sql.update(c, "DELETE FROM ethics_vote WHERE grid_id = ? AND member_id = ? AND position = ?", gridId, memberId, last);
    }
    return last;
  }

  /**
   * The member has finished: their positions join the round's tallies, which name nobody, and their
   * own rows go; their feeling stays with them (they may erase it), shown without their name.
   */
  static void answered(Connection c, long gridId, String memberId, String feeling, String sharing, long now) throws SQLException {
    List<String[]> votes = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, "SELECT position, vote FROM ethics_vote WHERE grid_id = ? AND member_id = ?", gridId, memberId)
        .executeQuery()) {
      while (rs.next()) {
        votes.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
    for (String[] v : votes) {
      String column = switch (v[1]) {
        case OK -> "ok";
        case BLACK_BALL -> "black_ball";
        default -> "unsure";
      };
      Sql.update(c, "UPDATE ethics_grid_criterion SET " + column + " = " + column + " + 1 WHERE grid_id = ? AND position = ?",
          gridId, Integer.parseInt(v[0]));
    }
    Sql.update(c, "DELETE FROM ethics_vote WHERE grid_id = ? AND member_id = ?", gridId, memberId);
    Sql.update(c, "UPDATE ethics_grid_member SET answered_at = ?, feeling = ?, sharing = ? WHERE grid_id = ? AND member_id = ?",
        now, feeling, feeling == null ? null : sharing, gridId, memberId);
  }

  /** The member declined (cancelled the conversation, or left the project): their positions so far are dropped. */
  static void declined(Connection c, long gridId, String memberId, long now) throws SQLException {
    Sql.update(c, "DELETE FROM ethics_vote WHERE grid_id = ? AND member_id = ?", gridId, memberId);
    Sql.update(c, "UPDATE ethics_grid_member SET declined_at = ? WHERE grid_id = ? AND member_id = ? AND answered_at IS NULL"
        + " AND declined_at IS NULL", now, gridId, memberId);
  }

  /** The feelings shared with one of {@code sharings}, in alphabetical order (never the order of answering). */
  static List<Feeling> feelings(Connection c, long gridId, List<String> sharings) throws SQLException {
    List<Feeling> list = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, "SELECT member_id, feeling, sharing FROM ethics_grid_member WHERE grid_id = ? AND feeling IS NOT NULL"
        + " AND answered_at IS NOT NULL", gridId).executeQuery()) {
      while (rs.next()) {
        if (sharings.contains(rs.getString(3))) {
          list.add(new Feeling(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
      }
    }
    list.sort(java.util.Comparator.comparing(Feeling::text));
    return list;
  }

  /** Closes the round: what was not finished is dropped, and the verdict is kept. */
  static void close(Connection c, long gridId, boolean blocked, long now) throws SQLException {
    Sql.update(c, "DELETE FROM ethics_vote WHERE grid_id = ?", gridId);
    Sql.update(c, "UPDATE ethics_grid SET closed_at = ?, blocked = ? WHERE id = ?", now, blocked ? 1 : 0, gridId);
  }
}
