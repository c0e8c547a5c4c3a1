package org.trame.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A coordinator schedules check-ins in the terminal, starts one, members answer, and the channel gets the report and its chart. */
class CheckinIT {

  @TempDir
  Path dir;

  @Test
  @DisplayName("the check-in transcript: a rhythm set, a round answered, a report with a PNG chart in the channel, no name in it")
  void checkinTranscript() throws Exception {
    JarProcess bot = new JarProcess(Map.of("TRAME_DB", dir.resolve("trame.db").toString(), "TRAME_COORDINATORS", "carol"));
    bot.write(Files.readAllBytes(Path.of("..", "data", "transcripts", "checkin-round.txt")));
    assertEquals(0, bot.finish(), String.join("\n", bot.err));
    String toCarol = String.join("\n", bot.out.stream().filter(l -> l.startsWith("→ carol: ")).toList());
    assertTrue(toCarol.contains("→ carol: Check-in scheduled: \"0 9 * * 1\" (Europe/Paris). Next round: "), toCarol);
    assertTrue(toCarol.contains("→ carol: Check-in round opened: 4 members asked privately."), toCarol);
    List<String> channel = bot.out.stream().filter(l -> l.startsWith("# local: ")).toList();
    String report = String.join("\n", channel);
    assertTrue(report.contains("# local: Participation: 3 of 4 members answered (0 skipped this round)."), report);
    assertTrue(report.contains("# local: • Alignment with the common project: average 4.0"), report);
    assertTrue(report.contains("• \"We should share the minutes of the steering committee earlier.\""), report);
    assertFalse(report.contains("tired"), "a remark kept private stays out: " + report);
    for (String name : List.of("alice", "bob", "carol", "dan")) {
      assertFalse(report.contains(name), name + " named in the report: " + report);
    }
    String chartLine = channel.stream().filter(l -> l.contains("[checkin-trend.png] ")).findFirst().orElseThrow(() -> new AssertionError(report));
    Path png = Path.of(chartLine.substring(chartLine.indexOf("] ") + 2).strip());
    assertTrue(png.startsWith(dir), "the chart is written beside the database: " + png);
    byte[] bytes = Files.readAllBytes(png);
    assertEquals("PNG", new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII), "the chart file is a PNG");
    // dan was asked in his own zone's words and never answered: nobody else hears of it
    String toDan = String.join("\n", bot.out.stream().filter(l -> l.startsWith("→ dan: ")).toList());
    assertTrue(toDan.contains("America/New_York"), toDan);
    assertTrue(bot.out.stream().allMatch(l -> l.startsWith("→ ") || l.startsWith("# local: ")), String.join("\n", bot.out));
  }
}
