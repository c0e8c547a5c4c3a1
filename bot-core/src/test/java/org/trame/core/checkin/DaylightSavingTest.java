package org.trame.core.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 2026 daylight-saving days of Paris and New York: exactly one round on each, whatever the hour. */
class DaylightSavingTest {

  @TempDir
  Path dir;

  /** The instants of the rhythm's occurrences from three days before {@code day} to three days after. */
  static List<Instant> occurrences(String cron, ZoneId zone, LocalDate day) throws Exception {
    Rhythm rhythm = Rhythm.parse(cron);
    List<Instant> instants = new ArrayList<>();
    LocalDateTime at = day.minusDays(3).atStartOfDay();
    while (true) {
      at = rhythm.nextAfter(at).orElseThrow();
      if (at.toLocalDate().isAfter(day.plusDays(3))) {
        return instants;
      }
      instants.add(Rhythm.at(at, zone));
    }
  }

  @ParameterizedTest(name = "{0} on {1} at \"{2}\": one round at {3}")
  @CsvSource({
      "Europe/Paris, 2026-03-29, 30 2 * * *, 2026-03-29T01:30:00Z",
      "Europe/Paris, 2026-03-29, 30 2 * * 0, 2026-03-29T01:30:00Z",
      "Europe/Paris, 2026-03-29, 30 1 * * 0, 2026-03-29T00:30:00Z",
      "Europe/Paris, 2026-10-25, 30 2 * * *, 2026-10-25T00:30:00Z",
      "Europe/Paris, 2026-10-25, 30 2 * * 0, 2026-10-25T00:30:00Z",
      "Europe/Paris, 2026-10-25, 30 1 * * 0, 2026-10-24T23:30:00Z",
      "America/New_York, 2026-03-08, 30 2 * * *, 2026-03-08T07:30:00Z",
      "America/New_York, 2026-03-08, 30 2 * * 0, 2026-03-08T07:30:00Z",
      "America/New_York, 2026-03-08, 30 1 * * 0, 2026-03-08T06:30:00Z",
      "America/New_York, 2026-11-01, 30 2 * * *, 2026-11-01T07:30:00Z",
      "America/New_York, 2026-11-01, 30 2 * * 0, 2026-11-01T07:30:00Z",
      "America/New_York, 2026-11-01, 30 1 * * 0, 2026-11-01T05:30:00Z"})
  @DisplayName("a daylight-saving day neither skips nor doubles a round")
  void oneRoundOnTheDay(String zoneName, String dayText, String cron, String expected) throws Exception {
    ZoneId zone = ZoneId.of(zoneName);
    LocalDate day = LocalDate.parse(dayText);
    List<Instant> all = occurrences(cron, zone, day);
    List<Instant> onTheDay = all.stream().filter(i -> LocalDate.ofInstant(i, zone).equals(day)).toList();
    assertEquals(List.of(Instant.parse(expected)), onTheDay);
    for (int i = 1; i < all.size(); i++) {
      assertTrue(all.get(i).isAfter(all.get(i - 1)), "rounds stay in order, none at the same instant: " + all);
    }
    // daily: one a day, seven days; weekly: one
    assertEquals(cron.endsWith("* * *") ? 7 : 1, all.size(), all.toString());
  }

  @ParameterizedTest(name = "{0}, daily at \"{2}\" around {1}")
  @CsvSource({
      "Europe/Paris, 2026-03-29, 30 2 * * *, 2026-03-27T12:00:00Z",
      "Europe/Paris, 2026-10-25, 30 2 * * *, 2026-10-23T12:00:00Z",
      "America/New_York, 2026-03-08, 30 2 * * *, 2026-03-06T12:00:00Z",
      "America/New_York, 2026-11-01, 30 1 * * *, 2026-10-30T12:00:00Z"})
  @DisplayName("through the bot, a daily schedule across a daylight-saving change starts exactly one round a day")
  void throughTheBot(String zoneName, String dayText, String cron, String start) throws Exception {
    try (CheckinHarness h = new CheckinHarness(dir.resolve(zoneName.replace('/', '_') + dayText), Instant.parse(start), "carol")) {
      h.members("carol", "alice");
      h.bot.command("carol", "checkin schedule " + cron + " " + zoneName);
      LocalDate day = LocalDate.parse(dayText);
      h.runUntil(day.plusDays(3).atStartOfDay(ZoneId.of(zoneName)).toInstant());
      List<String> occurrences = h.bot.rows("SELECT occurrence FROM checkin_round ORDER BY id");
      List<String> expected = new ArrayList<>();
      for (LocalDate d = day.minusDays(1); d.isBefore(day.plusDays(3)); d = d.plusDays(1)) {
        expected.add(d + "T" + (cron.startsWith("30 2") ? "02:30" : "01:30"));
      }
      assertEquals(expected, occurrences);
      assertEquals(List.of("closed", "closed", "closed", "open"), h.bot.rows("SELECT status FROM checkin_round ORDER BY id"));
      assertEquals(4, h.fromJobs.stream().filter(m -> m.audience().id().equals("alice")
          && m.text().startsWith("The collective's check-in")).count(), "alice asked once a day");
    }
  }
}
