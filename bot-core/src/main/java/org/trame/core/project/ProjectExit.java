package org.trame.core.project;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.trame.core.engine.Conversation;
import org.trame.core.storage.Conversations;
import org.trame.core.storage.Member;
import org.trame.core.storage.Members;
import org.trame.core.storage.Sql;
import org.trame.core.turn.TurnContext;

/**
 * How a member leaves a project within a turn (seed 004 sheet 8: the individual right of
 * withdrawal from a cooperation project, without exclusion from the collective): the guided
 * withdrawal and {@code project leave} go through it. The member stays in the collective and may
 * join again; the project's other members are told, in the words the member approved or, without
 * them, the plain fact.
 */
public final class ProjectExit {

  private ProjectExit() {}

  /**
   * {@code member} leaves {@code project}: their grid conversation on it stops if one is open, the
   * other members still in the collective read {@code announcement} (the member's approved words)
   * or, when null, that they withdrew. The member is told nothing here: the caller says what fits.
   */
  public static void leave(TurnContext t, Project project, Member member, String announcement) throws Exception {
    Connection c = t.connection();
    if (!Projects.isMember(c, project.id(), member.memberId())) {
      return;
    }
    EthicsGrids.Grid grid = EthicsGrids.openOn(c, project.id());
    Projects.leave(c, project.id(), member.memberId(), t.now().toEpochMilli());
    if (grid != null) {
      stopConversation(t, grid, member);
    }
    String name = member.displayName() == null ? member.memberId() : member.displayName();
    for (String id : Projects.members(c, project.id())) {
      Member other = Members.find(c, t.collectiveId(), id);
      if (other == null || Members.withdrawnAt(c, t.collectiveId(), id) != null) {
        continue;
      }
      TurnContext theirs = t.as(other, false, t.lang());
      if (announcement != null) {
        theirs.say(announcement);
      } else {
        theirs.say(ProjectMsg.PROJECT_MEMBER_LEFT, "member", name, "name", project.name());
      }
    }
    if (grid != null) {
      EthicsRounds.closeIfComplete(t, EthicsGrids.find(c, grid.id()));
    }
  }

  /**
   * The member leaves every project of the collective, telling no one (they withdraw from the
   * collective, which has its own announcement, or erase their data): a grid conversation still
   * open stops, and a round left with nobody to wait for closes.
   */
  public static void leaveAll(TurnContext t, Member member) throws Exception {
    // Out of every project first, so that stopping one round's conversation starts none of the others.
    java.util.List<EthicsGrids.Grid> open = new java.util.ArrayList<>();
    for (Project p : Projects.ofMember(t.connection(), t.collectiveId(), member.memberId())) {
      EthicsGrids.Grid grid = EthicsGrids.openOn(t.connection(), p.id());
      Projects.leave(t.connection(), p.id(), member.memberId(), t.now().toEpochMilli());
      if (grid != null) {
        open.add(grid);
      }
    }
    for (EthicsGrids.Grid grid : open) {
      stopConversation(t, grid, member);
      EthicsRounds.closeIfComplete(t, EthicsGrids.find(t.connection(), grid.id()));
    }
  }

  private static void stopConversation(TurnContext t, EthicsGrids.Grid grid, Member member) throws Exception {
    for (EthicsGrids.Invitee i : EthicsGrids.invitees(t.connection(), grid.id())) {
      if (i.memberId().equals(member.memberId()) && i.conversationId() != null && i.answeredAt() == null) {
        Conversation open = Conversations.find(t.connection(), i.conversationId());
        if (open != null && open.status().open()) {
          TurnContext theirs = t.member().memberId().equals(member.memberId()) ? t : t.as(member, false, t.lang());
          theirs.flows().cancel(theirs, open);
        }
      }
    }
  }

  /** Records which project the member's withdrawal conversation is about (a member has one such conversation at a time). */
  public static void intend(Connection c, String collectiveId, String memberId, long projectId) throws SQLException {
    Sql.update(c, "INSERT INTO project_leaving (collective_id, member_id, project_id) VALUES (?, ?, ?)"
        + " ON CONFLICT (collective_id, member_id) DO UPDATE SET project_id = excluded.project_id", collectiveId, memberId, projectId);
  }

  /** The project the member's withdrawal conversation is about, if one was named. */
  public static Optional<Project> intended(Connection c, String collectiveId, String memberId) throws SQLException {
    try (ResultSet rs = Sql.query(c, "SELECT p.id, p.name FROM project_leaving l JOIN project p ON p.id = l.project_id"
        + " WHERE l.collective_id = ? AND l.member_id = ?", collectiveId, memberId).executeQuery()) {
      return rs.next() ? Optional.of(new Project(rs.getLong(1), collectiveId, rs.getString(2))) : Optional.empty();
    }
  }

  /** Forgets which project the member's withdrawal conversation was about (it ended). */
  public static void forgetIntent(Connection c, String collectiveId, String memberId) throws SQLException {
    Sql.update(c, "DELETE FROM project_leaving WHERE collective_id = ? AND member_id = ?", collectiveId, memberId);
  }
}
