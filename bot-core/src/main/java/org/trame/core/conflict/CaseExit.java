package org.trame.core.conflict;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.trame.core.conflict.ConflictCases.Case;
import org.trame.core.conflict.ConflictCases.Party;
import org.trame.core.storage.Member;
import org.trame.core.storage.Sql;
import org.trame.core.turn.TurnContext;

/**
 * Leaving a conflict space by the right of withdrawal (seed 004 sheet 8; org.trame.core.privacy):
 * the member's plan steps are released and the others told, then the space goes on for the
 * others, or stops when fewer than two remain, as when a party stops.
 */
public final class CaseExit {

  /** What a released plan step's owner becomes: nobody yet. */
  static final String NOBODY = "—";

  private final CasePhases phases;

  CaseExit(CasePhases phases) {
    this.phases = phases;
  }

  /** The open space in which the member is still a party, or null. */
  public static Long openCaseOf(Connection c, String collectiveId, String memberId) throws SQLException {
    return ConflictCases.openCaseOf(c, collectiveId, memberId);
  }

  /** The steps of the space's current plan the member owns, as "what (due date)". */
  public static List<String> commitments(Connection c, long caseId, Member m) throws SQLException {
    List<String> mine = new ArrayList<>();
    for (ConflictCases.Action a : ConflictCases.plan(c, caseId)) {
      if (owns(a.owner(), m)) {
        mine.add(a.what() + " (" + a.dueDate() + ")");
      }
    }
    return mine;
  }

  private static boolean owns(String owner, Member m) {
    return owner.equalsIgnoreCase(m.memberId()) || owner.equalsIgnoreCase(Parties.name(m));
  }

  /**
   * The member leaves the space: their steps released (the other parties told each one), the
   * others told {@code announcement} when the member approved words, else only that they left;
   * then the space goes on or stops. Returns whom it told.
   */
  public List<String> leave(TurnContext t, long caseId, Member m, String announcement) throws Exception {
    Case k = ConflictCases.find(t.connection(), caseId);
    Party p = k == null ? null : ConflictCases.parties(t.connection(), caseId).stream()
        .filter(x -> x.memberId().equals(m.memberId())).findFirst().orElse(null);
    if (p == null || !p.active() || k.phase() == Phase.CLOSED) {
      return List.of();
    }
    List<String> released = commitments(t.connection(), caseId, m);
    Sql.update(t.connection(), "UPDATE conflict_action SET owner = ? WHERE case_id = ? AND (owner = ? OR owner = ?) AND plan_seq ="
        + " (SELECT max(plan_seq) FROM conflict_action WHERE case_id = ?)", NOBODY, caseId, m.memberId(), Parties.name(m), caseId);
    CasePhases.closeConversation(t, p);
    List<String> told = new ArrayList<>();
    for (Party other : CasePhases.active(t, caseId)) {
      if (other.memberId().equals(m.memberId())) {
        continue;
      }
      TurnContext theirs = CasePhases.to(t, other.memberId());
      if (announcement != null) {
        theirs.say(announcement);
      } else {
        theirs.say(ConflictMsg.WITHDRAW_CASE_FACT, "case", caseId, "name", Parties.name(m));
      }
      for (String step : released) {
        theirs.say(ConflictMsg.WITHDRAW_RELEASED, "case", caseId, "name", Parties.name(m), "what", step);
      }
      told.add(other.memberId());
    }
    if (announcement != null && !k.openedBy().equals(m.memberId()) && !told.contains(k.openedBy())) {
      CasePhases.asCoordinator(t, k.openedBy()).say(announcement);
      told.add(k.openedBy());
    }
    phases.leave(t, k, p, "stopped", ConflictMsg.CONFLICT_PARTY_STOPPED);
    return told;
  }
}
