package org.trame.core.checkin;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Texts;
import org.trame.core.storage.Member;
import org.trame.core.storage.Members;

/**
 * Drift signals for coordinators at a round's close, each saying what it rests on and which seed
 * sheet or flow may help: a member silent two rounds in a row (seed 003: keep the base from
 * dropping out), alignment falling by a point or more against the three previous rounds, fairness
 * of contributions below 3. Only figures the report itself may show are used, so a signal never
 * reveals more than the report; the silence signal names a member but rests on no answer.
 */
final class CheckinDrift {

  static final int SILENT_ROUNDS = 2;
  static final double ALIGNMENT_DROP = 1.0;
  static final int ALIGNMENT_BASIS = 3;
  static final double FAIRNESS_FLOOR = 3.0;
  /** How far back a silence is counted: a year of weekly rounds. */
  static final int LONGEST_STREAK = 52;

  private CheckinDrift() {}

  static List<String> signals(Connection c, CheckinStore.Round round, CheckinReport report, Texts texts, Lang lang) throws SQLException {
    List<String> out = new ArrayList<>();
    silent(c, round, texts, lang, out);
    CheckinReport.Figures now = report.figures();
    Double alignment = now.average(CheckinReport.Question.ALIGNMENT);
    List<Double> before = report.earlier(CheckinReport.Question.ALIGNMENT);
    if (alignment != null && before.size() >= ALIGNMENT_BASIS) {
      double mean = before.subList(0, ALIGNMENT_BASIS).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      // A small tolerance so that 4.0 against 5.0 counts as the full point it is.
      if (mean - alignment >= ALIGNMENT_DROP - 1e-9) {
        out.add(texts.get(CheckinMsg.CHECKIN_DRIFT_ALIGNMENT, lang, "now", CheckinReport.number(alignment, lang),
            "before", CheckinReport.number(mean, lang), "drop", CheckinReport.number(mean - alignment, lang), "count", now.answers()));
        // A falling alignment is a moment for the cooperation diagnostic (seeds 000/001).
        out.add(texts.get(CheckinMsg.CHECKIN_DRIFT_DIAGNOSTIC, lang));
      }
    }
    Double fairness = now.average(CheckinReport.Question.FAIRNESS);
    if (fairness != null && fairness < FAIRNESS_FLOOR) {
      out.add(texts.get(CheckinMsg.CHECKIN_DRIFT_FAIRNESS, lang, "value", CheckinReport.number(fairness, lang), "count", now.answers()));
    }
    return out;
  }

  /** Members asked in this round and the ones before who neither answered nor skipped, every time. */
  private static void silent(Connection c, CheckinStore.Round round, Texts texts, Lang lang, List<String> out)
      throws SQLException {
    List<CheckinStore.Round> earlierRounds = CheckinStore.closedUpTo(c, round.collectiveId(), round.id(), LONGEST_STREAK + 1);
    java.util.Collections.reverse(earlierRounds);
    earlierRounds.remove(0); // this round
    for (CheckinStore.Invitee i : CheckinStore.invitees(c, round.id())) {
      if (!i.silent() || i.askedAt() == null) {
        continue;
      }
      int streak = 1;
      for (CheckinStore.Round earlier : earlierRounds) {
        CheckinStore.Invitee then = CheckinStore.invitee(c, earlier.id(), i.memberId());
        if (then == null || !then.silent() || then.askedAt() == null) {
          break;
        }
        streak++;
      }
      if (streak >= SILENT_ROUNDS) {
        Member m = Members.find(c, round.collectiveId(), i.memberId());
        String name = m == null || m.displayName() == null || m.displayName().isBlank() ? i.memberId() : m.displayName();
        out.add(texts.get(CheckinMsg.CHECKIN_DRIFT_SILENT, lang, "member", name, "count", streak));
      }
    }
  }
}
