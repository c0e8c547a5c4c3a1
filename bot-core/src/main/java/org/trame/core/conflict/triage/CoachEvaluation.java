package org.trame.core.conflict.triage;

import java.util.List;
import java.util.Optional;
import org.trame.core.i18n.Lang;

/**
 * How well the I-message coach did on labelled statements: the share of blames and solutions it
 * flagged (recall, over {@code flaggable} cases), the share of needs it flagged all the same (false
 * alarms, over {@code needs} cases), and the confusion table. {@link #toString()} prints it for people.
 */
public record CoachEvaluation(double recall, int flaggable, double falseAlarms, int needs, Evaluation.Confusion confusion) {

  static final List<String> LABELS = List.of("blame", "solution", "need");

  /** Runs the coach on every case, in the language it seems written in. */
  public static CoachEvaluation of(IMessageCoach coach, List<CoachCorpus.Case> cases) {
    int[][] counts = new int[3][3];
    int flaggable = 0;
    int caught = 0;
    int needs = 0;
    int alarms = 0;
    for (CoachCorpus.Case c : cases) {
      Optional<IMessageCoach.Finding> f = coach.check(c.text(), guessLang(c.text()));
      int found = f.map(x -> x.kind().ordinal()).orElse(2);
      counts[c.label().ordinal()][found]++;
      if (c.label() == CoachCorpus.Label.NEED) {
        needs++;
        alarms += f.isPresent() ? 1 : 0;
      } else {
        flaggable++;
        caught += f.isPresent() ? 1 : 0;
      }
    }
    return new CoachEvaluation(flaggable == 0 ? 0 : (double) caught / flaggable, flaggable,
        needs == 0 ? 0 : (double) alarms / needs, needs, new Evaluation.Confusion(LABELS, counts));
  }

  /** The language a member set to it would most likely write this in: French words win over English ones. */
  static Lang guessLang(String text) {
    int fr = 0;
    int en = 0;
    for (String t : TriageText.tokens(text)) {
      if (List.of("je", "j", "de", "le", "la", "les", "et", "est", "que", "pas", "il", "ne", "nous", "des", "une", "un").contains(t)) {
        fr++;
      } else if (List.of("i", "the", "and", "is", "to", "of", "we", "it", "he", "she", "they", "not", "a", "my").contains(t)) {
        en++;
      }
    }
    return en > fr ? Lang.EN : Lang.FR;
  }

  @Override
  public String toString() {
    return "flag recall: " + Evaluation.twoDecimals(recall) + " (n=" + flaggable + ")\n"
        + "false alarms: " + Evaluation.twoDecimals(falseAlarms) + " (n=" + needs + ")\n"
        + "\nconfusion (rows: expected, columns: found; need = not flagged)\n" + confusion;
  }
}
