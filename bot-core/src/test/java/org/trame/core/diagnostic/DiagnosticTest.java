package org.trame.core.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.MutableClock;
import org.trame.core.TestBot;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.OutboundMessage;

/** The cooperation diagnostic: opened by a coordinator, answered privately, closed into an anonymous report with a chart. */
class DiagnosticTest {

  static final String[] MEMBERS = {"carol", "alice", "bob", "dan"};
  /** 0 stands for "I don't know", which is the sixth button. */
  static final int UNKNOWN = 0;

  @TempDir
  Path dir;
  MutableClock clock;
  TestBot bot;

  @BeforeEach
  void openCollective() {
    clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    bot = new TestBot(dir.resolve("trame.db"), clock, "carol");
    for (String m : MEMBERS) {
      bot.command(m, "lang en");
    }
  }

  @AfterEach
  void closeCollective() {
    bot.close();
  }

  /** Ratings in the flow's order, every item 3 unless set. */
  static int[] ratings(Object... itemThenRating) {
    int[] r = new int[DiagnosticItem.values().length];
    Arrays.fill(r, 3);
    for (int i = 0; i < itemThenRating.length; i += 2) {
      r[((DiagnosticItem) itemThenRating[i]).ordinal()] = (Integer) itemThenRating[i + 1];
    }
    return r;
  }

  /** The member clicks one button per item, "I don't know" being the sixth. */
  void answer(String member, int[] ratings) {
    for (int r : ratings) {
      bot.say(member, r == UNKNOWN ? "6" : Integer.toString(r));
    }
  }

  List<OutboundMessage> close() {
    return bot.handle(InboundEvent.command(UUID.randomUUID().toString(), TestBot.PLATFORM, TestBot.COLLECTIVE, "carol",
        "diagnostic close")).messages();
  }

  static OutboundMessage channel(List<OutboundMessage> messages) {
    List<OutboundMessage> posted = messages.stream().filter(m -> !m.audience().isPrivate()).toList();
    assertEquals(1, posted.size(), posted.toString());
    return posted.get(0);
  }

  static BufferedImage picture(OutboundMessage m) throws Exception {
    assertNotNull(m.image(), "the report carries its chart");
    assertEquals("image/png", m.image().mediaType());
    return ImageIO.read(new ByteArrayInputStream(m.image().bytes()));
  }

  /** Four members rate: the trigger is strong, power games weak, cultures split, legitimacy mostly unknown. */
  void fourAnswer(int powerLow, int powerHigh) {
    answer("carol", ratings(DiagnosticItem.TRIGGER, 5, DiagnosticItem.POWER, powerLow, DiagnosticItem.CULTURES, 1,
        DiagnosticItem.LEGITIMACY, UNKNOWN));
    answer("alice", ratings(DiagnosticItem.TRIGGER, 5, DiagnosticItem.POWER, powerHigh, DiagnosticItem.CULTURES, 5,
        DiagnosticItem.LEGITIMACY, UNKNOWN));
    answer("bob", ratings(DiagnosticItem.TRIGGER, 4, DiagnosticItem.POWER, powerHigh, DiagnosticItem.CULTURES, 1,
        DiagnosticItem.LEGITIMACY, UNKNOWN));
    answer("dan", ratings(DiagnosticItem.TRIGGER, 5, DiagnosticItem.POWER, powerLow, DiagnosticItem.CULTURES, 5,
        DiagnosticItem.LEGITIMACY, 4));
  }

  @Test
  @DisplayName("four members rate privately; the channel gets strengths, points to watch and diverging views, each with the sheet or command that helps, and a bar chart, naming no one")
  void reportWithChart() throws Exception {
    // given carol opens a diagnostic and everyone is asked privately
    List<String> opened = bot.command("carol", "diagnostic");
    assertTrue(TestBot.joined(opened).contains("Cooperation diagnostic no. 1 opened: 4 members asked privately"), opened.toString());
    assertTrue(TestBot.joined(opened).contains("(1/21)"), "her own first question says how many there are: " + opened);
    // when the four answer and carol closes it
    fourAnswer(1, 2);
    OutboundMessage report = channel(close());
    // then the report lists strengths, points to watch and diverging items, with their helps
    String text = report.text();
    assertTrue(text.contains("Participation: 4 of 4 members answered."), text);
    assertTrue(text.contains("• A trigger: 4.8 out of 5 (4 ratings) → sheet 1 (\"sheet 1\")"), text);
    assertTrue(text.contains("• Power games: 1.5 out of 5 (4 ratings) → \"map\""), text);
    assertTrue(text.contains("• Compatible cultures: ratings from 1 to 5 (standard deviation 2.0) → sheet 3 (\"sheet 3\")"), text);
    assertTrue(text.contains("Many \"I don't know\" (half or more): Legitimacy."), text);
    assertTrue(text.contains("The chart in words (averages out of 5): A trigger 4.8 · "), text);
    assertTrue(text.contains("Legitimacy no figure (fewer than 3 ratings)"), "one rating is no figure: " + text);
    assertFalse(text.contains("Trend since"), "no trend on the first diagnostic");
    for (String name : MEMBERS) {
      assertFalse(text.contains(name), name + " is named: " + text);
    }
    BufferedImage png = picture(report);
    assertEquals(List.of(720, DiagnosticChart.height(21, false)), List.of(png.getWidth(), png.getHeight()));
    // and no individual rating is left: only counts per item
    assertEquals(List.of("0"), bot.rows("SELECT count(*) FROM diagnostic_answer"));
    assertEquals(List.of("1|2", "2|2"), bot.rows("SELECT rating, answers FROM diagnostic_tally WHERE item = 'power' ORDER BY rating"));
    assertEquals(List.of("0"), bot.rows("SELECT count(*) FROM conversation WHERE flow = 'diagnostic' AND state LIKE '%\"power\"%'"));
  }

  @Test
  @DisplayName("with fewer than three answers the report shows no figure, draws nothing, and keeps no rating")
  void fewerThanThreeDrawNothing() throws Exception {
    // given a diagnostic that only two members answer
    bot.command("carol", "diagnostic");
    answer("alice", ratings(DiagnosticItem.POWER, 1));
    answer("bob", ratings(DiagnosticItem.POWER, 5));
    // when carol closes it
    OutboundMessage report = channel(close());
    // then no figure, no picture, and nothing of the two answers is kept
    assertTrue(report.text().contains("Fewer than 3 answers: no figure is shown"), report.text());
    assertFalse(report.text().contains("Power games"), report.text());
    assertNull(report.image(), "no chart below three answers");
    assertEquals(List.of("0"), bot.rows("SELECT count(*) FROM diagnostic_answer"));
    assertEquals(List.of("0"), bot.rows("SELECT count(*) FROM diagnostic_tally"));
  }

  @Test
  @DisplayName("the second diagnostic shows the trend since the first, in words and on the chart")
  void secondShowsTrend() throws Exception {
    // given a first diagnostic where power games were poorly in hand
    bot.command("carol", "diagnostic");
    fourAnswer(1, 2);
    close();
    // when a second one finds them better in hand
    clock.advance(java.time.Duration.ofDays(90));
    List<String> opened = bot.command("carol", "diagnostic");
    assertTrue(TestBot.joined(opened).contains("no. 2 opened"), opened.toString());
    fourAnswer(4, 4);
    OutboundMessage report = channel(close());
    // then the report says what moved since the first, and the chart carries both
    String text = report.text();
    assertTrue(text.contains("Trend since diagnostic no. 1 of March 2, 2026:"), text);
    assertTrue(text.contains("• Power games: 1.5 → 4.0 (↗ +2.5)"), text);
    assertTrue(text.contains("Power games 4.0 (before: 1.5)"), "the words of the chart give both figures: " + text);
    BufferedImage png = picture(report);
    assertEquals(DiagnosticChart.height(21, true), png.getHeight());
    // and carol can read the report again privately
    List<String> again = bot.command("carol", "diagnostic report");
    assertTrue(TestBot.joined(again).contains("Cooperation diagnostic no. 2"), again.toString());
  }

  @Test
  @DisplayName("back changes the previous rating; a member who stops or is still answering at the close counts for nothing")
  void backAndUnfinished() throws Exception {
    // given a diagnostic open to four
    bot.command("carol", "diagnostic");
    // when alice rates the first item 1, goes back and gives 5, then finishes with 3s
    bot.say("alice", "1");
    List<String> back = bot.say("alice", "back");
    assertTrue(TestBot.joined(back).contains("(1/21)"), back.toString());
    int[] rest = ratings(DiagnosticItem.TRIGGER, 5);
    answer("alice", rest);
    answer("bob", ratings(DiagnosticItem.TRIGGER, 5));
    answer("carol", ratings(DiagnosticItem.TRIGGER, 5));
    // and dan stops halfway
    bot.say("dan", "2");
    bot.say("dan", "2");
    List<OutboundMessage> closing = close();
    // then the trigger averages 5 over three ratings, dan is told his answers are not kept
    assertTrue(channel(closing).text().contains("• A trigger: 5.0 out of 5 (3 ratings)"), channel(closing).text());
    assertTrue(closing.stream().anyMatch(m -> TestBot.privatelyTo(m, "dan") && m.text().contains("what you had begun is not kept")),
        closing.toString());
    assertEquals(List.of("0"), bot.rows("SELECT count(*) FROM diagnostic_answer"));
  }

  @Test
  @DisplayName("only coordinators open or close a diagnostic; a second one cannot open while one is open")
  void coordinatorsOnly() throws Exception {
    bot.command("bob", "diagnostic");
    assertEquals(List.of("0"), bot.rows("SELECT count(*) FROM diagnostic_round"));
    bot.command("carol", "diagnostic");
    List<String> twice = bot.command("carol", "diagnostic");
    assertTrue(TestBot.joined(twice).contains("A diagnostic (no. 1) is already open: 0 of 4 answered."), twice.toString());
    bot.command("bob", "diagnostic close");
    assertEquals(List.of("open"), bot.rows("SELECT status FROM diagnostic_round"));
  }

  @Test
  @DisplayName("a member's ratings in an open diagnostic are in their export, and gone with them when they ask to be forgotten")
  void exportAndForget() throws Exception {
    // given alice answered an open diagnostic
    bot.command("carol", "diagnostic");
    answer("alice", ratings(DiagnosticItem.POWER, 2));
    // when she asks for her data
    var handled = bot.handle(InboundEvent.command("e-export", TestBot.PLATFORM, TestBot.COLLECTIVE, "alice", "mydata export"));
    JsonNode doc = new ObjectMapper().readTree(handled.messages().stream().filter(m -> m.image() != null).findFirst().orElseThrow()
        .image().bytes());
    // then her ratings are there, and only hers
    JsonNode ratings = doc.findValue("diagnostic_ratings");
    assertNotNull(ratings, doc.toString());
    assertEquals(21, ratings.size(), ratings.toString());
    assertTrue(ratings.toString().contains("\"power\""), ratings.toString());
    // and once she is forgotten, no row of the diagnostic names her
    bot.command("alice", "mydata forget");
    bot.say("alice", "yes");
    assertEquals(List.of("0"), bot.rows("SELECT count(*) FROM diagnostic_answer"));
    assertEquals(List.of("0"), bot.rows("SELECT count(*) FROM diagnostic_invitee WHERE member_id = 'alice'"));
  }

  @Test
  @DisplayName("a member who answered then asked to be forgotten no longer counts: two ratings left show no figure and draw nothing")
  void forgottenAnswerDoesNotCount() throws Exception {
    // given three members answered
    bot.command("carol", "diagnostic");
    answer("alice", ratings(DiagnosticItem.POWER, 1));
    answer("bob", ratings(DiagnosticItem.POWER, 5));
    answer("dan", ratings(DiagnosticItem.POWER, 3));
    // when alice is forgotten before the close
    bot.command("alice", "mydata forget");
    bot.say("alice", "yes");
    OutboundMessage report = channel(close());
    // then the two ratings left are neither shown nor kept
    assertNull(report.image(), "no chart from two members' ratings");
    assertFalse(report.text().contains("Power games"), report.text());
    assertEquals(List.of("0"), bot.rows("SELECT count(*) FROM diagnostic_tally"));
  }
}
