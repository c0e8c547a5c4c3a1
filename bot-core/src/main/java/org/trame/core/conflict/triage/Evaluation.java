package org.trame.core.conflict.triage;

import java.util.List;
import java.util.Locale;

/**
 * How well the classifier did on labelled cases: accuracy for nature and for sheet over {@code n}
 * cases, and where it went wrong. {@link #toString()} prints it for people.
 */
public record Evaluation(double natureAccuracy, double sheetAccuracy, int n, Confusion natureConfusion,
    Confusion sheetConfusion) {

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
        + "\nsheet confusion (rows: expected, columns: proposed)\n" + sheetConfusion;
  }
}
