package org.trame.core.diagnostic;

import java.awt.Color;
import java.awt.Font;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws a diagnostic's averages as horizontal bars, one per item in the flow's order, with the
 * previous diagnostic's beside them when there is one; headless, with JFreeChart as the check-in
 * chart. Made to be read on a phone: tall rather than wide, large type, each bar's value written at
 * its end, and colours that stay apart for colour-blind readers (Okabe–Ito blue and orange).
 */
final class DiagnosticChart {

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  static final int WIDTH = 720;
  private static final Color NOW = new Color(0x00, 0x72, 0xB2);
  private static final Color BEFORE = new Color(0xE6, 0x9F, 0x00);
  private static final String FONT = Font.SANS_SERIF;

  /** One bar group: an item's label and its averages now and before (null: no figure). */
  record Bar(String label, Double now, Double before) {}

  private DiagnosticChart() {}

  static int height(int bars, boolean twoSeries) {
    return Math.min(4000, 170 + bars * (twoSeries ? 56 : 40));
  }

  static byte[] png(String title, String axis, String nowName, String beforeName, List<Bar> bars, Locale locale) {
    boolean two = beforeName != null;
    var data = new DefaultCategoryDataset();
    for (Bar b : bars) {
      data.addValue(b.now(), nowName, b.label());
      if (two) {
        data.addValue(b.before(), beforeName, b.label());
      }
    }
    var items = new CategoryAxis(null);
    items.setTickLabelFont(new Font(FONT, Font.PLAIN, 17));
    items.setTickLabelPaint(Color.BLACK);
    items.setCategoryMargin(0.25);
    items.setLowerMargin(0.01);
    items.setUpperMargin(0.01);
    items.setMaximumCategoryLabelWidthRatio(0.45f);

    var values = new NumberAxis(axis);
    values.setLabelFont(new Font(FONT, Font.PLAIN, 16));
    values.setTickLabelFont(new Font(FONT, Font.PLAIN, 16));
    values.setTickLabelPaint(Color.DARK_GRAY);
    values.setAutoRange(false);
    values.setRange(0, 5.4);
    values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());

    var renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    renderer.setItemMargin(0.05);
    renderer.setSeriesPaint(0, NOW);
    renderer.setSeriesPaint(1, BEFORE);
    NumberFormat one = NumberFormat.getNumberInstance(locale);
    one.setMinimumFractionDigits(1);
    one.setMaximumFractionDigits(1);
    one.setRoundingMode(java.math.RoundingMode.HALF_UP); // as the report's text writes them
    renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", one));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(new Font(FONT, Font.BOLD, 15));
    renderer.setDefaultItemLabelPaint(Color.BLACK);
    renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));

    var plot = new CategoryPlot(data, items, values, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xCC, 0xCC, 0xCC));
    plot.setOutlineVisible(false);

    var chart = new JFreeChart(null, new Font(FONT, Font.BOLD, 20), plot, false);
    var heading = new TextTitle(title, new Font(FONT, Font.BOLD, 20));
    heading.setMaximumLinesToDisplay(2);
    chart.setTitle(heading);
    var legend = new LegendTitle(plot);
    legend.setItemFont(new Font(FONT, Font.PLAIN, 16));
    legend.setPosition(RectangleEdge.TOP);
    legend.setBackgroundPaint(Color.WHITE);
    chart.addLegend(legend);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(8, 8, 8, 16));

    int height = height(bars.size(), two);
    return org.trame.core.report.ChartPng.of(chart, WIDTH, height);
  }
}
