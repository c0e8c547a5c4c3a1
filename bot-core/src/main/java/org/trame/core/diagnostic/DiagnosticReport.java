package org.trame.core.diagnostic;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Texts;
import org.trame.core.port.Attachment;

/**
 * A closed diagnostic's report, from its anonymous counts only: participation, strengths, points to
 * watch, the items where ratings differ most (seed 004 sheet 3: diverging views), each with the
 * sheet or command that helps, the trend since the previous diagnostic, a bar chart and the chart's
 * figures in words (its alternative text). Below {@value #SHOWN_FROM} answers it shows no figure and
 * draws nothing, as check-ins; an item rated (not "I don't know") by fewer than that shows no average.
 */
final class DiagnosticReport {

  /** The same minimum group size as check-ins. */
  static final int SHOWN_FROM = 3;
  static final double STRENGTH = 4.0;
  static final double WATCH = 3.0;
  /** A standard deviation from which ratings are said to diverge: a point or more either side of the average. */
  static final double DIVERGING = 1.0;
  static final int MOST_LISTED = 5;
  static final int MOST_DIVERGING = 3;
  /** The smallest change since the previous diagnostic that the trend lists. */
  static final double NOTABLE_CHANGE = 0.5;

  /** What one item may show. {@code average} is null below the minimum group size. */
  record Figure(DiagnosticItem item, int rated, int unknown, Double average, double spread, int low, int high) {

    static Figure of(DiagnosticItem item, int[] counts) {
      int rated = 0;
      int sum = 0;
      int low = 0;
      int high = 0;
      for (int r = 1; r <= 5; r++) {
        if (counts[r] > 0) {
          low = low == 0 ? r : low;
          high = r;
        }
        rated += counts[r];
        sum += r * counts[r];
      }
      if (rated < SHOWN_FROM) {
        return new Figure(item, rated, counts[0], null, 0, 0, 0);
      }
      double average = (double) sum / rated;
      double squares = 0;
      for (int r = 1; r <= 5; r++) {
        squares += counts[r] * (r - average) * (r - average);
      }
      return new Figure(item, rated, counts[0], average, Math.sqrt(squares / rated), low, high);
    }
  }

  private final DiagnosticStore.Round round;
  private final int invited;
  private final int answered;
  private final Map<DiagnosticItem, Figure> figures;
  private final DiagnosticStore.Round previous;
  private final Map<DiagnosticItem, Figure> before;

  private DiagnosticReport(DiagnosticStore.Round round, int invited, int answered, Map<DiagnosticItem, Figure> figures,
      DiagnosticStore.Round previous, Map<DiagnosticItem, Figure> before) {
    this.round = round;
    this.invited = invited;
    this.answered = answered;
    this.figures = figures;
    this.previous = previous;
    this.before = before;
  }

  static DiagnosticReport of(Connection c, DiagnosticStore.Round round) throws SQLException {
    List<DiagnosticStore.Invitee> invitees = DiagnosticStore.invitees(c, round.id());
    int answered = (int) invitees.stream().filter(i -> i.answeredAt() != null).count();
    Map<DiagnosticItem, Figure> figures = figures(DiagnosticStore.tally(c, round.id()));
    DiagnosticStore.Round previous = DiagnosticStore.previousWithFigures(c, round);
    Map<DiagnosticItem, Figure> before = previous == null ? Map.of() : figures(DiagnosticStore.tally(c, previous.id()));
    return new DiagnosticReport(round, invitees.size(), answered, figures, previous, before);
  }

  private static Map<DiagnosticItem, Figure> figures(Map<DiagnosticItem, int[]> tally) {
    Map<DiagnosticItem, Figure> figures = new EnumMap<>(DiagnosticItem.class);
    tally.forEach((item, counts) -> figures.put(item, Figure.of(item, counts)));
    return figures;
  }

  /**
   * Whether the report shows any figure (and so a chart): at least {@value #SHOWN_FROM} members
   * answered and their ratings are all still counted (one who answered and was then forgotten is not).
   */
  boolean shown() {
    int counted = figures.values().stream().mapToInt(f -> f.rated() + f.unknown()).max().orElse(0);
    return answered >= SHOWN_FROM && counted >= SHOWN_FROM && figures.values().stream().anyMatch(f -> f.average() != null);
  }

  int answered() {
    return answered;
  }

  int invited() {
    return invited;
  }

  static String number(double value, Lang lang) {
    return String.format(lang == Lang.FR ? Locale.FRANCE : Locale.ROOT, "%.1f", value);
  }

  private static LocalDate day(long millis) {
    return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static String help(Texts texts, Lang lang, DiagnosticItem.Help h) {
    return h.sheet() > 0 ? texts.get(DiagnosticMsg.DIAGNOSTIC_SEE_SHEET, lang, "number", h.sheet())
        : texts.get(DiagnosticMsg.DIAGNOSTIC_SEE_COMMAND, lang, "command", h.words(lang));
  }

  private List<Figure> withAverage() {
    return figures.values().stream().filter(f -> f.average() != null).toList();
  }

  String text(Texts texts, Lang lang) {
    List<String> out = new ArrayList<>();
    out.add(texts.get(DiagnosticMsg.DIAGNOSTIC_REPORT_HEADER, lang, "number", round.number(),
        "date", day(round.closedAt() == null ? round.openedAt() : round.closedAt())));
    out.add(texts.get(DiagnosticMsg.DIAGNOSTIC_REPORT_PARTICIPATION, lang, "answered", answered, "invited", invited));
    if (!shown()) {
      out.add(texts.get(DiagnosticMsg.DIAGNOSTIC_REPORT_TOO_FEW, lang, "least", SHOWN_FROM));
      return String.join("\n", out);
    }
    List<Figure> rated = withAverage();
    out.add(texts.get(DiagnosticMsg.DIAGNOSTIC_REPORT_STRENGTHS, lang));
    list(out, texts, lang, rated.stream().filter(f -> f.average() >= STRENGTH - 1e-9)
        .sorted(Comparator.comparing(Figure::average).reversed()).limit(MOST_LISTED).toList());
    out.add(texts.get(DiagnosticMsg.DIAGNOSTIC_REPORT_WATCH, lang));
    list(out, texts, lang, rated.stream().filter(f -> f.average() < WATCH - 1e-9)
        .sorted(Comparator.comparing(Figure::average)).limit(MOST_LISTED).toList());
    out.add(texts.get(DiagnosticMsg.DIAGNOSTIC_REPORT_DIVERGE, lang));
    List<Figure> diverging = rated.stream().filter(f -> f.spread() >= DIVERGING - 1e-9)
        .sorted(Comparator.comparing(Figure::spread).reversed()).limit(MOST_DIVERGING).toList();
    if (diverging.isEmpty()) {
      out.add(texts.get(DiagnosticMsg.DIAGNOSTIC_REPORT_NONE, lang));
    }
    for (Figure f : diverging) {
      out.add(texts.get(DiagnosticMsg.DIAGNOSTIC_REPORT_DIVERGE_ITEM, lang, "item", texts.get(f.item().label(), lang),
          "low", f.low(), "high", f.high(), "spread", number(f.spread(), lang), "help", help(texts, lang, f.item().help)));
    }
    List<String> unsure = figures.values().stream().filter(f -> f.unknown() > 0 && 2 * f.unknown() >= answered)
        .map(f -> texts.get(f.item().label(), lang)).toList();
    if (!unsure.isEmpty()) {
      out.add(texts.get(DiagnosticMsg.DIAGNOSTIC_REPORT_UNKNOWN, lang, "items", String.join(", ", unsure)));
    }
    if (previous != null) {
      out.add(texts.get(DiagnosticMsg.DIAGNOSTIC_REPORT_TREND, lang, "number", previous.number(),
          "date", day(previous.closedAt() == null ? previous.openedAt() : previous.closedAt())));
      List<String> changes = new ArrayList<>();
      rated.stream().filter(f -> before.containsKey(f.item()) && before.get(f.item()).average() != null)
          .filter(f -> Math.abs(f.average() - before.get(f.item()).average()) >= NOTABLE_CHANGE - 1e-9)
          .sorted(Comparator.comparing((Figure f) -> Math.abs(f.average() - before.get(f.item()).average())).reversed())
          .forEach(f -> {
            double was = before.get(f.item()).average();
            double delta = f.average() - was;
            changes.add(texts.get(DiagnosticMsg.DIAGNOSTIC_REPORT_TREND_ITEM, lang, "item", texts.get(f.item().label(), lang),
                "before", number(was, lang), "now", number(f.average(), lang),
                "change", (delta > 0 ? "↗ +" : "↘ −") + number(Math.abs(delta), lang)));
          });
      if (changes.isEmpty()) {
        changes.add(texts.get(DiagnosticMsg.DIAGNOSTIC_REPORT_TREND_STEADY, lang));
      }
      out.addAll(changes);
    }
    out.add(alt(texts, lang));
    return String.join("\n", out);
  }

  private static void list(List<String> out, Texts texts, Lang lang, List<Figure> figures) {
    if (figures.isEmpty()) {
      out.add(texts.get(DiagnosticMsg.DIAGNOSTIC_REPORT_NONE, lang));
    }
    for (Figure f : figures) {
      out.add(texts.get(DiagnosticMsg.DIAGNOSTIC_REPORT_ITEM, lang, "item", texts.get(f.item().label(), lang),
          "average", number(f.average(), lang), "count", f.rated(), "help", help(texts, lang, f.item().help)));
    }
  }

  /** The chart's alternative text: every item's average in the chart's order, or why it has none. */
  String alt(Texts texts, Lang lang) {
    List<String> parts = new ArrayList<>();
    for (DiagnosticItem item : DiagnosticItem.values()) {
      Figure f = figures.get(item);
      String value = f == null || f.average() == null ? texts.get(DiagnosticMsg.DIAGNOSTIC_REPORT_HIDDEN, lang) : number(f.average(), lang);
      Figure b = before.get(item);
      if (f != null && f.average() != null && b != null && b.average() != null) {
        value = texts.get(DiagnosticMsg.DIAGNOSTIC_REPORT_ALT_BEFORE, lang, "now", value, "before", number(b.average(), lang));
      }
      parts.add(texts.get(item.label(), lang) + " " + value);
    }
    return texts.get(DiagnosticMsg.DIAGNOSTIC_REPORT_ALT, lang, "figures", String.join(" · ", parts));
  }

  /** The bar chart, or null when the report shows no figure: fewer than three answers draw nothing. */
  Attachment chart(Texts texts, Lang lang) {
    if (!shown()) {
      return null;
    }
    boolean trend = previous != null;
    List<DiagnosticChart.Bar> bars = new ArrayList<>();
    for (DiagnosticItem item : DiagnosticItem.values()) {
      Figure f = figures.get(item);
      Figure b = before.get(item);
      bars.add(new DiagnosticChart.Bar(texts.get(item.label(), lang), f == null ? null : f.average(), b == null ? null : b.average()));
    }
    byte[] png = DiagnosticChart.png(texts.get(DiagnosticMsg.DIAGNOSTIC_CHART_TITLE, lang, "number", round.number()),
        texts.get(DiagnosticMsg.DIAGNOSTIC_CHART_X, lang), texts.get(DiagnosticMsg.DIAGNOSTIC_CHART_NOW, lang, "number", round.number()),
        trend ? texts.get(DiagnosticMsg.DIAGNOSTIC_CHART_BEFORE, lang, "number", previous.number()) : null, bars,
        lang == Lang.FR ? Locale.FRANCE : Locale.ROOT);
    return Attachment.png("diagnostic-" + round.number() + ".png", png, alt(texts, lang));
  }
}
