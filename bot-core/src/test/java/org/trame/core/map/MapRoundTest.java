package org.trame.core.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.MutableClock;
import org.trame.core.TestBot;
import org.trame.core.port.Audience;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.OutboundMessage;

/** The partner map: private answers, a picture from three answers up, names only by consent, and how positions moved. */
class MapRoundTest {

  static final String ALICE = "alice";
  static final String BOB = "bob";
  static final String CAROL = "carol";
  static final String DAN = "dan";
  static final String ERIN = "erin";
  static final Audience CHANNEL = Audience.channel(TestBot.COLLECTIVE);
  static final String BOB_SECRET = "If the funder asked for our donor list";
  static final String DAN_SHARED = "If it took every Saturday from our volunteers";

  @TempDir
  Path dir;
  MutableClock clock;
  TestBot bot;

  @BeforeEach
  void openCollective() {
    clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    bot = new TestBot(dir.resolve("trame.db"), clock, CAROL);
    for (String m : List.of(ALICE, BOB, CAROL, DAN, ERIN)) {
      bot.command(m, "lang en");
    }
  }

  @AfterEach
  void closeCollective() {
    bot.close();
  }

  List<OutboundMessage> lines(String member, String... lines) {
    List<OutboundMessage> out = new ArrayList<>();
    for (String line : lines) {
      InboundEvent e = line.startsWith("/trame ")
          ? InboundEvent.command(UUID.randomUUID().toString(), TestBot.PLATFORM, TestBot.COLLECTIVE, member, line.substring(7))
          : InboundEvent.text(UUID.randomUUID().toString(), TestBot.PLATFORM, TestBot.COLLECTIVE, member, line);
      out.addAll(bot.handle(e).messages());
    }
    return out;
  }

  static String to(List<OutboundMessage> out, String who) {
    return String.join("\n", out.stream().filter(m -> who.equals(TestBot.COLLECTIVE) ? m.audience().equals(CHANNEL)
        : TestBot.privatelyTo(m, who)).map(OutboundMessage::text).toList());
  }

  static OutboundMessage withImage(List<OutboundMessage> out, String who) {
    return out.stream().filter(m -> m.image() != null && (who.equals(TestBot.COLLECTIVE) ? m.audience().equals(CHANNEL)
        : TestBot.privatelyTo(m, who))).findFirst().orElse(null);
  }

  /** Six scales, what would turn them against it (or skip), its sharing, the commitment, its sharing, and the consent to be named. */
  static String[] answers(int sr, int sa, int ar, int aa, int influence, int mobilise, String against, String againstSharing,
      String commitment, String commitmentSharing, boolean named) {
    List<String> l = new ArrayList<>(List.of("" + sr, "" + sa, "" + ar, "" + aa, "" + influence, "" + mobilise));
    if (against == null) {
      l.add("skip");
    } else {
      l.add(against);
      l.add(againstSharing);
    }
    l.add(commitment);
    l.add(commitmentSharing);
    l.add(named ? "yes" : "no");
    return l.toArray(String[]::new);
  }

  /** Five answers; alice and dan agree to be named, the three others do not. */
  List<OutboundMessage> fiveAnswer() {
    return fiveAnswer(false, false);
  }

  List<OutboundMessage> fiveAnswer(boolean carolNamed, boolean erinNamed) {
    List<OutboundMessage> all = new ArrayList<>();
    all.addAll(lines(ALICE, answers(5, 5, 1, 1, 4, 5, null, null, "Two days a month", "3", true)));
    all.addAll(lines(BOB, answers(2, 1, 4, 5, 3, 2, BOB_SECRET, "1", "Nothing for now", "1", false)));
    all.addAll(lines(CAROL, answers(4, 4, 2, 2, 5, 5, null, null, "Chairing the group", "2", carolNamed)));
    all.addAll(lines(DAN, answers(3, 3, 3, 3, 2, 2, DAN_SHARED, "3", "One evening a week", "3", true)));
    all.addAll(lines(ERIN, answers(4, 5, 4, 4, 2, 3, null, null, "A room for meetings", "1", erinNamed)));
    return all;
  }

  @Test
  @DisplayName("a map on a topic: each member answers privately; at the close the channel gets the picture, names only by consent, and the coordinators get suggestions naming their sheets")
  void fiveMembers() throws Exception {
    // given carol opens a map on a topic
    List<OutboundMessage> opened = lines(CAROL, "/trame map Pooling our funding requests");
    assertTrue(to(opened, CAROL).contains("Partner map opened on \"Pooling our funding requests\": 5 members are asked privately."),
        to(opened, CAROL));
    assertTrue(to(opened, BOB).contains("The coordinators are drawing the partner map on the topic \"Pooling our funding requests\""),
        to(opened, BOB));
    assertEquals("", to(opened, TestBot.COLLECTIVE));
    // when the five answer, bob, carol and erin without their names, and carol closes it
    List<OutboundMessage> answered = fiveAnswer();
    assertEquals("", to(answered, TestBot.COLLECTIVE), "nothing reaches the channel before the close");
    List<OutboundMessage> out = lines(CAROL, "/trame map close");

    // then the channel gets the picture and the points, unnamed ones without a name
    OutboundMessage report = withImage(out, TestBot.COLLECTIVE);
    assertNotNull(report, to(out, TestBot.COLLECTIVE));
    byte[] png = report.image().bytes();
    assertEquals("PNG", new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
    String channel = report.text();
    assertTrue(channel.contains("5 of 5 members answered."), channel);
    assertTrue(channel.contains("By zone: committed / drivers 2, torn 1, hesitant 1, passive 0, opponents 1."), channel);
    assertTrue(channel.contains("• alice: synergy 5, antagonism 1, capacity 20 — committed / drivers\n"
        + "• dan: synergy 3, antagonism 3, capacity 4 — hesitant\n"
        + "• unnamed member: synergy 1.5, antagonism 4.5, capacity 6 — opponents\n"
        + "• unnamed member: synergy 4, antagonism 2, capacity 25 — committed / drivers\n"
        + "• unnamed member: synergy 4.5, antagonism 4, capacity 6 — torn"), channel);
    assertFalse(channel.contains(BOB) || channel.contains(CAROL) || channel.contains(ERIN), "an unnamed member is never named: " + channel);
    // what members shared with the collective is there without a name, a private text nowhere
    assertTrue(channel.contains("• \"" + DAN_SHARED + "\""), channel);
    assertFalse(channel.contains("Chairing the group"), "shared with coordinators only: " + channel);
    assertTrue(channel.contains("This is the first map on this topic"), channel);
    for (OutboundMessage m : out) {
      assertFalse(m.text().contains(BOB_SECRET), "a private answer reaches nobody: " + m.text());
    }
    // and the coordinators get the suggestions, each naming the sheet it comes from
    String toCarol = to(out, CAROL);
    assertTrue(toCarol.contains("Suggestions for the coordinators, from the guide:"), toCarol);
    assertTrue(toCarol.contains("• Lean on the 2 committed members") && toCarol.contains("(tool sheet 1, sociodynamics;"), toCarol);
    assertTrue(toCarol.contains("• Keep the hesitant or passive member informed regularly"), toCarol);
    assertTrue(toCarol.contains("find the polarising subject") && toCarol.contains("(practice sheet 2; tool sheet 1)"), toCarol);
    assertTrue(toCarol.contains("Chairing the group"), toCarol);
    assertFalse(toCarol.contains(BOB) || toCarol.contains(ERIN), "coordinators do not learn who is unnamed either: " + toCarol);
    assertNotNull(withImage(out, CAROL));
    assertFalse(to(out, ALICE).contains("Suggestions"), "suggestions are for coordinators");
    assertEquals(List.of("5"), bot.rows("SELECT COUNT(*) FROM partner_map_member WHERE answered_at IS NOT NULL"));
    assertEquals(List.of("0"), bot.rows("SELECT COUNT(*) FROM partner_map WHERE closed_at IS NULL"));
  }

  @Test
  @DisplayName("with fewer than three answers nothing is drawn and no figure is given")
  void fewerThanThree() {
    lines(CAROL, "/trame map Shared premises");
    lines(ALICE, answers(5, 5, 1, 1, 4, 5, null, null, "Two days a month", "3", true));
    lines(BOB, answers(2, 1, 4, 5, 3, 2, null, null, "Nothing for now", "3", true));
    lines(DAN, "3", "cancel");
    List<OutboundMessage> out = lines(CAROL, "/trame map close");
    assertTrue(out.stream().noneMatch(m -> m.image() != null), "no picture below three answers");
    String channel = to(out, TestBot.COLLECTIVE);
    assertTrue(channel.contains("2 of 5 members answered.") && channel.contains("Fewer than 3 answers: no map and no figures"), channel);
    assertFalse(channel.contains("synergy") || channel.contains(ALICE) || channel.contains("Two days a month"), channel);
    assertTrue(to(out, ERIN).contains("The map \"Shared premises\" closed before you finished"), to(out, ERIN));
    assertFalse(to(out, CAROL).contains("Suggestions"), to(out, CAROL));
  }

  @Test
  @DisplayName("a re-run on the same topic shows how positions moved: the averages, and the zone of each member named both times only")
  void rerunShowsMoves() {
    lines(CAROL, "/trame map Pooling our funding requests");
    fiveAnswer();
    lines(CAROL, "/trame map close");
    clock.advance(Duration.ofDays(30));
    lines(CAROL, "/trame map pooling our  FUNDING requests");
    List<OutboundMessage> all = new ArrayList<>();
    all.addAll(lines(ALICE, answers(5, 4, 2, 2, 4, 5, null, null, "Two days a month", "1", true)));
    all.addAll(lines(BOB, answers(4, 4, 2, 1, 3, 2, null, null, "A little", "1", false)));
    all.addAll(lines(CAROL, answers(4, 4, 2, 2, 5, 5, null, null, "Chairing", "1", false)));
    all.addAll(lines(DAN, answers(4, 4, 2, 2, 2, 2, null, null, "Evenings", "1", true)));
    all.addAll(lines(ERIN, answers(2, 2, 4, 5, 2, 3, null, null, "A room", "1", false)));
    List<OutboundMessage> out = lines(CAROL, "/trame map close");
    OutboundMessage report = withImage(out, TestBot.COLLECTIVE);
    assertNotNull(report);
    String channel = report.text();
    assertTrue(channel.contains("Since the map of March 2, 2026 (5 answers): average synergy 3.6 → 3.7, average antagonism 2.9 → 2.4."),
        channel);
    assertTrue(channel.contains("• dan: hesitant → committed / drivers"), channel);
    assertTrue(channel.contains("• alice: committed / drivers → committed / drivers"), channel);
    // the unnamed neither appear by name nor have a move of their own
    for (String unnamed : List.of(BOB, CAROL, ERIN)) {
      assertFalse(channel.contains(unnamed), channel);
    }
    assertEquals(2, channel.split("→ ", -1).length - 1 - 2, "one zone line per member named both times, besides the two averages: " + channel);
  }

  @Test
  @DisplayName("when one or two members decline to be named, no name is shown, so that they cannot be told apart by elimination")
  void twoUnnamedHideAllNames() {
    lines(CAROL, "/trame map Pooling our funding requests");
    fiveAnswer(true, false);
    List<OutboundMessage> out = lines(CAROL, "/trame map close");
    OutboundMessage report = withImage(out, TestBot.COLLECTIVE);
    assertNotNull(report);
    String channel = report.text();
    assertTrue(channel.contains("One or two members preferred to stay unnamed"), channel);
    assertEquals(5, channel.split("• unnamed member: ", -1).length - 1, channel);
    for (String who : List.of(ALICE, BOB, CAROL, DAN, ERIN)) {
      assertFalse(channel.contains(who), channel);
    }
  }

  @Test
  @DisplayName("only coordinators open or close a map; a member's answers stay theirs until the close")
  void coordinatorsOnly() {
    List<OutboundMessage> out = lines(ALICE, "/trame map Anything at all");
    assertTrue(out.stream().noneMatch(m -> TestBot.privatelyTo(m, BOB)), "nobody was asked");
    assertTrue(lines(CAROL, "/trame map close").stream().anyMatch(m -> m.text().contains("No partner map is open.")));
    assertTrue(to(lines(CAROL, "/trame map x"), CAROL).contains("Usage, for coordinators"));
  }

  @Test
  @DisplayName("the map closes by itself at its deadline")
  void deadline() {
    lines(CAROL, "/trame map Shared premises");
    for (String m : List.of(ALICE, CAROL, DAN)) {
      lines(m, answers(4, 4, 2, 2, 3, 3, null, null, "Some time", "1", false));
    }
    clock.advance(Duration.ofDays(8));
    List<OutboundMessage> out = bot.tick();
    OutboundMessage report = withImage(out, TestBot.COLLECTIVE);
    assertNotNull(report, to(out, TestBot.COLLECTIVE));
    assertTrue(report.text().contains("3 of 5 members answered."), report.text());
    assertNull(withImage(bot.tick(), TestBot.COLLECTIVE), "closed once");
  }

  @Test
  @DisplayName("a member's export holds their map answers; erasing their data takes their point off the map, their texts and name with it")
  void exportAndErase() throws Exception {
    lines(CAROL, "/trame map Pooling our funding requests");
    fiveAnswer();
    lines(CAROL, "/trame map close");
    OutboundMessage export = lines(BOB, "/trame mydata export").stream().filter(m -> m.image() != null).findFirst().orElseThrow();
    String json = new String(export.image().bytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(json.contains("\"partner_map_answers\"") && json.contains("Pooling our funding requests") && json.contains(BOB_SECRET), json);
    assertFalse(json.contains("Two days a month"), "another member's answer is not in bob's export");
    lines(BOB, "/trame mydata forget", "yes");
    assertEquals(List.of(), bot.rows("SELECT map_id FROM partner_map_member WHERE member_id = ?", BOB));
    assertEquals(List.of(), bot.rows("SELECT turn_against FROM partner_map_member WHERE turn_against = ?", BOB_SECRET));
    assertEquals(List.of("4"), bot.rows("SELECT COUNT(*) FROM partner_map_member WHERE answered_at IS NOT NULL"));
  }

  @Test
  @DisplayName("the retention run forgets, in maps closed long ago, the texts and who agreed to be named, and keeps the positions")
  void retention() throws Exception {
    lines(CAROL, "/trame map Pooling our funding requests");
    fiveAnswer();
    lines(CAROL, "/trame map close");
    clock.advance(Duration.ofDays(400));
    bot.tick();
    assertEquals(List.of("0|0|0"), bot.rows("SELECT COUNT(turn_against), COUNT(commitment), SUM(named) FROM partner_map_member"));
    assertEquals(List.of("5"), bot.rows("SELECT COUNT(*) FROM partner_map_member WHERE synergy_rational IS NOT NULL"));
  }

  @Test
  @DisplayName("a map where synergy is weak suggests narrowing the scope or stopping, and no committed member to lean on")
  void weakSynergySuggestsNarrowingOrStopping() {
    lines(CAROL, "/trame map A common warehouse");
    lines(ALICE, answers(1, 2, 2, 1, 3, 3, null, null, "Nothing", "1", false));
    lines(BOB, answers(2, 2, 4, 4, 3, 3, null, null, "Nothing", "1", false));
    lines(DAN, answers(3, 3, 3, 3, 3, 3, null, null, "Nothing", "1", false));
    String toCarol = to(lines(CAROL, "/trame map close"), CAROL);
    assertTrue(toCarol.contains("• Overall synergy is low: narrow the scope") && toCarol.contains("(practice sheet 1; tool sheet 1)"), toCarol);
    assertFalse(toCarol.contains("Lean on"), toCarol);
    assertTrue(toCarol.contains("By zone: committed / drivers 0, torn 0, hesitant 1, passive 1, opponents 1."), toCarol);
  }
}
