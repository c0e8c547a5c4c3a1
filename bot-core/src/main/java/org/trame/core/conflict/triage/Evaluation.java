package org.trame.core.conflict.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How well the classifier did on labelled cases: accuracy for nature and for sheet over {@code n}
 * cases, where it went wrong, how far its confidence can be believed (accuracy by confidence band),
 * and how many descriptions would get the clarifying question first. {@link #toString()} prints it
 * for people.
 *
 * @param natureBands need/value accuracy of the proposals whose confidence falls in each band
 * @param sheetBands the same for the sheet
 * @param unsure how many cases have a nature margin below {@link TriageModel#ASK_BELOW_MARGIN}: in
 *     the conflict flow they get the clarifying question before any proposal
 * @param unsureRight how many of those the classifier alone would have read right
 */
public record Evaluation(double natureAccuracy, double sheetAccuracy, int n, Confusion natureConfusion,
    Confusion sheetConfusion, List<Band> natureBands, List<Band> sheetBands, int unsure, int unsureRight) {

  /**
   * The lower bounds of the confidence bands, the last one running to 1.0 included. A nature's
   * confidence is never below 0.5 (two natures); a sheet's often is (nine sheets).
   */
  static final double[] BAND_STARTS = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

  public Evaluation {
    natureBands = List.copyOf(natureBands);
    sheetBands = List.copyOf(sheetBands);
  }

  /**
   * The proposals whose confidence is at least {@code from} and below {@code to} (1.0 included in
   * the last band): how many, how many right, and their mean confidence, which a calibrated
   * classifier's accuracy matches.
   */
  public record Band(double from, double to, int n, int right, double meanConfidence) {

    public double accuracy() {
      return n == 0 ? 0 : (double) right / n;
    }

    /** Tallies each case's confidence and rightness into the bands of {@link #BAND_STARTS}. */
    static List<Band> of(double[] confidences, boolean[] right) {
      List<Band> bands = new ArrayList<>();
      for (int b = 0; b < BAND_STARTS.length; b++) {
        double from = BAND_STARTS[b];
        double to = b + 1 < BAND_STARTS.length ? BAND_STARTS[b + 1] : 1.0;
        int n = 0;
        int r = 0;
        double sum = 0;
        for (int i = 0; i < confidences.length; i++) {
          if (band(confidences[i]) == b) {
            n++;
            r += right[i] ? 1 : 0;
            sum += confidences[i];
          }
        }
        bands.add(new Band(from, to, n, r, n == 0 ? 0 : sum / n));
      }
      return bands;
    }

    /** The band a confidence falls in. */
    static int band(double confidence) {
      int b = 0;
      while (b + 1 < BAND_STARTS.length && confidence >= BAND_STARTS[b + 1]) {
        b++;
      }
      return b;
    }

    @Override
    public String toString() {
      return n == 0 ? "-" : twoDecimals(accuracy()) + " (n=" + n + ", mean confidence " + twoDecimals(meanConfidence) + ")";
    }
  }

  /**
   * Counts of cases by expected label (rows) and proposed label (columns).
   *
   * @param labels the labels, in row and column order
   */
  public record Confusion(List<String> labels, int[][] counts) {

    public Confusion {
      labels = List.copyOf(labels);
      int[][] copy = new int[labels.size()][labels.size()];
      for (int i = 0; i < labels.size(); i++) {
        System.arraycopy(counts[i], 0, copy[i], 0, labels.size());
      }
      counts = copy;
    }

    /** How many cases labelled {@code expected} were proposed as {@code proposed}. */
    public int count(String expected, String proposed) {
      return counts[index(expected)][index(proposed)];
    }

    private int index(String label) {
      int i = labels.indexOf(label);
      if (i < 0) {
        throw new IllegalArgumentException("no label " + label);
      }
      return i;
    }

    @Override
    public int[][] counts() {
      int[][] copy = new int[counts.length][];
      for (int i = 0; i < counts.length; i++) {
        copy[i] = counts[i].clone();
      }
      return copy;
    }

    /** Rows: what the case says; columns: what was proposed. */
    @Override
    public String toString() {
      int width = Math.max(5, labels.stream().mapToInt(String::length).max().orElse(1) + 1);
      StringBuilder b = new StringBuilder();
      b.append(pad("", width + 1));
      labels.forEach(l -> b.append(pad(l, width)));
      b.append('\n');
      for (int i = 0; i < labels.size(); i++) {
        b.append(pad(labels.get(i), width)).append('|');
        for (int j = 0; j < labels.size(); j++) {
          b.append(pad(String.valueOf(counts[i][j]), width));
        }
        b.append('\n');
      }
      return b.toString();
    }

    private static String pad(String s, int width) {
      return " ".repeat(Math.max(0, width - s.length())) + s;
    }
  }

  /** The accuracy as people read it: two decimals, a dot. */
  public static String twoDecimals(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  @Override
  public String toString() {
    return "need/value accuracy: " + twoDecimals(natureAccuracy) + " (n=" + n + ")\n"
        + "sheet accuracy: " + twoDecimals(sheetAccuracy) + " (n=" + n + ")\n"
        + "\nneed/value confusion (rows: expected, columns: proposed)\n" + natureConfusion
        + "\nsheet confusion (rows: expected, columns: proposed)\n" + sheetConfusion
        + "\naccuracy by confidence band (confidence: the classifier's probability for what it proposes)\n"
        + bands()
        + "\nclarifying question first (need/value margin below " + twoDecimals(TriageModel.ASK_BELOW_MARGIN) + "): "
        + unsure + " of " + n + " cases; the classifier alone reads "
        + (unsure == 0 ? "-" : twoDecimals((double) unsureRight / unsure)) + " of them right, "
        + (n - unsure == 0 ? "-" : twoDecimals((double) (natureAccuracy * n - unsureRight) / (n - unsure)))
        + " of the others\n"
        + "cases right: need/value " + Math.round(natureAccuracy * n) + ", sheet " + Math.round(sheetAccuracy * n) + " (of " + n + ")\n";
  }

  private String bands() {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-11s %-40s %s%n", "band", "need/value", "sheet"));
    for (int i = 0; i < natureBands.size(); i++) {
      Band nature = natureBands.get(i);
      String label = String.format(Locale.ROOT, "%.1f-%.1f", nature.from(), nature.to());
      b.append(String.format(Locale.ROOT, "  %-11s %-40s %s%n", label, nature, sheetBands.get(i)));
    }
    return b.toString();
  }
}
