package org.trame.core.conflict;

import java.util.Locale;

/**
 * Where a case stands. The need path follows tool sheet 3 of seed 004: a preparatory phase, then
 * needs, solutions, evaluation, choice (with the decision checked by everyone), action plan, and the
 * evaluation of the result on an agreed date. The value path is one phase of its own.
 */
enum Phase {
  INVITE("conflict_invite", 0),
  PREP("conflict_prep", 0),
  NEEDS("conflict_needs", 1),
  SOLUTIONS("conflict_solutions", 2),
  RATING("conflict_rating", 3),
  CHOICE("conflict_choice", 4),
  DECISION("conflict_decision", 4),
  PLAN("conflict_plan", 5),
  FOLLOWUP(null, 6),
  REVIEW("conflict_review", 6),
  VALUE("conflict_value", 0),
  CLOSED(null, 0);

  /** The flow each party runs in this phase; null while the case waits. */
  final String flow;
  /** The step of the six this phase belongs to; 0 outside them. */
  final int step;

  Phase(String flow, int step) {
    this.flow = flow;
    this.step = step;
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
