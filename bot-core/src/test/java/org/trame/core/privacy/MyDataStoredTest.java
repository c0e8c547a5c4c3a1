package org.trame.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trame.core.privacy.PrivacyScenario.ALICE;
import static org.trame.core.privacy.PrivacyScenario.BOB;
import static org.trame.core.privacy.PrivacyScenario.delivered;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.TestBot;
import org.trame.core.port.InboundEvent;

/** What the outbox and the dedup log still hold about a member: in their export, and gone at their erasure. */
class MyDataStoredTest extends PrivacyCollectiveTest {

  /** A click keyed as Slack keys its button clicks: by the clicking user and a time. */
  private static String clickOf(String member) {
    return "action:" + member + ":1772442000.000100";
  }

  @Test
  @DisplayName("mydata export holds the delivered messages still stored for the member and the event keys that name them, and no one else's")
  void exportHoldsDeliveredMessagesAndEventKeys() throws Exception {
    // given alice and bob each clicked something, and the replies were delivered
    String reply = TestBot.joined(TestBot.texts(bot.handle(InboundEvent.command(clickOf(ALICE), TestBot.PLATFORM,
        TestBot.COLLECTIVE, ALICE, "privacy"))));
    bot.handle(InboundEvent.command(clickOf(BOB), TestBot.PLATFORM, TestBot.COLLECTIVE, BOB, "privacy"));
    delivered(bot);

    // when alice asks for her data
    var handled = bot.handle(InboundEvent.command("e-export", TestBot.PLATFORM, TestBot.COLLECTIVE, ALICE, "mydata export"));

    // then the file lists the reply delivered to her, with when it was sent, and her click's key, not bob's
    JsonNode doc = new ObjectMapper().readTree(handled.messages().get(0).image().bytes());
    JsonNode delivered = doc.at("/collectives/console:test/messages_delivered");
    assertTrue(delivered.findValuesAsText("text").contains(reply), delivered.toString());
    assertTrue(delivered.get(0).get("sent_at").asText().startsWith("2026-03-02T"), delivered.toString());
    assertEquals("[\"console:" + clickOf(ALICE) + "\"]", doc.at("/inbound_events").findValuesAsText("event_id").stream()
        .map(v -> "\"" + v + "\"").toList().toString().replace(" ", ""));
  }

  @Test
  @DisplayName("mydata forget deletes the event keys that name the member; the others' stay")
  void forgetDeletesEventKeys() throws Exception {
    // given alice and bob each clicked something
    bot.handle(InboundEvent.command(clickOf(ALICE), TestBot.PLATFORM, TestBot.COLLECTIVE, ALICE, "privacy"));
    bot.handle(InboundEvent.command(clickOf(BOB), TestBot.PLATFORM, TestBot.COLLECTIVE, BOB, "privacy"));

    // when alice erases her data
    bot.command(ALICE, "mydata forget");
    bot.say(ALICE, "yes");

    // then no dedup record names her, and bob's is still there
    assertEquals(List.of(), bot.rows("SELECT event_id FROM inbound_event WHERE event_id LIKE ?", "%" + ALICE + "%"));
    assertEquals(List.of("console:" + clickOf(BOB)), bot.rows("SELECT event_id FROM inbound_event WHERE event_id LIKE ?", "%" + BOB + "%"));
  }
}
