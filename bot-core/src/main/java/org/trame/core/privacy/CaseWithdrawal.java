package org.trame.core.privacy;

import java.sql.Connection;
import java.util.List;
import org.trame.core.engine.ActionContext;

/** Leaving a conflict space: the space goes on for the others, or closes when too few remain. */
final class CaseWithdrawal {

  private CaseWithdrawal() {}

  /** The latest open space where the member is a party still taking part, or null. */
  static Long openCase(Connection c, String collectiveId, String memberId) {
    return null;
  }

  /** The action-plan steps the member owns in {@code caseId} (every open space when null), as lines. */
  static List<String> commitments(Connection c, String collectiveId, String memberId, Long caseId) {
    return List.of();
  }

  /** Leaves {@code caseId} (every open space when null); returns who was told. */
  static List<String> leave(ActionContext ctx, PrivacyFeature privacy, String collectiveId, String memberId, Long caseId,
      String approvedWords) {
    return List.of();
  }
}
