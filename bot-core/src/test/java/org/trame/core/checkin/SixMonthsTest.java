package org.trame.core.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.port.OutboundMessage;

/**
 * Six months of weekly check-ins (26 rounds, Mondays 09:00 Paris, across the March clock change)
 * for a collective of twelve: m01 coordinates; m11 drops out from round 5; m12 is silent in rounds
 * 5 and 6 only; m10 skips round 3; alignment falls from round 16; fairness is low from round 20.
 */
class SixMonthsTest {

  @TempDir
  Path dir;

  static final Instant FIRST_ROUND = Instant.parse("2026-01-05T08:00:00Z");
  static final int ROUNDS = 26;

  static String member(int i) {
    return String.format("m%02d", i);
  }

  static boolean answers(int member, int round) {
    if (member == 11 && round >= 5) {
      return false;
    }
    return !(member == 12 && (round == 5 || round == 6));
  }

  @Test
  @DisplayName("26 weekly rounds for 12 members: reminders to the silent only, 26 reports with charts and trends, the right drift signals")
  void sixMonths() throws Exception {
    try (CheckinHarness h = new CheckinHarness(dir, FIRST_ROUND.minus(Duration.ofDays(2)), "m01")) {
      for (int i = 1; i <= 12; i++) {
        h.members(member(i));
      }
      h.bot.command("m01", "checkin schedule 0 9 * * 1 Europe/Paris");
      List<String> reports = new ArrayList<>();
      List<String> signals = new ArrayList<>();
      Instant monday = FIRST_ROUND;
      for (int round = 1; round <= ROUNDS; round++) {
        // Monday 09:00 in Paris is 08:00 UTC in winter and 07:00 UTC in summer.
        Instant nineInParis = monday.atZone(java.time.ZoneId.of("Europe/Paris")).withHour(9).toInstant();
        List<OutboundMessage> asked = h.runUntil(nineInParis);
        assertEquals(12, CheckinHarness.recipients(asked, "The collective's check-in").size(), "round " + round + ": everyone asked");
        for (int i = 1; i <= 12; i++) {
          if (i == 10 && round == 3) {
            h.bot.command(member(i), "checkin skip");
          } else if (answers(i, round)) {
            int alignment = round >= 16 ? 2 + i % 2 : 4 + i % 2;
            int fairness = round >= 20 ? 2 : 3 + i % 3;
            h.answer(member(i), alignment, 4, fairness, 4, i == 3 && round == 10 ? "Round ten remark" : null, true);
          }
        }
        Instant nextNine = monday.plus(Duration.ofDays(7)).atZone(java.time.ZoneId.of("Europe/Paris")).withHour(9).toInstant();
        List<OutboundMessage> week = h.runUntil(nextNine.minusSeconds(60));
        List<String> expectedReminded = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
          if (!answers(i, round)) {
            expectedReminded.add(member(i));
          }
        }
        assertEquals(expectedReminded, CheckinHarness.recipients(week, "A gentle reminder"), "round " + round + ": reminders");
        List<OutboundMessage> channel = CheckinHarness.channel(week);
        assertEquals(1, channel.size(), "round " + round + ": one report");
        assertNotNull(channel.get(0).image(), "round " + round + ": a chart");
        reports.add(channel.get(0).text());
        signals.add(String.join("\n", CheckinHarness.to(week, "m01").stream().map(OutboundMessage::text)
            .filter(t -> t.startsWith("Signals to watch")).toList()));
        monday = monday.plus(Duration.ofDays(7));
      }
      assertEquals(List.of(String.valueOf(ROUNDS)), h.bot.rows("SELECT COUNT(*) FROM checkin_round WHERE status = 'closed'"));
      // participation and skips
      assertTrue(reports.get(0).contains("Participation: 12 of 12 members answered (0 skipped this round)."), reports.get(0));
      assertTrue(reports.get(2).contains("Participation: 11 of 12 members answered (1 skipped this round)."), reports.get(2));
      assertTrue(reports.get(4).contains("Participation: 10 of 12"), reports.get(4));
      // trends: first round has none; round 16 shows the fall of alignment
      assertTrue(reports.get(0).contains("(no earlier round to compare with yet)"), reports.get(0));
      assertTrue(reports.get(15).contains("Alignment with the common project: average 2.5 ↘ −2.0"), reports.get(15));
      assertTrue(reports.get(16).contains("Alignment with the common project: average 2.5 → ="), reports.get(16));
      assertTrue(reports.get(25).contains("Chart: the averages over the last 12 rounds."), reports.get(25));
      assertTrue(reports.get(9).contains("• \"Round ten remark\""), reports.get(9));
      for (String r : reports) {
        for (int i = 1; i <= 12; i++) {
          assertFalse(r.contains(member(i)), "a report names " + member(i) + ":\n" + r);
        }
      }
      // drift: silence twice in a row (m12 once, in round 6; m11 from round 6 on)
      for (int round = 1; round <= ROUNDS; round++) {
        String s = signals.get(round - 1);
        assertEquals(round == 6, s.contains("m12 has answered none"), "round " + round + ": " + s);
        assertEquals(round >= 6, s.contains("m11 has answered none of the last " + (round - 4) + " rounds"), "round " + round + ": " + s);
        assertEquals(round == 16 || round == 17, s.contains("Alignment with the common project is falling"), "round " + round + ": " + s);
        assertEquals(round == 16 || round == 17, s.contains("It may be time for a cooperation diagnostic (\"diagnostic\")"), "round " + round + ": " + s);
        assertEquals(round >= 20, s.contains("Fairness of contributions rated low: average 2.0"), "round " + round + ": " + s);
        assertFalse(s.contains("m10"), "a skip is not silence");
      }
      assertTrue(signals.get(15).contains("2.5 this round against 4.5 on average over the three previous rounds (−2.0)")
          && signals.get(15).contains("stakes round"), signals.get(15));
      assertTrue(signals.get(19).contains("conflict"), signals.get(19));
      // every signal went to the coordinator only
      assertTrue(h.fromJobs.stream().filter(m -> m.text().startsWith("Signals to watch")).allMatch(m -> m.audience().id().equals("m01")));
    }
  }
}
