package org.trame.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The partner map transcript of data/transcripts replayed through the built jar, carol coordinating. */
class MapIT {

  @TempDir
  Path dir;

  /** The channel's messages, each a block of its lines (a report ends with its picture's line, when it has one). */
  static List<String> channelReports(JarProcess bot) {
    List<String> reports = new ArrayList<>();
    StringBuilder current = null;
    for (String line : bot.out) {
      if (!line.startsWith("# local: ")) {
        continue;
      }
      String text = line.substring("# local: ".length());
      if (text.startsWith("Carte des partenaires sur ")) {
        if (current != null) {
          reports.add(current.toString());
        }
        current = new StringBuilder(text);
      } else if (current != null) {
        current.append('\n').append(text);
      }
    }
    if (current != null) {
      reports.add(current.toString());
    }
    return reports;
  }

  static Path picture(String report, Path dir) {
    String line = report.lines().filter(l -> l.startsWith("[partner-map.png] ")).findFirst().orElseThrow(() -> new AssertionError(report));
    Path png = Path.of(line.substring(line.indexOf("] ") + 2).strip());
    assertTrue(png.startsWith(dir), "the picture is written beside the database: " + png);
    return png;
  }

  @Test
  @DisplayName("French map transcript: five members, pictures for the map and its re-run, unnamed members never named,"
      + " the moves of those named, suggestions for the coordinator, and nothing drawn from two answers")
  void frenchMap() throws Exception {
    JarProcess bot = new JarProcess(Map.of("TRAME_DB", dir.resolve("trame.db").toString(), "TRAME_COORDINATORS", "carol"));
    bot.write(Files.readAllBytes(Path.of("..", "data", "transcripts", "map-fr.txt")));
    assertEquals(0, bot.finish(), String.join("\n", bot.err));
    assertTrue(bot.out.stream().allMatch(l -> l.startsWith("→ ") || l.startsWith("# local: ")), String.join("\n", bot.out));
    List<String> reports = channelReports(bot);
    assertEquals(3, reports.size(), String.join("\n----\n", reports));

    // the first map and its re-run each come with a PNG picture
    for (String report : reports.subList(0, 2)) {
      byte[] png = Files.readAllBytes(picture(report, dir));
      assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII), "the picture is a PNG");
      assertTrue(report.contains("5 réponses sur 5 membres sollicité·es."), report);
      // bob, carol and erin declined to be named: their positions are there, never with their names
      assertEquals(3, report.split("• membre sans nom : ", -1).length - 1, report);
      for (String unnamed : List.of("bob", "carol", "erin")) {
        assertFalse(report.contains(unnamed), unnamed + " named in the report: " + report);
      }
      // bob kept private what would turn him against the topic
      assertFalse(report.contains("financeur principal"), report);
    }
    String first = reports.get(0);
    assertTrue(first.contains("• alice : synergie 5, antagonisme 1, capacité 20 — engagé·es / moteurs"), first);
    assertTrue(first.contains("• dan : synergie 3, antagonisme 3, capacité 4 — hésitant·es"), first);
    assertTrue(first.contains("• « Que cela prenne tous les samedis de nos bénévoles »"), first);
    assertFalse(first.contains("Animer le groupe de travail"), "shared with the coordinators only: " + first);
    String rerun = reports.get(1);
    assertTrue(rerun.matches("(?s).*Depuis la carte du \\d{1,2} \\S+ \\d{4} \\(5 réponses\\) : synergie moyenne 3,6 → 3,7,"
        + " antagonisme moyen 2,9 → 2,4\\..*"), rerun);
    assertTrue(rerun.contains("• dan : hésitant·es → engagé·es / moteurs"), rerun);

    // the third map had two answers: no picture, no figure
    String few = reports.get(2);
    assertTrue(few.contains("2 réponses sur 5 membres sollicité·es.") && few.contains("Moins de 3 réponses : pas de carte ni de chiffres"), few);
    assertFalse(few.contains("[partner-map.png]") || few.contains("synergie") || few.contains("alice"), few);
    try (var files = Files.list(dir.resolve("files"))) {
      assertEquals(4, files.filter(f -> f.toString().endsWith("partner-map.png")).count(),
          "two maps with pictures, each to the channel and to the coordinator");
    }

    // the coordinator gets the suggestions, each naming its sheet, and what was shared with the coordinators
    String toCarol = String.join("\n", bot.out.stream().filter(l -> l.startsWith("→ carol: ")).toList());
    assertTrue(toCarol.contains("Pistes pour la coordination, tirées du guide :"), toCarol);
    assertTrue(toCarol.contains("(fiche outil 1, la sociodynamique ;") && toCarol.contains("(fiche pratique 2 ; fiche outil 1)"), toCarol);
    assertTrue(toCarol.contains("• « Animer le groupe de travail »"), toCarol);
    assertFalse(toCarol.contains("financeur principal"), toCarol);
    assertFalse(String.join("\n", bot.out).matches("(?s).*\\{[a-z_]+\\}.*"), "no unfilled placeholder");
  }

  @Test
  @DisplayName("English map transcript: help and back in the questionnaire, a declined invitation, everyone named,"
      + " a text shared with the coordinators only and a private one kept from the channel")
  void englishMap() throws Exception {
    JarProcess bot = new JarProcess(Map.of("TRAME_DB", dir.resolve("trame.db").toString(), "TRAME_COORDINATORS", "carol"));
    bot.write(Files.readAllBytes(Path.of("..", "data", "transcripts", "map.txt")));
    assertEquals(0, bot.finish(), String.join("\n", bot.err));
    String channel = String.join("\n", bot.out.stream().filter(l -> l.startsWith("# local: ")).map(l -> l.substring(9)).toList());
    assertTrue(channel.startsWith("Partner map on \"A shared volunteer pool\".\n3 of 4 members answered."), channel);
    assertTrue(channel.contains("• alice: synergy 4.5, antagonism 1.5, capacity 12 — committed / drivers\n"
        + "• bob: synergy 2, antagonism 2, capacity 2 — passive\n• dan: synergy 4, antagonism 4, capacity 16 — torn"), channel);
    byte[] png = Files.readAllBytes(picture(channel, dir));
    assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
    assertFalse(channel.contains("other associations' events") || channel.contains("Nothing for now"), channel);
    String toCarol = String.join("\n", bot.out.stream().filter(l -> l.startsWith("→ carol: ")).toList());
    assertTrue(toCarol.contains("• \"If our volunteers were asked to work for other associations' events only\""), toCarol);
    assertFalse(toCarol.contains("Nothing for now"), toCarol);
    assertTrue(toCarol.contains("Suggestions for the coordinators, from the guide:"), toCarol);
    String toDan = String.join("\n", bot.out.stream().filter(l -> l.startsWith("→ dan: ")).toList());
    assertTrue(toDan.contains("Your previous answer was: 5"), toDan);
  }
}
