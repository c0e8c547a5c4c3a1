package org.trame.core.checkin;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Texts;
import org.trame.core.port.Attachment;
import org.trame.core.report.ChartSpec;
import org.trame.core.report.Series;
import org.trame.core.report.TrendChart;
import org.trame.core.i18n.MessageKey;

/**
 * A closed round's report: participation, and per question the average, the distribution and the
 * trend against earlier rounds, the remarks their authors agreed to show, and a chart of the last
 * rounds. It is built from unattributed answers only, so it cannot say who answered what; in an
 * anonymous collective a round with fewer than {@value #SHOWN_FROM} answers shows no figure at all.
 */
final class CheckinReport {

  static final int SHOWN_FROM = 3;
  static final int CHART_ROUNDS = 12;
  static final int CHART_WIDTH = 800;
  static final int CHART_HEIGHT = 400;
  /** The most characters of remarks one report carries (Slack and Discord split long texts, within limits). */
  static final int MOST_REMARK_CHARS = 8_000;

  /** The four questions, in the flow's order, with how to read each from a member's answers. */
  enum Question {
    ALIGNMENT(CheckinMsg.CHECKIN_Q_ALIGNMENT, CheckinStore.Answers::alignment),
    ENGAGEMENT(CheckinMsg.CHECKIN_Q_ENGAGEMENT, CheckinStore.Answers::engagement),
    FAIRNESS(CheckinMsg.CHECKIN_Q_FAIRNESS, CheckinStore.Answers::fairness),
    TRUST(CheckinMsg.CHECKIN_Q_TRUST, CheckinStore.Answers::trust);

    final MessageKey label;
    final Function<CheckinStore.Answers, Integer> score;

    Question(MessageKey label, Function<CheckinStore.Answers, Integer> score) {
      this.label = label;
      this.score = score;
    }
  }

  /** What one round may show: per question, the average (null when hidden or absent) and the counts of 1..5. */
  record Figures(int answers, Double[] averages, int[][] distribution) {

    Double average(Question q) {
      return averages[q.ordinal()];
    }

    boolean shown() {
      for (Double a : averages) {
        if (a != null) {
          return true;
        }
      }
      return false;
    }

    static Figures of(CheckinStore.Round round, List<CheckinStore.Answers> answers) {
      Double[] averages = new Double[Question.values().length];
      int[][] distribution = new int[Question.values().length][5];
      for (Question q : Question.values()) {
        int n = 0;
        int sum = 0;
        for (CheckinStore.Answers a : answers) {
          Integer v = q.score.apply(a);
          if (v != null && v >= 1 && v <= 5) {
            n++;
            sum += v;
            distribution[q.ordinal()][v - 1]++;
          }
        }
        // Fewer than three scores could point at someone: an anonymous round shows nothing then.
        boolean visible = n > 0 && (!round.anonymous() || n >= SHOWN_FROM);
        averages[q.ordinal()] = visible ? (double) sum / n : null;
        if (!visible) {
          distribution[q.ordinal()] = null;
        }
      }
      return new Figures(answers.size(), averages, distribution);
    }
  }

  private final CheckinStore.Round round;
  private final List<CheckinStore.Invitee> invitees;
  private final List<String> remarks;
  /** Closed rounds up to this one, oldest first, this one last, with their figures. */
  private final List<CheckinStore.Round> history;
  private final List<Figures> historyFigures;

  private CheckinReport(CheckinStore.Round round, List<CheckinStore.Invitee> invitees, List<String> remarks,
      List<CheckinStore.Round> history, List<Figures> historyFigures) {
    this.round = round;
    this.invitees = invitees;
    this.remarks = remarks;
    this.history = history;
    this.historyFigures = historyFigures;
  }

  static CheckinReport of(Connection c, CheckinStore.Round round) throws SQLException {
    List<CheckinStore.Round> history = CheckinStore.closedUpTo(c, round.collectiveId(), round.id(), CHART_ROUNDS);
    List<Figures> figures = new ArrayList<>();
    List<String> remarks = new ArrayList<>();
    for (CheckinStore.Round r : history) {
      List<CheckinStore.Answers> answers = CheckinStore.answers(c, r.id());
      figures.add(Figures.of(r, answers));
      if (r.id() == round.id()) {
        answers.stream().map(CheckinStore.Answers::remark).filter(x -> x != null && !x.isBlank()).forEach(remarks::add);
      }
    }
    return new CheckinReport(round, CheckinStore.invitees(c, round.id()), remarks, history, figures);
  }

  CheckinStore.Round round() {
    return round;
  }

  Figures figures() {
    return historyFigures.get(historyFigures.size() - 1);
  }

  /** The averages of earlier rounds for {@code q}, most recent first, only where they were shown. */
  List<Double> earlier(Question q) {
    List<Double> values = new ArrayList<>();
    for (int i = historyFigures.size() - 2; i >= 0; i--) {
      Double v = historyFigures.get(i).average(q);
      if (v != null) {
        values.add(v);
      }
    }
    return values;
  }

  /** The round's day: the schedule's local date, or the UTC day a round opened by hand started. */
  String date() {
    return label(round);
  }

  private static String label(CheckinStore.Round r) {
    if (r.manual()) {
      return Instant.ofEpochMilli(r.openedAt() == null ? r.dueAt() : r.openedAt()).atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
    return r.occurrence().substring(0, 10);
  }

  static String number(double value, Lang lang) {
    return String.format(lang == Lang.FR ? Locale.FRANCE : Locale.ROOT, "%.1f", value);
  }

  String text(Texts texts, Lang lang, org.trame.core.i18n.Moment next) {
    List<String> out = new ArrayList<>();
    out.add(texts.get(CheckinMsg.CHECKIN_REPORT_HEADER, lang, "date", java.time.LocalDate.parse(date())));
    long answered = invitees.stream().filter(i -> i.answeredAt() != null).count();
    long skipped = invitees.stream().filter(i -> i.answeredAt() == null && i.skippedAt() != null).count();
    out.add(texts.get(CheckinMsg.CHECKIN_REPORT_PARTICIPATION, lang, "answered", answered, "invited", invitees.size(), "skipped", skipped));
    Figures now = figures();
    if (!now.shown()) {
      out.add(texts.get(CheckinMsg.CHECKIN_REPORT_TOO_FEW, lang));
    } else {
      for (Question q : Question.values()) {
        Double average = now.average(q);
        if (average == null) {
          continue;
        }
        List<Double> before = earlier(q);
        String trend = before.isEmpty() ? texts.get(CheckinMsg.CHECKIN_REPORT_NO_TREND, lang) : trend(average, before.get(0), lang);
        int[] d = now.distribution()[q.ordinal()];
        String distribution = "1:" + d[0] + " · 2:" + d[1] + " · 3:" + d[2] + " · 4:" + d[3] + " · 5:" + d[4];
        out.add(texts.get(CheckinMsg.CHECKIN_REPORT_QUESTION, lang, "question", texts.get(q.label, lang), "average", number(average, lang),
            "trend", trend, "distribution", distribution));
      }
      if (!remarks.isEmpty()) {
        out.add(texts.get(CheckinMsg.CHECKIN_REPORT_REMARKS, lang));
        // A large collective's remarks would make a report no chat can carry: the first ones up to a budget, then a count.
        int used = 0;
        int shown = 0;
        for (String r : remarks) {
          // Whole: the flow already bounds each remark, and its author agreed to show what they wrote, not a part of it.
          String whole = r.replace('\n', ' ').strip();
          String line = lang == Lang.FR ? "• « " + whole + " »" : "• \"" + whole + "\"";
          if (used + line.length() > MOST_REMARK_CHARS) {
            break;
          }
          out.add(line);
          used += line.length();
          shown++;
        }
        if (shown < remarks.size()) {
          out.add(texts.get(CheckinMsg.CHECKIN_REPORT_MORE_REMARKS, lang, "count", remarks.size() - shown));
        }
      }
      out.add(texts.get(CheckinMsg.CHECKIN_REPORT_CHART, lang, "count", history.size()));
    }
    if (next != null) {
      out.add(texts.get(CheckinMsg.CHECKIN_REPORT_NEXT, lang, "next", next));
    }
    return String.join("\n", out);
  }

  private static String trend(double now, double before, Lang lang) {
    double delta = now - before;
    if (Math.abs(delta) < 0.05) {
      return "→ =";
    }
    return (delta > 0 ? "↗ +" : "↘ −") + number(Math.abs(delta), lang);
  }

  /** The chart of the averages over the last rounds, or null when this round shows no figure. */
  Attachment chart(Texts texts, Lang lang) {
    if (!figures().shown()) {
      return null;
    }
    List<String> labels = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (CheckinStore.Round r : history) {
      String l = label(r);
      for (int n = 2; !seen.add(l); n++) {
        l = label(r) + " (" + n + ")";
      }
      labels.add(l);
    }
    List<Series> series = new ArrayList<>();
    for (Question q : Question.values()) {
      List<Double> values = new ArrayList<>();
      historyFigures.forEach(f -> values.add(f.average(q)));
      series.add(new Series(texts.get(q.label, lang), values));
    }
    ChartSpec spec = new ChartSpec(texts.get(CheckinMsg.CHECKIN_CHART_TITLE, lang), texts.get(CheckinMsg.CHECKIN_CHART_Y, lang), labels, series,
        1, 5, CHART_WIDTH, CHART_HEIGHT);
    return Attachment.png("checkin-trend.png", TrendChart.png(spec), describe(texts, lang, spec));
  }

  /**
   * The chart in words, for screen readers (Slack's {@code alt_txt}): per question, its average
   * at each round, oldest first, {@code –} where a round showed none.
   */
  static String describe(Texts texts, Lang lang, ChartSpec spec) {
    List<String> series = new ArrayList<>();
    for (Series s : spec.series()) {
      List<String> values = new ArrayList<>();
      for (Double v : s.values()) {
        values.add(v == null ? "–" : number(v, lang));
      }
      series.add(s.name() + (lang == Lang.FR ? " : " : ": ") + String.join(" → ", values));
    }
    List<String> labels = spec.xLabels();
    return texts.get(CheckinMsg.CHECKIN_CHART_ALT, lang, "title", spec.title(), "first", labels.get(0),
        "last", labels.get(labels.size() - 1), "series", String.join("; ", series) + ".");
  }
}
