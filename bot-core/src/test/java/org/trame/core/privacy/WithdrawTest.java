package org.trame.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trame.core.privacy.PrivacyScenario.*;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.TestBot;
import org.trame.core.port.Audience;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.OutboundMessage;

/** The guided right of withdrawal from the collective: reasons, approved words, data, and coming back. */
class WithdrawTest extends PrivacyCollectiveTest {

  static final String REASON = "I no longer have the time this network deserves";
  static final String WORDS = "Thank you all, it was a pleasure to work with you";


  /** Every message the lines produce, whoever they are for. */
  private List<OutboundMessage> lines(String member, String... lines) {
    List<OutboundMessage> out = new ArrayList<>();
    for (String line : lines) {
      out.addAll(bot.handle(InboundEvent.text(UUID.randomUUID().toString(), TestBot.PLATFORM, TestBot.COLLECTIVE, member, line))
          .messages());
    }
    return out;
  }

  private static String to(List<OutboundMessage> out, Audience who) {
    return String.join("\n", out.stream().filter(m -> who.isPrivate() ? TestBot.privatelyTo(m, who.id()) : m.audience().equals(who))
        .map(OutboundMessage::text).toList());
  }

  @Test
  @DisplayName("withdrawing from the collective with a shared reason and approved words: the channel reads exactly those, rounds skip her")
  void fromTheCollective() throws Exception {
    // when alice withdraws from the collective, shares her reason, writes words and approves them, keeping her data
    List<OutboundMessage> out = lines(ALICE, "/trame withdraw", "2", REASON, "2", WORDS);
    String preview = to(out, Audience.member(ALICE));
    assertTrue(preview.contains("Before it goes out, read it over:\nHere is what the collective's channel will read:"), preview);
    assertTrue(preview.indexOf("(\"back\" to change your words.)") > preview.indexOf(WORDS), preview);
    assertTrue(preview.contains(WORDS) && preview.contains(REASON), preview);
    assertTrue(preview.contains("You made no commitment in a current action plan."), preview);
    assertFalse(preview.contains("will be released"), "nothing to release is not announced as released: " + preview);
    out = lines(ALICE, "yes", "1");

    // then the channel reads the approved announcement, and she is told her data is kept
    String channel = to(out, Audience.channel(TestBot.COLLECTIVE));
    assertTrue(channel.startsWith(ALICE + " withdraws from the collective"), channel);
    assertTrue(channel.contains("In their words: \"" + WORDS + "\"") && channel.contains("Their reason: \"" + REASON + "\""), channel);
    assertTrue(to(out, Audience.member(ALICE)).contains("Your data is kept as it is"));
    // and a stakes round now invites bob and carol, not her; she is still a member and can come back
    bot.command(CAROL, "stakes round 7");
    assertEquals(List.of(BOB, CAROL), bot.rows("SELECT member_id FROM stakes_round_member ORDER BY member_id"));
    assertEquals(List.of("Welcome back: you will be asked again for stakes rounds and check-ins."), bot.command(ALICE, "withdraw return"));
    assertEquals(List.of("null"), bot.rows("SELECT withdrawn_at FROM member WHERE member_id = ?", ALICE));
  }

  @Test
  @DisplayName("a member who withdraws from the collective is not asked again the questions of a conversation she had open")
  void noQuestionAfterWithdrawal() throws Exception {
    // given alice has a stakes questionnaire open
    lines(ALICE, "/trame stakes");
    // when she withdraws from the collective, keeping her data
    String toAlice = to(lines(ALICE, "/trame withdraw", "2", REASON, "2", WORDS, "yes", "1"), Audience.member(ALICE));
    // then nothing brings the questionnaire back
    assertFalse(toAlice.contains("Back to") || toAlice.contains("What brought you"), toAlice);
  }

  @Test
  @DisplayName("withdrawing from the collective in the middle of a check-in stops it and says so (the round then counts her as having stopped)")
  void withdrawalEndsOpenRound() throws Exception {
    // given alice has begun answering a check-in
    lines(CAROL, "/trame checkin now");
    lines(ALICE, "4");
    // when she withdraws from the collective
    String toAlice = to(lines(ALICE, "/trame withdraw", "2", REASON, "2", WORDS, "yes", "1"), Audience.member(ALICE));
    // then she is told the check-in stopped, and the round no longer waits for her
    assertTrue(toAlice.contains("\"check-in\" conversation stopped: the answers you had begun in it will not be used."), toAlice);
    assertEquals(List.of("0"), bot.rows("SELECT COUNT(*) FROM conversation WHERE member_id = ? AND status IN ('active', 'paused')", ALICE));
    assertEquals(List.of("cancelled"), bot.rows("SELECT status FROM conversation WHERE member_id = ? AND flow = 'checkin'", ALICE));
  }

  @Test
  @DisplayName("a private reason never reaches the channel, declining the words tells only the coordinators, and the export comes to her")
  void privateReasonAndNoWords() throws Exception {
    List<OutboundMessage> out = lines(ALICE, "/trame withdraw", "2", REASON, "1", WORDS, "no", "2");
    // she chose to take her data away: the export comes to her alone, her private reason in it
    OutboundMessage export = out.stream().filter(m -> m.image() != null).findFirst().orElseThrow();
    assertEquals(Audience.member(ALICE), export.audience());
    assertEquals("mydata.json", export.image().fileName());
    assertTrue(new String(export.image().bytes(), java.nio.charset.StandardCharsets.UTF_8).contains(REASON));
    assertEquals("", to(out, Audience.channel(TestBot.COLLECTIVE)));
    String toCarol = to(out, Audience.member(CAROL));
    assertTrue(toCarol.contains(ALICE + " has withdrawn from the collective and did not wish a message to be shared"), toCarol);
    for (OutboundMessage m : out) {
      if (!m.audience().equals(Audience.member(ALICE))) {
        assertFalse(m.text().contains(REASON) || m.text().contains(WORDS), m.text());
      }
    }
    assertFalse(bot.rows("SELECT withdrawn_at FROM member WHERE member_id = ?", ALICE).contains("null"));
  }

  @Test
  @DisplayName("asking to leave a conflict space when in none says so and leaves her in the collective")
  void noSpaceToLeave() throws Exception {
    String said = to(lines(ALICE, "/trame withdraw", "1"), Audience.member(ALICE));
    assertTrue(said.contains("You are not taking part in any open conflict space at the moment"), said);
    assertEquals(List.of("null"), bot.rows("SELECT withdrawn_at FROM member WHERE member_id = ?", ALICE));
  }

  @Test
  @DisplayName("withdrawing and choosing to erase: the announcement goes out without her name, then nothing of her stays, her check-in remark included")
  void withdrawAndErase() throws Exception {
    stakes(bot, ALICE, ALICE_WHY, ALICE_BRINGS, ALICE_RED, "1");
    bot.command(CAROL, "checkin now");
    lines(ALICE, "4", "3", "2", "4", ALICE_REMARK, "yes");
    assertFalse(cellsHolding(bot, ALICE_REMARK).isEmpty(), "the scenario did not store the remark");
    List<OutboundMessage> out = lines(ALICE, "/trame withdraw", "2", "skip", "skip", "yes", "3");
    assertTrue(to(out, Audience.member(ALICE)).contains("Your data is erased"));
    assertTrue(to(out, Audience.channel(TestBot.COLLECTIVE)).startsWith("someone who erased their data withdraws from the collective"),
        to(out, Audience.channel(TestBot.COLLECTIVE)));
    delivered(bot);
    assertEquals(List.of(), cellsHolding(bot, ALICE_WHY));
    assertEquals(List.of(), cellsHolding(bot, ALICE_REMARK));
    assertEquals(List.of("4|null|null"), bot.rows("SELECT alignment, remark, author_tag FROM checkin_answer"));
    assertEquals(List.of(), cellsHolding(bot, ALICE));
    assertEquals(List.of(), bot.rows("SELECT member_id FROM member WHERE member_id = ?", ALICE));
  }
}
