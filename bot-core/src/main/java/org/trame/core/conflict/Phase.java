package org.trame.core.conflict;

import java.util.Locale;

/**
 * Where a case stands. The need path follows tool sheet 3 of seed 004: a preparatory phase, then
 * needs (each restated by another party and recognised by its author, then a shared goal),
 * solutions, evaluation, choice (with the decision checked by everyone), action plan (approved by
 * everyone), and the evaluation of the result on an agreed date. The value path shares the
 * listening phases: convictions, restated and recognised, then what can be done together.
 */
enum Phase {
  INVITE("conflict_invite"),
  PREP("conflict_prep"),
  NEEDS("conflict_needs"),
  LISTEN("conflict_listen"),
  RECOGNISE("conflict_recognise"),
  GOAL("conflict_goal"),
  SOLUTIONS("conflict_solutions"),
  RATING("conflict_rating"),
  CHOICE("conflict_choice"),
  DECISION("conflict_decision"),
  PLAN("conflict_plan"),
  APPROVAL("conflict_approval"),
  FOLLOWUP(null),
  REVIEW("conflict_review"),
  VALUE("conflict_value"),
  TOGETHER("conflict_together"),
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
