package org.trame.core.report;

import java.util.List;
import java.util.Objects;

/**
 * What a trend chart shows: one line per series over the round labels, on a fixed y range (so two
 * charts of the same question compare at a glance), drawn at a given size in pixels.
 *
 * <p>A spec that cannot be drawn sensibly is refused here, with a message saying why: no rounds,
 * no series, a series whose length differs from the rounds', an empty or inverted y range, a
 * value outside it, or a size outside {@value #SMALLEST}..{@value #LARGEST} pixels.
 */
public record ChartSpec(String title, String yLabel, List<String> xLabels, List<Series> series,
                        double yMin, double yMax, int width, int height) {

  /** Smallest side in pixels: below it the labels no longer fit. */
  public static final int SMALLEST = 120;
  /** Largest side in pixels: a chat attachment, not a poster (and it bounds memory). */
  public static final int LARGEST = 4000;

  public ChartSpec {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(yLabel, "yLabel");
    Objects.requireNonNull(xLabels, "xLabels");
    Objects.requireNonNull(series, "series");
    if (xLabels.isEmpty()) {
      throw new IllegalArgumentException("a chart needs at least one round (xLabels is empty)");
    }
    for (String label : xLabels) {
      if (label == null) {
        throw new IllegalArgumentException("a round label is missing (null in xLabels)");
      }
    }
    if (series.isEmpty()) {
      throw new IllegalArgumentException("a chart needs at least one series");
    }
    for (Series s : series) {
      Objects.requireNonNull(s, "series element");
      if (s.values().size() != xLabels.size()) {
        throw new IllegalArgumentException("series '" + s.name() + "' has " + s.values().size()
            + " values but the chart has " + xLabels.size() + " rounds");
      }
    }
    if (!Double.isFinite(yMin) || !Double.isFinite(yMax) || yMin >= yMax) {
      throw new IllegalArgumentException("the y range must be finite with yMin < yMax, got " + yMin + ".." + yMax);
    }
    double slack = (yMax - yMin) * 1e-9;
    for (Series s : series) {
      for (Double v : s.values()) {
        // A point off the chart would be cut at the edge and read as a false figure.
        if (v != null && (v < yMin - slack || v > yMax + slack)) {
          throw new IllegalArgumentException("series '" + s.name() + "' has " + v + ", outside the chart's range "
              + yMin + ".." + yMax);
        }
      }
    }
    if (width < SMALLEST || width > LARGEST || height < SMALLEST || height > LARGEST) {
      throw new IllegalArgumentException("a chart is " + SMALLEST + ".." + LARGEST + " pixels on each side, got "
          + width + "x" + height);
    }
    xLabels = List.copyOf(xLabels);
    series = List.copyOf(series);
  }
}
