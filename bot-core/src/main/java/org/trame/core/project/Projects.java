package org.trame.core.project;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trame.core.port.CommandCatalogue;
import org.trame.core.storage.Sql;

/**
 * The projects of a collective and who takes part in them, read and changed inside the caller's
 * transaction. A stable API for other features (the conflict space's value path offers the right of
 * withdrawal from a project through it): collectives are named by their database id ({@code
 * platform:platform-id}, as in every table), members by their platform id, never a display name.
 * Nothing here sends a message: telling the others is the caller's part.
 */
public final class Projects {

  /** The longest project name, in characters. */
  public static final int LONGEST_NAME = 60;

  private Projects() {}

  /** The project named {@code name} in the collective, whatever its case and accents, or empty. */
  public static Optional<Project> named(Connection c, String collectiveId, String name) throws SQLException {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    try (ResultSet rs = Sql.query(c, "SELECT id, name FROM project WHERE collective_id = ? AND name_key = ?", collectiveId,
        key(name)).executeQuery()) {
      return rs.next() ? Optional.of(new Project(rs.getLong(1), collectiveId, rs.getString(2))) : Optional.empty();
    }
  }

  /** Every project of the collective, in the order they were created. */
  public static List<Project> of(Connection c, String collectiveId) throws SQLException {
    List<Project> list = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, "SELECT id, name FROM project WHERE collective_id = ? ORDER BY id", collectiveId)
        .executeQuery()) {
      while (rs.next()) {
        list.add(new Project(rs.getLong(1), collectiveId, rs.getString(2)));
      }
    }
    return list;
  }

  /** The member ids of those taking part in the project now, in the order they joined. */
  public static List<String> members(Connection c, long projectId) throws SQLException {
    List<String> list = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, "SELECT member_id FROM project_member WHERE project_id = ? ORDER BY joined_at, member_id",
        projectId).executeQuery()) {
      while (rs.next()) {
        list.add(rs.getString(1));
      }
    }
    return list;
  }

  /** Whether the member takes part in the project now. */
  public static boolean isMember(Connection c, long projectId, String memberId) throws SQLException {
    try (ResultSet rs = Sql.query(c, "SELECT 1 FROM project_member WHERE project_id = ? AND member_id = ?", projectId, memberId)
        .executeQuery()) {
      return rs.next();
    }
  }

  /**
   * The member leaves the project (the individual right of withdrawal, sheet 8): they stay in the
   * collective and may join again. If an ethics grid is open on the project and they have not
   * finished it, their positions so far are dropped and they count as having declined (positions
   * already given in a finished answer stay in the grid's unattributed tallies); a conversation they
   * had open for it is the caller's to stop (see {@link ProjectExit}). Nothing happens when they
   * were not in it. {@code nowMillis} is the moment of leaving.
   */
  public static void leave(Connection c, long projectId, String memberId, long nowMillis) throws SQLException {
    Sql.update(c, "DELETE FROM project_member WHERE project_id = ? AND member_id = ?", projectId, memberId);
    Sql.update(c, "DELETE FROM ethics_vote WHERE member_id = ? AND grid_id IN (SELECT id FROM ethics_grid WHERE project_id = ?"
        + " AND closed_at IS NULL)", memberId, projectId);
    Sql.update(c, "UPDATE ethics_grid_member SET declined_at = ? WHERE member_id = ? AND answered_at IS NULL"
        + " AND declined_at IS NULL AND grid_id IN (SELECT id FROM ethics_grid WHERE project_id = ? AND closed_at IS NULL)",
        nowMillis, memberId, projectId);
  }

  /** The projects the member takes part in, in the collective, in the order they were created. */
  public static List<Project> ofMember(Connection c, String collectiveId, String memberId) throws SQLException {
    List<Project> list = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, "SELECT p.id, p.name FROM project p JOIN project_member m ON m.project_id = p.id"
        + " WHERE p.collective_id = ? AND m.member_id = ? ORDER BY p.id", collectiveId, memberId).executeQuery()) {
      while (rs.next()) {
        list.add(new Project(rs.getLong(1), collectiveId, rs.getString(2)));
      }
    }
    return list;
  }

  /** Creates the project; the caller has checked the name (see {@link #named}). */
  static Project create(Connection c, String collectiveId, String name, String createdBy, long now) throws SQLException {
    try (ResultSet rs = Sql.query(c, "INSERT INTO project (collective_id, name, name_key, created_by, created_at)"
        + " VALUES (?, ?, ?, ?, ?) RETURNING id", collectiveId, name, key(name), createdBy, now).executeQuery()) {
      rs.next();
      return new Project(rs.getLong(1), collectiveId, name);
    }
  }

  /** Adds the member to the project; false when they already took part. */
  static boolean join(Connection c, long projectId, String memberId, long now) throws SQLException {
    return Sql.update(c, "INSERT INTO project_member (project_id, member_id, joined_at) VALUES (?, ?, ?)"
        + " ON CONFLICT (project_id, member_id) DO NOTHING", projectId, memberId, now) == 1;
  }

  /** How many members take part in each project of the collective, by project id. */
  static java.util.Map<Long, Integer> sizes(Connection c, String collectiveId) throws SQLException {
    java.util.Map<Long, Integer> sizes = new java.util.HashMap<>();
    try (ResultSet rs = Sql.query(c, "SELECT m.project_id, COUNT(*) FROM project_member m JOIN project p ON p.id = m.project_id"
        + " WHERE p.collective_id = ? GROUP BY m.project_id", collectiveId).executeQuery()) {
      while (rs.next()) {
        sizes.put(rs.getLong(1), rs.getInt(2));
      }
    }
    return sizes;
  }

  /** What makes two names the same: case, accents and runs of spaces do not count. */
  static String key(String name) {
    return CommandCatalogue.normalize(name.replaceAll("\\s+", " "));
  }

  /** A name as stored and shown: on one line, spaces collapsed, without control characters. */
  static String clean(String typed) {
    return typed.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
  }
}
