package org.trame.core.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.annotations.XYDrawableAnnotation;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a partner map as PNG bytes, headless: antagonism across, synergy up, each on 1 to 5 (seed
 * 004, tool sheet 1), the zones tinted and named, one disc per answer sized by the capacity to act,
 * a name beside a disc only when it is given; on a re-run, arrows from the previous positions of
 * those named both times, and from the previous average to this one. Colours from the Okabe–Ito
 * set, which stays apart for colour-blind readers; large type, so that it reads on a phone.
 */
final class MapChart {

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  static final int SIZE = 1000;
  private static final double MIN = 0.5;
  private static final double MAX = 5.5;
  private static final Color BLUE = new Color(0x00, 0x72, 0xB2);
  private static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
  private static final Color GREEN_TINT = new Color(0x00, 0x9E, 0x73, 60);
  private static final Color YELLOW_TINT = new Color(0xF0, 0xE4, 0x42, 90);
  private static final Color ORANGE_TINT = new Color(0xD5, 0x5E, 0x00, 50);
  private static final Color GREY_TINT = new Color(0x99, 0x99, 0x99, 50);
  private static final String FONT = Font.SANS_SERIF;
  /** About how many pixels one unit of a scale takes on either axis: discs are sized in pixels, and kept round. */
  private static final double PIXELS_PER_UNIT = 170;

  /** One disc: where, how large, and the name beside it (null: unnamed). */
  record Point(double antagonism, double synergy, int capacity, String name) {}

  /**
   * One arrow from a previous position to a current one: a member's (stopping at the edge of their
   * disc, whose capacity it is given) or the averages' ({@code average}, capacity 0).
   */
  record Arrow(double fromAntagonism, double fromSynergy, double toAntagonism, double toSynergy, boolean average, int toCapacity) {}

  /** The texts of the picture, in the reader's language. */
  record Labels(String title, String subtitle, String xAxis, String yAxis, String engaged, String torn, String hesitant,
      String passive, String opposed, String mean, String previousMean) {}

  private MapChart() {}

  static byte[] png(Labels labels, List<Point> points, List<Arrow> arrows) {
    XYPlot plot = new XYPlot(new XYSeriesCollection(), axis(labels.xAxis()), axis(labels.yAxis()), new XYLineAndShapeRenderer());
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    plot.setInsets(new RectangleInsets(10, 10, 10, 30));
    zone(plot, MIN, Zone.HIGH, Zone.LOW, MAX, GREEN_TINT, labels.engaged(), MIN + 0.08, MAX - 0.1, TextAnchor.TOP_LEFT);
    zone(plot, Zone.HIGH, Zone.HIGH, MAX, MAX, YELLOW_TINT, labels.torn(), MAX - 0.08, MAX - 0.1, TextAnchor.TOP_RIGHT);
    zone(plot, Zone.HIGH, MIN, MAX, Zone.LOW, ORANGE_TINT, labels.opposed(), MAX - 0.08, MIN + 0.1, TextAnchor.BOTTOM_RIGHT);
    zone(plot, MIN, MIN, Zone.LOW, Zone.LOW, GREY_TINT, labels.passive(), MIN + 0.08, MIN + 0.1, TextAnchor.BOTTOM_LEFT);
    XYTextAnnotation hesitant = text(labels.hesitant(), (Zone.LOW + Zone.HIGH) / 2, MAX - 0.1, 24, Font.BOLD, new Color(0x44, 0x44, 0x44));
    hesitant.setTextAnchor(TextAnchor.TOP_CENTER);
    plot.addAnnotation(hesitant);
    // discs first, then arrows over them, then names over everything
    List<double[]> placed = new ArrayList<>();
    List<XYTextAnnotation> names = new ArrayList<>();
    for (Point p : points) {
      double radius = radius(p.capacity());
      double[] at = spread(placed, p.antagonism(), p.synergy(), radius);
      plot.addAnnotation(new XYDrawableAnnotation(at[0], at[1], 2 * radius, 2 * radius, MapChart::disc));
    }
    for (int i = 0; i < points.size(); i++) {
      if (points.get(i).name() == null) {
        continue;
      }
      double[] at = placed.get(i);
      String shown = points.get(i).name();
      // beside the disc on the first side where the name lies on no other disc (it would seem to name
      // it) and stays inside the plot: right, left, below, above
      double offset = (at[2] + 6) / PIXELS_PER_UNIT;
      double width = (shown.length() * 13 + 8) / PIXELS_PER_UNIT;
      double height = 28 / PIXELS_PER_UNIT;
      // rings of places around the disc, nearest first; past the first ring a thin line leads to the disc
      double[] chosen = null;
      for (int ring = 0; ring < 5 && chosen == null; ring++) {
        double d = offset + ring * 0.22;
        double[][] sides = {
            {at[0] + d + width / 2, at[1]}, {at[0] - d - width / 2, at[1]},
            {at[0], at[1] - d - height / 2}, {at[0], at[1] + d + height / 2},
            {at[0] + d * 0.7 + width / 2, at[1] - d * 0.7}, {at[0] - d * 0.7 - width / 2, at[1] - d * 0.7},
            {at[0] + d * 0.7 + width / 2, at[1] + d * 0.7}, {at[0] - d * 0.7 - width / 2, at[1] + d * 0.7}};
        for (double[] side : sides) {
          if (free(placed, i, side[0], side[1], width, height)) {
            chosen = side;
            if (ring > 0) {
              plot.addAnnotation(new XYLineAnnotation(at[0], at[1], side[0], side[1], new BasicStroke(2f), Color.BLACK));
            }
            break;
          }
        }
      }
      if (chosen == null) {
        chosen = new double[] {at[0] + offset + width / 2, at[1]};
      }
      XYTextAnnotation name = text(shown, chosen[0], chosen[1], 22, Font.BOLD, Color.BLACK);
      name.setTextAnchor(TextAnchor.CENTER);
      name.setBackgroundPaint(new Color(255, 255, 255, 210));
      names.add(name);
    }
    for (Arrow a : arrows) {
      arrow(plot, a);
      if (a.average()) {
        // the previous average's label on the far side from where the arrow goes, the current one's below it
        boolean right = a.fromAntagonism() >= a.toAntagonism();
        XYTextAnnotation before = text(labels.previousMean(), a.fromAntagonism() + (right ? 0.08 : -0.08), a.fromSynergy(), 20,
            Font.ITALIC, Color.BLACK);
        before.setTextAnchor(right ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
        before.setBackgroundPaint(new Color(255, 255, 255, 210));
        names.add(before);
        XYTextAnnotation now = text(labels.mean(), a.toAntagonism(), a.toSynergy() - 0.08, 20, Font.ITALIC, Color.BLACK);
        now.setTextAnchor(TextAnchor.TOP_CENTER);
        now.setBackgroundPaint(new Color(255, 255, 255, 210));
        names.add(now);
      }
    }
    names.forEach(plot::addAnnotation);
    JFreeChart chart = new JFreeChart(labels.title(), new Font(FONT, Font.BOLD, 30), plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    TextTitle subtitle = new TextTitle(labels.subtitle(), new Font(FONT, Font.PLAIN, 20));
    chart.addSubtitle(subtitle);
    return org.trame.core.report.ChartPng.of(chart, SIZE, SIZE);
  }

  private static NumberAxis axis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setRange(MIN, MAX);
    axis.setTickUnit(new NumberTickUnit(1));
    axis.setLabelFont(new Font(FONT, Font.BOLD, 24));
    axis.setTickLabelFont(new Font(FONT, Font.PLAIN, 22));
    return axis;
  }

  private static void zone(XYPlot plot, double x0, double y0, double x1, double y1, Color tint, String label, double lx, double ly,
      TextAnchor anchor) {
    plot.addAnnotation(new XYBoxAnnotation(x0, y0, x1, y1, null, null, tint));
    XYTextAnnotation t = text(label, lx, ly, 24, Font.BOLD, new Color(0x22, 0x22, 0x22));
    t.setTextAnchor(anchor);
    plot.addAnnotation(t);
  }

  private static XYTextAnnotation text(String s, double x, double y, int size, int style, Color colour) {
    XYTextAnnotation t = new XYTextAnnotation(s, x, y);
    t.setFont(new Font(FONT, style, size));
    t.setPaint(colour);
    return t;
  }

  /** A disc's radius in pixels: its area grows with the capacity to act (1 to 25). */
  static double radius(int capacity) {
    return 12 + 7 * Math.sqrt(Math.max(capacity, 1));
  }

  private static void disc(java.awt.Graphics2D g, java.awt.geom.Rectangle2D area) {
    Ellipse2D.Double disc = new Ellipse2D.Double(area.getX(), area.getY(), area.getWidth(), area.getHeight());
    g.setPaint(new Color(BLUE.getRed(), BLUE.getGreen(), BLUE.getBlue(), 190));
    g.fill(disc);
    g.setPaint(Color.BLACK);
    g.setStroke(new BasicStroke(2.5f));
    g.draw(disc);
  }

  /** Whether a label centred at (x, y), of the given size in scale units, lies inside the plot and on no disc but the {@code own}th. */
  private static boolean free(List<double[]> placed, int own, double x, double y, double width, double height) {
    if (x - width / 2 < MIN || x + width / 2 > MAX || y - height / 2 < MIN || y + height / 2 > MAX) {
      return false;
    }
    for (int j = 0; j < placed.size(); j++) {
      double[] p = placed.get(j);
      if (j == own) {
        continue;
      }
      // the nearest point of the label's box to the disc's centre
      double nx = Math.max(x - width / 2, Math.min(p[0], x + width / 2));
      double ny = Math.max(y - height / 2, Math.min(p[1], y + height / 2));
      if (Math.hypot(p[0] - nx, p[1] - ny) * PIXELS_PER_UNIT < p[2]) {
        return false;
      }
    }
    return true;
  }

  /** Moves a disc aside, turning around its place, while it would cover much of a disc already placed. */
  private static double[] spread(List<double[]> placed, double x, double y, double radius) {
    double[] at = {x, y, radius};
    for (int turn = 0; turn < 24 && placed.stream().anyMatch(p -> Math.hypot(p[0] - at[0], p[1] - at[1]) * PIXELS_PER_UNIT
        < (p[2] + at[2]) * 0.75); turn++) {
      double angle = turn * Math.PI / 4;
      double distance = (radius + 10) / PIXELS_PER_UNIT * (1 + turn / 8);
      at[0] = x + distance * Math.cos(angle);
      at[1] = y + distance * Math.sin(angle);
    }
    placed.add(at);
    return at;
  }

  private static void arrow(XYPlot plot, Arrow a) {
    Color colour = a.average() ? Color.BLACK : VERMILLION;
    float[] dash = a.average() ? new float[] {10f, 6f} : null;
    BasicStroke stroke = new BasicStroke(a.average() ? 3.5f : 3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    double dx = a.toAntagonism() - a.fromAntagonism();
    double dy = a.toSynergy() - a.fromSynergy();
    double length = Math.hypot(dx, dy);
    if (length < 0.05) {
      return; // no move: nothing to draw
    }
    double ux = dx / length;
    double uy = dy / length;
    if (!a.average()) {
      // the head stops at the edge of the member's disc, so that it shows
      double edge = Math.min(radius(a.toCapacity()) / PIXELS_PER_UNIT, length / 2);
      a = new Arrow(a.fromAntagonism(), a.fromSynergy(), a.toAntagonism() - edge * ux, a.toSynergy() - edge * uy, false, 0);
    }
    double head = 0.16;
    plot.addAnnotation(new XYLineAnnotation(a.fromAntagonism(), a.fromSynergy(), a.toAntagonism() - head * ux * 0.5,
        a.toSynergy() - head * uy * 0.5, stroke, colour));
    Path2D.Double tip = new Path2D.Double();
    tip.moveTo(a.toAntagonism(), a.toSynergy());
    tip.lineTo(a.toAntagonism() - head * ux + head * 0.5 * uy, a.toSynergy() - head * uy - head * 0.5 * ux);
    tip.lineTo(a.toAntagonism() - head * ux - head * 0.5 * uy, a.toSynergy() - head * uy + head * 0.5 * ux);
    tip.closePath();
    plot.addAnnotation(new XYShapeAnnotation(tip, new BasicStroke(1f), colour, colour));
  }
}
