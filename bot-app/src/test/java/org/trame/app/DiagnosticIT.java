package org.trame.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diagnostic transcripts of data/transcripts replayed through the built jar, carol coordinating. */
class DiagnosticIT {

  @TempDir
  Path dir;

  JarProcess replay(String transcript) throws Exception {
    JarProcess bot = new JarProcess(Map.of("TRAME_DB", dir.resolve("trame.db").toString(), "TRAME_COORDINATORS", "carol"));
    bot.write(Files.readAllBytes(Path.of("..", "data", "transcripts", transcript)));
    assertEquals(0, bot.finish(), String.join("\n", bot.err));
    return bot;
  }

  /** The channel's reports, one per diagnostic closed, each as its lines. */
  static List<String> reports(JarProcess bot, String header) {
    List<String> reports = new ArrayList<>();
    StringBuilder current = null;
    for (String l : bot.out) {
      if (!l.startsWith("# local: ")) {
        continue;
      }
      if (l.startsWith("# local: " + header)) {
        if (current != null) {
          reports.add(current.toString());
        }
        current = new StringBuilder();
      }
      if (current != null) {
        current.append(l).append('\n');
      }
    }
    if (current != null) {
      reports.add(current.toString());
    }
    return reports;
  }

  /** The picture a report's line points at, read back as an image: it exists and is a PNG. */
  BufferedImage picture(String report, String fileName) throws Exception {
    String line = report.lines().filter(l -> l.contains("[" + fileName + "] ")).findFirst()
        .orElseThrow(() -> new AssertionError("no " + fileName + " in:\n" + report));
    Path png = Path.of(line.substring(line.indexOf("] ") + 2).strip());
    assertTrue(png.startsWith(dir), "the chart is written beside the database: " + png);
    byte[] bytes = Files.readAllBytes(png);
    assertEquals("PNG", new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
    return ImageIO.read(png.toFile());
  }

  @Test
  @DisplayName("English transcript: four members rate privately; the first report has strengths, points to watch with their helps,"
      + " diverging views and a bar chart; the second adds the trend; a third with two answers shows no figure and draws nothing")
  void englishDiagnostics() throws Exception {
    JarProcess bot = replay("diagnostic.txt");
    String toCarol = String.join("\n", bot.out.stream().filter(l -> l.startsWith("→ carol: ")).toList());
    assertTrue(toCarol.contains("Cooperation diagnostic no. 1 opened: 4 members asked privately."), toCarol);
    List<String> reports = reports(bot, "Cooperation diagnostic no. ");
    assertEquals(3, reports.size(), String.join("\n", bot.out));

    String first = reports.get(0);
    assertTrue(first.contains("Participation: 4 of 4 members answered."), first);
    assertTrue(first.contains("• A trigger: 4.8 out of 5 (4 ratings) → sheet 1 (\"sheet 1\")"), first);
    assertTrue(first.contains("• Power games: 1.5 out of 5 (4 ratings) → \"map\""), first);
    assertTrue(first.contains("• Clear stakes: 2.3 out of 5 (4 ratings) → \"stakes round\""), first);
    assertTrue(first.contains("• Compatible cultures: ratings from 1 to 5 (standard deviation 2.0) → sheet 3 (\"sheet 3\")"), first);
    assertTrue(first.contains("Many \"I don't know\" (half or more): Legitimacy."), first);
    assertTrue(first.contains("The chart in words (averages out of 5): A trigger 4.8 · "), first);
    BufferedImage one = picture(first, "diagnostic-1.png");
    assertEquals(720, one.getWidth());

    String second = reports.get(1);
    assertTrue(second.contains("Trend since diagnostic no. 1 of "), second);
    assertTrue(second.contains("• Power games: 1.5 → 3.5 (↗ +2.0)"), second);
    assertTrue(second.contains("Power games 3.5 (before: 1.5)"), second);
    BufferedImage two = picture(second, "diagnostic-2.png");
    assertTrue(two.getHeight() > one.getHeight(), "the second chart carries both diagnostics' bars");

    String third = reports.get(2);
    assertTrue(third.contains("Participation: 2 of 4 members answered."), third);
    assertTrue(third.contains("Fewer than 3 answers: no figure is shown"), third);
    assertFalse(third.contains(".png]"), "fewer than three answers draw nothing: " + third);
    assertFalse(third.contains("out of 5"), third);

    for (String report : reports) {
      for (String name : List.of("alice", "bob", "carol", "dan")) {
        assertFalse(report.contains(name), name + " named in a report: " + report);
      }
    }
    // carol reads the last report again privately; nobody else ever reads another's ratings
    assertTrue(toCarol.contains("The last diagnostic report, for you:"), toCarol);
    assertTrue(bot.out.stream().allMatch(l -> l.startsWith("→ ") || l.startsWith("# local: ")), String.join("\n", bot.out));
    String toBob = String.join("\n", bot.out.stream().filter(l -> l.startsWith("→ bob: ")).toList());
    assertTrue(toBob.contains("(21/21) Are the working cultures"), "the last question says it is the last of 21: " + toBob);
  }

  @Test
  @DisplayName("French transcript: three members answer, one declines; the report in French with its links and its picture")
  void frenchDiagnostic() throws Exception {
    JarProcess bot = replay("diagnostic-fr.txt");
    List<String> reports = reports(bot, "Diagnostic de la coopération n° ");
    assertEquals(1, reports.size(), String.join("\n", bot.out));
    String report = reports.get(0);
    assertTrue(report.contains("Participation : 3 membres sur 4 ont répondu."), report);
    assertTrue(report.contains("• Jeux de pouvoir : 1,7 sur 5 (3 notes) → « carte »"), report);
    assertTrue(report.contains("• Habitudes réinterrogées : 1,7 sur 5 (3 notes) → fiche 5"), report);
    assertTrue(report.contains("Le graphique en mots (moyennes sur 5) : "), report);
    picture(report, "diagnostic-1.png");
    for (String name : List.of("alice", "bob", "carol", "dan")) {
      assertFalse(report.contains(name), name + " named in the report: " + report);
    }
  }
}
