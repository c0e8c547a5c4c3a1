package org.trame.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrendChartTest {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private static ChartSpec spec(List<String> rounds, List<Series> series, int width, int height) {
    return new ChartSpec("Check-in", "Average (1-5)", rounds, series, 1, 5, width, height);
  }

  private static BufferedImage decode(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertTrue(image != null, "ImageIO could not decode the bytes as an image");
    return image;
  }

  private static int pixelsOf(BufferedImage image, int rgb) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
          count++;
        }
      }
    }
    return count;
  }

  @Test
  @DisplayName("a trend chart is a valid PNG of the requested size whose pixels are not all one colour")
  void validPngOfRequestedSize() throws IOException {
    // given three rounds of two questions
    var spec = spec(List.of("03/11", "10/11", "17/11"),
        List.of(new Series("Energy", List.of(3.0, 3.5, 4.2)), new Series("Workload", List.of(4.0, 2.5, 2.0))),
        640, 360);

    // when it is drawn
    byte[] png = TrendChart.png(spec);

    // then the bytes are a PNG that decodes to 640x360 with more than one colour
    assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8));
    BufferedImage image = decode(png);
    assertEquals(640, image.getWidth());
    assertEquals(360, image.getHeight());
    int first = image.getRGB(0, 0);
    boolean varied = false;
    for (int y = 0; y < image.getHeight() && !varied; y++) {
      for (int x = 0; x < image.getWidth() && !varied; x++) {
        varied = image.getRGB(x, y) != first;
      }
    }
    assertTrue(varied, "every pixel has the same colour");
    // and each series is drawn in its own colour
    assertTrue(pixelsOf(image, TrendChart.PALETTE.get(0).getRGB() & 0xFFFFFF) > 100, "first series not drawn");
    assertTrue(pixelsOf(image, TrendChart.PALETTE.get(1).getRGB() & 0xFFFFFF) > 100, "second series not drawn");
  }

  @Test
  @DisplayName("a round with no figure leaves a gap in its line")
  void nullLeavesGap() throws IOException {
    // given the same five rounds, once complete and once with the middle round missing
    var rounds = List.of("1", "2", "3", "4", "5");
    var full = spec(rounds, List.of(new Series("Energy", Arrays.asList(2.0, 3.0, 4.0, 3.0, 2.0))), 500, 300);
    var gap = spec(rounds, List.of(new Series("Energy", Arrays.asList(2.0, 3.0, null, 3.0, 2.0))), 500, 300);
    int lineColour = TrendChart.PALETTE.get(0).getRGB() & 0xFFFFFF;

    // when both are drawn
    int drawnFull = pixelsOf(decode(TrendChart.png(full)), lineColour);
    int drawnGap = pixelsOf(decode(TrendChart.png(gap)), lineColour);

    // then the chart with the missing round draws clearly less of the line (its point and both segments)
    assertTrue(drawnGap > 0, "the line vanished entirely");
    assertTrue(drawnGap < drawnFull * 0.8, "no gap: " + drawnGap + " line pixels against " + drawnFull);
  }

  @Test
  @DisplayName("a chart of a single round shows its point")
  void oneRound() throws IOException {
    var spec = spec(List.of("03/11"), List.of(new Series("Energy", List.of(4.0))), 300, 200);

    BufferedImage image = decode(TrendChart.png(spec));

    assertEquals(300, image.getWidth());
    assertEquals(200, image.getHeight());
    assertTrue(pixelsOf(image, TrendChart.PALETTE.get(0).getRGB() & 0xFFFFFF) > 10, "the single point is not drawn");
  }

  @Test
  @DisplayName("the same spec gives the same bytes")
  void deterministic() {
    var spec = spec(List.of("a", "b", "c"), List.of(new Series("Energy", List.of(1.0, 5.0, 3.0))), 400, 250);

    assertArrayEquals(TrendChart.png(spec), TrendChart.png(spec));
  }

  @Test
  @DisplayName("a chart that cannot be drawn is refused with a message saying why")
  void refusesBadSpecs() {
    var one = List.of(new Series("Energy", List.of(3.0)));
    assertMessage("at least one round", () -> spec(List.of(), List.of(new Series("Energy", List.of())), 400, 300));
    assertMessage("at least one series", () -> spec(List.of("1"), List.of(), 400, 300));
    assertMessage("has 2 values but the chart has 1 rounds",
        () -> spec(List.of("1"), List.of(new Series("Energy", List.of(3.0, 4.0))), 400, 300));
    assertMessage("pixels on each side", () -> spec(List.of("1"), one, 100_000, 300));
    assertMessage("pixels on each side", () -> spec(List.of("1"), one, 400, 0));
    assertMessage("yMin < yMax", () -> new ChartSpec("t", "y", List.of("1"), one, 5, 1, 400, 300));
    assertMessage("has 6.0, outside the chart's range 1.0..5.0",
        () -> spec(List.of("1"), List.of(new Series("Energy", List.of(6.0))), 400, 300));
    assertMessage("not a number", () -> new Series("Energy", List.of(Double.NaN)));
    assertMessage("no chart spec", () -> TrendChart.png(null));
  }

  private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
    var e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(expected), "message was: " + e.getMessage());
  }
}
