package org.trame.core.conflict;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.trame.core.conflict.ConflictCases.Case;
import org.trame.core.conflict.ConflictCases.Party;
import org.trame.core.i18n.Lang;
import org.trame.core.project.EthicsCriteria;
import org.trame.core.project.Project;
import org.trame.core.project.ProjectExit;
import org.trame.core.project.Projects;
import org.trame.core.storage.Member;
import org.trame.core.storage.Members;
import org.trame.core.turn.TurnContext;

/**
 * The project a value conflict is about (sheet 8 of seed 004): its members apply the collective's
 * ethics criteria, and a party may withdraw from it without leaving the collective.
 */
final class CaseProject {

  private CaseProject() {}

  /** The project the party named, else the one another party named for the case, if any still exists. */
  static Optional<Project> of(Connection c, Case k, String named) throws Exception {
    String name = named != null ? named : k.project();
    return name == null ? Optional.empty() : Projects.named(c, k.collectiveId(), name);
  }

  /** Whether the party takes part in the project at stake, so that the grid is theirs to apply. */
  static boolean involved(Connection c, Case k, String named, String memberId) throws Exception {
    Optional<Project> p = of(c, k, named);
    return p.isPresent() && Projects.isMember(c, p.get().id(), memberId);
  }

  /**
   * The party who chose to withdraw leaves the project at stake, and its other members learn it as
   * they would from {@code withdraw <project>}; the party stays in the collective.
   */
  static void withdraw(TurnContext t, Case k, Party p) throws Exception {
    Optional<Project> project = of(t.connection(), k, ValuePath.answers(p).get("project"));
    Member member = Members.find(t.connection(), k.collectiveId(), p.memberId());
    if (project.isPresent() && member != null) {
      ProjectExit.leave(t, project.get(), member, null);
    }
  }

  static List<String> criteria(TurnContext t, Case k, Lang lang) throws Exception {
    return EthicsCriteria.of(t.connection(), k.collectiveId(), lang);
  }
}
