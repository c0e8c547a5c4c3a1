package org.trame.core.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.TestBot;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.OutboundMessage;

/** What a check-in keeps of a member's answers, and what a member is told before answering. */
class CheckinPrivacyTest extends CheckinCollectiveTest {

  @Override
  String[] members() {
    return new String[] {"carol", "alice", "bob", "dan"};
  }

  @Test
  @DisplayName("a remark its author refused to show is kept nowhere, and no answer stays linked to the member who gave it")
  void refusedRemarkIsNotKept() throws Exception {
    // given a round open to everyone
    h.bot.command("carol", "checkin now");
    // when alice answers with a remark she refuses to share, and bob stops halfway through his own remark
    h.answer("alice", 2, 5, 1, 3, "Xylophone-remark: I am thinking of leaving", false);
    h.bot.say("bob", "4");
    h.bot.say("bob", "4");
    h.bot.say("bob", "4");
    h.bot.say("bob", "4");
    h.bot.say("bob", "Zebra-remark: the budget worries me");
    h.bot.say("bob", "cancel");
    h.bot.command("carol", "checkin close");
    // then the refused remark is nowhere in the database, nor is the remark of the member who stopped
    assertEquals(List.of("0"), h.bot.rows("SELECT count(*) FROM conversation WHERE state LIKE '%Xylophone%'"));
    assertEquals(List.of("0"), h.bot.rows("SELECT count(*) FROM checkin_answer WHERE remark LIKE '%Xylophone%'"));
    assertEquals(List.of("0"), h.bot.rows("SELECT count(*) FROM conversation WHERE state LIKE '%Zebra%'"));
    // and the member's conversation no longer holds the scores she gave: only the unattributed row does
    assertEquals(List.of("0"), h.bot.rows("SELECT count(*) FROM conversation WHERE flow = 'checkin' AND member_id = 'alice'"
        + " AND json_extract(state, '$.answers.alignment') IS NOT NULL"));
    assertEquals(List.of("2|5|1|3"), h.bot.rows("SELECT alignment, engagement, fairness, trust FROM checkin_answer"));
  }

  @Test
  @DisplayName("when the collective turned anonymous mode off, the invitation says that figures may show from a single answer")
  void notAnonymousIsSaid() throws Exception {
    // given a collective whose coordinator turned anonymous mode off
    h.bot.command("carol", "checkin anonymous off");
    // when a round opens
    String invitation = invitationTo("alice", now());
    // then alice is told before answering that the round is not anonymous
    assertTrue(invitation.contains("turned anonymous mode off"), invitation);
    // and once anonymous mode is back, the invitation says nothing of the kind
    h.bot.command("carol", "checkin close");
    h.bot.command("carol", "checkin anonymous on");
    h.advance(Duration.ofMinutes(1));
    String again = invitationTo("alice", now());
    assertFalse(again.contains("anonymous mode off"), again);
  }

  private List<OutboundMessage> now() {
    return h.bot.handle(InboundEvent.command(UUID.randomUUID().toString(), TestBot.PLATFORM, TestBot.COLLECTIVE, "carol", "checkin now"))
        .messages();
  }

  private static String invitationTo(String member, List<OutboundMessage> messages) {
    return CheckinHarness.to(messages, member).stream().map(OutboundMessage::text).filter(t -> t.startsWith("The collective's check-in"))
        .findFirst().orElseThrow();
  }
}
