package org.trame.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws a trend chart as PNG bytes, headless: one line per series over the rounds, a legend, a fixed
 * y range, and a gap where a round has no figure. The same spec gives the same bytes on the same
 * machine (no timestamps, fixed colours and fonts), so a report can be regenerated and compared.
 */
public final class TrendChart {

  static {
    // Charts are drawn on servers with no display; set before AWT loads, unless someone chose.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Colours that stay apart for colour-blind readers (Okabe–Ito), in series order. */
  static final List<Color> PALETTE = List.of(
      new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
      new Color(0xCC, 0x79, 0xA7), new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9),
      new Color(0x00, 0x00, 0x00), new Color(0xF0, 0xE4, 0x42));

  private static final String FONT = Font.SANS_SERIF;
  /** Past this many rounds the labels are slanted so they do not overlap. */
  private static final int UPRIGHT_LABELS = 8;

  private TrendChart() {
  }

  /** The chart as PNG bytes, exactly {@code spec.width()} × {@code spec.height()} pixels. */
  public static byte[] png(ChartSpec spec) {
    if (spec == null) {
      throw new IllegalArgumentException("no chart spec given");
    }
    JFreeChart chart = chart(spec);
    return ChartPng.of(chart, spec.width(), spec.height());
  }

  static JFreeChart chart(ChartSpec spec) {
    var data = new DefaultCategoryDataset();
    for (Series s : spec.series()) {
      for (int round = 0; round < spec.xLabels().size(); round++) {
        // Round labels may repeat (two rounds the same day): the key keeps them apart, the axis shows the label.
        data.addValue(s.values().get(round), s.name(), new RoundKey(round, spec.xLabels().get(round)));
      }
    }

    var xAxis = new CategoryAxis(null);
    xAxis.setTickLabelFont(new Font(FONT, Font.PLAIN, 12));
    xAxis.setTickLabelPaint(Color.DARK_GRAY);
    xAxis.setCategoryMargin(0.0);
    xAxis.setLowerMargin(0.04);
    xAxis.setUpperMargin(0.04);
    if (spec.xLabels().size() > UPRIGHT_LABELS) {
      xAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }

    var yAxis = new NumberAxis(spec.yLabel().isBlank() ? null : spec.yLabel());
    yAxis.setLabelFont(new Font(FONT, Font.PLAIN, 13));
    yAxis.setTickLabelFont(new Font(FONT, Font.PLAIN, 12));
    yAxis.setTickLabelPaint(Color.DARK_GRAY);
    yAxis.setAutoRange(false);
    // A sliver beyond the range, so a point on 1 or 5 shows whole; the ticks stay within the range.
    double pad = (spec.yMax() - spec.yMin()) * 0.04;
    yAxis.setRange(spec.yMin() - pad, spec.yMax() + pad);
    if (spec.yMax() - spec.yMin() <= 20) {
      // A 1..5 scale reads as whole answers, not 1.5, 2.5...
      yAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }

    var renderer = new LineAndShapeRenderer(true, true);
    for (int i = 0; i < spec.series().size(); i++) {
      Paint paint = PALETTE.get(i % PALETTE.size());
      renderer.setSeriesPaint(i, paint);
      renderer.setSeriesStroke(i, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      renderer.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
    }

    var plot = new CategoryPlot(data, xAxis, yAxis, renderer);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setDomainGridlinesVisible(false);
    plot.setOutlineVisible(false);

    var chart = new JFreeChart(null, new Font(FONT, Font.BOLD, 16), plot, false);
    if (!spec.title().isBlank()) {
      chart.setTitle(new TextTitle(spec.title(), new Font(FONT, Font.BOLD, 16)));
    }
    var legend = new LegendTitle(plot);
    legend.setItemFont(new Font(FONT, Font.PLAIN, 12));
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setBackgroundPaint(Color.WHITE);
    chart.addLegend(legend);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(8, 8, 8, 12));
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    return chart;
  }

  /** A round's place on the x axis: its position keeps equal labels apart; its label is shown. */
  private record RoundKey(int index, String label) implements Comparable<RoundKey> {
    @Override
    public int compareTo(RoundKey o) {
      return Integer.compare(index, o.index);
    }

    @Override
    public String toString() {
      return label;
    }
  }
}
