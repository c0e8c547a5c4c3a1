package org.trame.core.conflict;

import java.util.Locale;

/**
 * Where a case stands. The need path follows tool sheet 3 of seed 004: a preparatory phase, then
 * needs, solutions, evaluation, choice (with the decision checked by everyone), action plan, and the
 * evaluation of the result on an agreed date. The value path is one phase of its own.
 */
enum Phase {
  INVITE("conflict_invite"),
  PREP("conflict_prep"),
  NEEDS("conflict_needs"),
  SOLUTIONS("conflict_solutions"),
  RATING("conflict_rating"),
  CHOICE("conflict_choice"),
  DECISION("conflict_decision"),
  PLAN("conflict_plan"),
  FOLLOWUP(null),
  REVIEW("conflict_review"),
  VALUE("conflict_value"),
  CLOSED(null);

  /** The flow each party runs in this phase; null while the case waits. */
  final String flow;

  Phase(String flow) {
    this.flow = flow;
  }

  String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Phase of(String word) {
    return valueOf(word.toUpperCase(Locale.ROOT));
  }

  static Phase ofFlow(String flow) {
    for (Phase p : values()) {
      if (flow.equals(p.flow)) {
        return p;
      }
    }
    return null;
  }
}
