package org.trame.core.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.TestBot;
import org.trame.core.port.OutboundMessage;

/** A weekly check-in for five members: carol coordinates; alice, bob, dan, eve answer or not. */
class CheckinRoundTest extends CheckinCollectiveTest {

  @Override
  String[] members() {
    return new String[] {"carol", "alice", "bob", "dan", "eve"};
  }

  @Test
  @DisplayName("members cannot schedule or start check-ins: the coordinators' refusal")
  void refusedToMembers() {
    assertEquals(List.of("Only coordinators can run \"checkin schedule\". If you think it would help, tell one of them."),
        h.bot.command("alice", "checkin schedule 0 9 * * 1 Europe/Paris"));
    assertEquals(List.of("Only coordinators can run \"checkin now\". If you think it would help, tell one of them."),
        h.bot.command("alice", "checkin now"));
  }

  @Test
  @DisplayName("a weekly schedule asks every member privately at 09:00 Paris time, and not before")
  void scheduleAsksAtLocalTime() throws Exception {
    String set = TestBot.joined(h.bot.command("carol", "checkin schedule 0 9 * * 1 Europe/Paris"));
    assertTrue(set.contains("Next round: March 2, 2026 at 09:00 Europe/Paris"), set);
    assertEquals(List.of(), h.runUntil(MONDAY_9_PARIS.minusSeconds(1)));
    List<OutboundMessage> asked = h.runUntil(MONDAY_9_PARIS);
    assertEquals(List.of("alice", "bob", "carol", "dan", "eve"), CheckinHarness.recipients(asked, "The collective's check-in"));
    String first = CheckinHarness.to(asked, "alice").get(2).text();
    assertTrue(first.startsWith("Today, do you feel in line with the common project"), first);
    assertTrue(CheckinHarness.channel(asked).isEmpty(), "nothing goes to the channel when a round opens");
  }

  @Test
  @DisplayName("one reminder goes only to members who have not answered, and nobody who answered or declined is notified again")
  void reminderOnlyToSilent() throws Exception {
    weeklyOnMondaysInParis();
    h.runUntil(MONDAY_9_PARIS);
    h.answer("alice", 4, 4, 3, 4, null, false);
    h.answer("bob", 5, 3, 2, 4, "Meetings are too long", true);
    h.bot.say("dan", "3"); // dan starts, does not finish
    h.bot.say("eve", "cancel"); // eve declines: an answer too
    List<OutboundMessage> day = h.advance(Duration.ofHours(24));
    assertEquals(List.of("carol", "dan"), CheckinHarness.recipients(day, "A gentle reminder"));
    assertTrue(CheckinHarness.to(day, "alice").isEmpty() && CheckinHarness.to(day, "bob").isEmpty(), "answered: left alone");
    List<OutboundMessage> rest = h.advance(Duration.ofHours(48));
    assertTrue(rest.stream().noneMatch(m -> m.text().startsWith("A gentle reminder")), "one reminder only");
    assertTrue(rest.stream().filter(m -> m.audience().isPrivate()).noneMatch(m -> List.of("alice", "bob", "eve").contains(m.audience().id())),
        "no private message to those who answered or declined");
    String report = CheckinHarness.channel(rest).get(0).text();
    assertTrue(report.contains("Participation: 2 of 5 members answered (1 skipped this round)."), report);
  }

  @Test
  @DisplayName("the report at close: participation, averages, distribution, consented remarks only, a PNG chart, and no name")
  void reportAtClose() throws Exception {
    weeklyOnMondaysInParis();
    h.runUntil(MONDAY_9_PARIS);
    h.answer("alice", 4, 4, 3, 4, "Keep the Friday calls", true);
    h.answer("bob", 5, 3, 2, 4, "Secret worry about the budget", false);
    h.answer("carol", 3, 5, 4, 3, null, false);
    h.bot.command("eve", "checkin skip");
    List<OutboundMessage> closing = h.advance(Duration.ofHours(72));
    List<OutboundMessage> channel = CheckinHarness.channel(closing);
    assertEquals(1, channel.size(), channel.toString());
    String report = channel.get(0).text();
    assertTrue(report.contains("Participation: 3 of 5 members answered (1 skipped this round)."), report);
    assertTrue(report.contains("• Alignment with the common project: average 4.0 (no earlier round to compare with yet)"
        + " — answers from 1 to 5: 1:0 · 2:0 · 3:1 · 4:1 · 5:1"), report);
    assertTrue(report.contains("• Fairness of contributions: average 3.0"), report);
    assertTrue(report.contains("• \"Keep the Friday calls\""), report);
    assertFalse(report.contains("Secret worry"), "a remark without consent never appears: " + report);
    for (String name : List.of("alice", "bob", "carol", "dan", "eve")) {
      assertFalse(report.contains(name), name + " is named in the report: " + report);
    }
    assertNotNull(channel.get(0).image(), "the report carries the chart");
    byte[] png = channel.get(0).image().bytes();
    assertEquals("image/png", channel.get(0).image().mediaType());
    assertEquals(0x89, png[0] & 0xFF);
    assertEquals("PNG", new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
    assertEquals(List.of(800, 400), List.of(image.getWidth(), image.getHeight()));
    // the chart in words, for screen readers (alt text): each question's averages, round by round
    String alt = channel.get(0).image().description();
    assertTrue(alt.startsWith("Line chart \"Check-ins: averages per round\": each question's average (1 to 5) at each round"), alt);
    assertTrue(alt.contains("Alignment with the common project: 4.0") && alt.contains("Fairness of contributions: 3.0"), alt);
    // and it survives the outbox's JSON, as a restart reads it
    assertEquals(channel.get(0).image(), org.trame.core.storage.Json.read(org.trame.core.storage.Json.write(channel.get(0)),
        OutboundMessage.class).image());
    assertEquals(List.of(), h.bot.rows("SELECT remark FROM checkin_answer WHERE remark LIKE 'Secret%'"), "an unshared remark is not even kept");
  }

  @Test
  @DisplayName("an anonymous collective with 2 answers shows no figure and no chart, only participation")
  void anonymityWithTwoAnswers() throws Exception {
    h.bot.command("carol", "checkin now");
    h.answer("alice", 1, 1, 1, 1, "We are lost", true);
    h.answer("bob", 2, 2, 2, 2, null, false);
    String closed = TestBot.joined(h.bot.command("carol", "checkin close"));
    assertTrue(closed.contains("Round closed"), closed);
    h.bot.trame().awaitSent(Duration.ofSeconds(5));
    OutboundMessage report = CheckinHarness.channel(h.bot.sent).get(0);
    assertTrue(report.text().contains("Participation: 2 of 5 members answered"), report.text());
    assertTrue(report.text().contains("Fewer than 3 answers: no figure is shown"), report.text());
    assertFalse(report.text().matches("(?s).*\\d\\.\\d.*"), "no average: " + report.text());
    assertFalse(report.text().contains("1:") || report.text().contains("We are lost"), report.text());
    assertNull(report.image(), "no chart either");
    // and no drift signal reveals those two answers (fairness 1.5 would be below 3)
    assertTrue(h.bot.sent.stream().noneMatch(m -> m.text().contains("Fairness of contributions rated low")));
  }

  @Test
  @DisplayName("with anonymity off, two answers show their averages, still without names")
  void anonymityOff() throws Exception {
    assertEquals(List.of("Anonymous mode off: averages are shown whatever the number of answers (still never saying who answered what)."),
        h.bot.command("carol", "checkin anonymous off"));
    h.bot.command("carol", "checkin now");
    h.answer("alice", 1, 1, 1, 1, null, false);
    h.answer("bob", 2, 2, 2, 2, null, false);
    h.bot.command("carol", "checkin close");
    h.bot.trame().awaitSent(Duration.ofSeconds(5));
    String report = CheckinHarness.channel(h.bot.sent).get(0).text();
    assertTrue(report.contains("Alignment with the common project: average 1.5"), report);
    assertFalse(report.contains("alice") || report.contains("bob"), report);
  }

  @Test
  @DisplayName("a member with their own time zone is asked at 09:00 where they are")
  void memberZone() throws Exception {
    assertEquals(List.of("Noted: your time zone is America/New_York. Check-ins will reach you at the planned time, where you are."),
        h.bot.command("dan", "tz America/New_York"));
    weeklyOnMondaysInParis();
    List<OutboundMessage> paris = h.runUntil(MONDAY_9_PARIS);
    assertTrue(CheckinHarness.to(paris, "dan").isEmpty(), "not yet 09:00 in New York");
    assertFalse(CheckinHarness.to(paris, "alice").isEmpty());
    List<OutboundMessage> early = h.runUntil(Instant.parse("2026-03-02T13:59:59Z"));
    assertTrue(CheckinHarness.to(early, "dan").isEmpty(), early.toString());
    List<OutboundMessage> newYork = h.runUntil(Instant.parse("2026-03-02T14:00:00Z"));
    assertEquals(List.of("dan"), CheckinHarness.recipients(newYork, "The collective's check-in"));
    assertTrue(CheckinHarness.to(newYork, "dan").get(0).text().contains("America/New_York"), "the deadline in dan's own zone");
  }

  @Test
  @DisplayName("a zone the platform gives is used until the member sets their own with tz; a bad one is ignored")
  void platformZone() {
    var hints = new org.trame.core.port.MemberHints("en-US", "America/Chicago", false);
    var first = new org.trame.core.port.InboundEvent("z1", TestBot.PLATFORM, TestBot.COLLECTIVE, "zoe", "zoe",
        org.trame.core.port.InboundEvent.Kind.COMMAND, "tz", null, null, hints);
    assertEquals(List.of("Your time zone: America/Chicago. \"tz Area/City\" to change it."), TestBot.texts(h.bot.handle(first)));
    h.bot.command("zoe", "tz Europe/Lisbon");
    var later = new org.trame.core.port.InboundEvent("z2", TestBot.PLATFORM, TestBot.COLLECTIVE, "zoe", "zoe",
        org.trame.core.port.InboundEvent.Kind.COMMAND, "tz", null, null, hints);
    assertEquals(List.of("Your time zone: Europe/Lisbon. \"tz Area/City\" to change it."), TestBot.texts(h.bot.handle(later)));
    var bogus = new org.trame.core.port.InboundEvent("z3", TestBot.PLATFORM, TestBot.COLLECTIVE, "yan", "yan",
        org.trame.core.port.InboundEvent.Kind.COMMAND, "tz", null, null, new org.trame.core.port.MemberHints(null, "Nowhere/Land", false));
    assertTrue(TestBot.texts(h.bot.handle(bogus)).get(0).startsWith("I don't know your time zone"));
  }

  @Test
  @DisplayName("bad input is refused with its reason and saves nothing: cron 61, unknown zone, a snooze date in the past")
  void badInput() throws Exception {
    assertEquals(List.of("\"61 * * * *\" is not a valid rhythm: the minute 61 is out of range 0–59. Nothing was saved."),
        h.bot.command("carol", "checkin schedule 61 * * * *"));
    assertEquals(List.of("\"0 9 * *\" is not a valid rhythm: it needs 5 fields (minute hour day-of-month month day-of-week), it has 4."
        + " Nothing was saved."), h.bot.command("carol", "checkin schedule 0 9 * *"));
    assertEquals(List.of("\"Mars/Olympus_Mons\" is not a time zone I know. Write it as Area/City, for example Europe/Paris or"
        + " America/New_York. Nothing was saved."), h.bot.command("carol", "checkin schedule 0 9 * * 1 Mars/Olympus_Mons"));
    assertEquals(List.of(), h.bot.rows("SELECT * FROM checkin_schedule"));
    assertEquals(List.of(), h.bot.rows("SELECT * FROM scheduled_job WHERE kind LIKE 'checkin.%'"));
    assertTrue(TestBot.joined(h.bot.command("alice", "tz Paris")).startsWith("\"Paris\" is not a time zone I know."));
    assertEquals(List.of("null"), h.bot.rows("SELECT time_zone FROM member WHERE member_id = 'alice'"));
    assertEquals(List.of("February 1, 2026 is already past (today is March 1, 2026): give a date to come, as YYYY-MM-DD. Nothing was changed."),
        h.bot.command("alice", "checkin snooze 2026-02-01"));
    assertTrue(TestBot.joined(h.bot.command("alice", "checkin snooze next week")).startsWith("Usage: \"checkin snooze YYYY-MM-DD\""));
    assertEquals(List.of(), h.bot.rows("SELECT * FROM checkin_snooze"));
    assertTrue(TestBot.joined(h.bot.command("carol", "checkin reminder 0")).startsWith("Usage: \"checkin reminder"));
    assertTrue(TestBot.joined(h.bot.command("carol", "checkin anonymous maybe")).startsWith("Usage: \"checkin anonymous on\""));
  }

  @Test
  @DisplayName("the words the invitation gives, typed as written in the middle of the questions, skip the round")
  void invitationAdviceWorksAsWritten() throws Exception {
    // given: bob is invited and has answered a first question
    List<String> opened = h.bot.command("carol", "checkin now");
    String invitation = opened.stream().filter(t -> t.contains("to skip this round")).findFirst().orElseThrow();
    java.util.regex.Matcher advice = java.util.regex.Pattern.compile("\"(/trame checkin skip)\"").matcher(invitation);
    assertTrue(advice.find(), invitation);
    h.bot.say("bob", "3");
    // when: he types what it says
    List<String> said = h.bot.say("bob", advice.group(1));
    // then: the round is skipped, and the check-in asks nothing more
    assertEquals(List.of("Noted: you skip this round. See you next time."), said);
    assertEquals(List.of("We have no conversation going on. Type \"/trame help\" to see what I can do."), h.bot.say("bob", "4"));
  }

  @Test
  @DisplayName("a member still answering when the round closes is told that what they began is not kept; one who never began is left alone")
  void closedWhileAnswering() throws Exception {
    // given: alice is half-way through the questions, dan has not begun
    h.bot.command("carol", "checkin now");
    h.bot.say("alice", "4");
    h.bot.say("alice", "3");
    // when: carol closes the round
    List<OutboundMessage> closing = h.command("carol", "checkin close");
    // then: alice reads why her next words will not count; dan gets nothing
    assertEquals(List.of("The check-in closed before you had finished: its questions no longer wait for you, and what you had begun"
        + " is not kept. Thank you all the same, and see you next time."),
        CheckinHarness.textsTo(closing, "alice"));
    assertTrue(CheckinHarness.to(closing, "dan").isEmpty(), CheckinHarness.to(closing, "dan").toString());
    assertEquals(List.of("0"), h.bot.rows("SELECT COUNT(*) FROM checkin_answer"));
  }

  @Test
  @DisplayName("the snooze usage's example is a date to come, which the command takes as it stands")
  void snoozeExampleIsToCome() throws Exception {
    String usage = TestBot.joined(h.bot.command("alice", "checkin snooze soon"));
    java.util.regex.Matcher example = java.util.regex.Pattern.compile("for example \"(checkin snooze \\d{4}-\\d{2}-\\d{2})\"").matcher(usage);
    assertTrue(example.find(), usage);
    assertEquals(List.of("Noted: no check-in for you before March 15, 2026."), h.bot.command("alice", example.group(1)));
  }

  @Test
  @DisplayName("a snoozed member is not asked until the date; a skip covers this round only")
  void snoozeAndSkip() throws Exception {
    weeklyOnMondaysInParis();
    assertEquals(List.of("Noted: no check-in for you before March 9, 2026."), h.bot.command("alice", "checkin snooze 2026-03-09"));
    List<OutboundMessage> first = h.runUntil(MONDAY_9_PARIS);
    assertTrue(CheckinHarness.to(first, "alice").isEmpty(), "snoozed: not asked on 2 March");
    assertEquals(List.of("Noted: you skip this round. See you next time."), h.bot.command("bob", "checkin skip"));
    List<OutboundMessage> week = h.runUntil(MONDAY_9_PARIS.plus(Duration.ofDays(7)));
    assertTrue(week.stream().noneMatch(m -> m.audience().id().equals("bob") && m.text().startsWith("A gentle reminder")),
        "a member who skipped is not reminded");
    assertEquals(List.of("alice", "bob", "carol", "dan", "eve"),
        CheckinHarness.recipients(week.stream().filter(m -> m.text().startsWith("The collective's check-in")).toList(), ""),
        "on 9 March bob is asked again, and alice, whose snooze ended, too");
  }

  @Test
  @DisplayName("checkin report gives the last report again, privately to the coordinator, with its chart")
  void reportAgain() throws Exception {
    assertEquals(List.of("No round has closed yet: there is no report to show again."), h.bot.command("carol", "checkin report"));
    h.bot.command("carol", "checkin now");
    h.answer("alice", 4, 4, 4, 4, null, false);
    h.answer("bob", 4, 4, 4, 4, null, false);
    h.answer("dan", 4, 4, 4, 4, null, false);
    h.bot.command("carol", "checkin close");
    var handled = h.bot.handle(org.trame.core.port.InboundEvent.command("r1", TestBot.PLATFORM, TestBot.COLLECTIVE, "carol", "checkin report"));
    OutboundMessage again = handled.messages().get(0);
    assertTrue(again.audience().isPrivate() && again.audience().id().equals("carol"));
    assertTrue(again.text().startsWith("The last report, for you:") && again.text().contains("average 4.0"), again.text());
    assertNotNull(again.image());
  }
}
