package org.trame.core.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.port.OutboundMessage;

/** A remark its author agreed to show reaches the report as they wrote it, however long the flow let it be. */
class CheckinLongRemarkTest extends CheckinCollectiveTest {

  @Override
  String[] members() {
    return new String[] {"carol", "alice", "bob"};
  }

  /** A remark of exactly {@code length} characters that ends with a word one can look for. */
  private static String remarkOf(int length, String ending) {
    String body = "Our meetings end without a decision and the same topics come back every week. ";
    String text = body.repeat(length / body.length() + 1);
    return text.substring(0, length - ending.length()) + ending;
  }

  @Test
  @DisplayName("an 800-character remark, and one at the flow's maximum of 1,000, appear whole in the report")
  void longRemarksWhole() throws Exception {
    // given a round where alice writes 800 characters and bob 1,000, both agreeing to show them
    String eightHundred = remarkOf(800, "END-OF-ALICE");
    String thousand = remarkOf(1000, "END-OF-BOB");
    h.bot.command("carol", "checkin now");
    h.answer("carol", 3, 3, 3, 3, null, false);
    List<String> aliceReplies = h.answer("alice", 4, 4, 4, 4, eightHundred, true);
    h.answer("bob", 2, 2, 2, 2, thousand, true);
    assertTrue(aliceReplies.stream().anyMatch(r -> r.startsWith("Thank you, it's recorded")), aliceReplies.toString());
    // when the round closes
    List<OutboundMessage> closing = h.advance(Duration.ofHours(73));
    // then the channel's report carries both remarks, every character of them
    List<OutboundMessage> channel = CheckinHarness.channel(closing);
    assertEquals(1, channel.size(), closing.toString());
    String report = channel.get(0).text();
    assertTrue(report.contains("• \"" + eightHundred + "\""), report);
    assertTrue(report.contains("• \"" + thousand + "\""), report);
    assertFalse(report.contains("…"), "nothing shortened: " + report);
  }
}
