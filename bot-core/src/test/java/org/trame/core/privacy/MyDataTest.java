package org.trame.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trame.core.privacy.PrivacyScenario.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.TestBot;
import org.trame.core.port.Audience;
import org.trame.core.port.OutboundMessage;

/** mydata export and mydata forget, on a collective that has been through a stakes round and a check-in. */
class MyDataTest extends PrivacyCollectiveTest {

  @Override
  void given() {
    // a stakes round where alice shares everything with the collective and bob keeps his answers private
    bot.command(CAROL, "stakes round 7");
    stakes(bot, ALICE, ALICE_WHY, ALICE_BRINGS, ALICE_RED, "3");
    stakes(bot, BOB, BOB_WHY, BOB_BRINGS, "No merger of our structures", "1");
    bot.command(CAROL, "stakes round close");
    // alice is also a member of a second collective on the same platform
    commandIn(bot, "neighbours", ALICE, "lang en");
  }

  @Test
  @DisplayName("mydata export sends the member, privately, a JSON file of their answers in all their collectives and a summary")
  void export() throws Exception {
    // given alice and bob also answered a check-in with a remark each
    checkin();

    // when alice asks for her data
    var handled = bot.handle(org.trame.core.port.InboundEvent.command("e1", TestBot.PLATFORM, TestBot.COLLECTIVE, ALICE,
        "mydata export"));

    // then one private message to her carries the file and a summary naming both collectives
    assertEquals(1, handled.messages().size());
    OutboundMessage m = handled.messages().get(0);
    assertEquals(Audience.member(ALICE), m.audience());
    assertNotNull(m.image());
    assertEquals("mydata.json", m.image().fileName());
    assertEquals("application/json", m.image().mediaType());
    assertTrue(m.text().contains("2 collectives"), m.text());
    assertTrue(m.text().contains("• test:") && m.text().contains("• neighbours:"), m.text());
    // and the file holds every answer she gave, readable, and nothing of bob
    JsonNode doc = new ObjectMapper().readTree(m.image().bytes());
    String file = doc.toString();
    for (String said : List.of(ALICE_WHY, ALICE_BRINGS, ALICE_RED, ALICE_SKILLS)) {
      assertTrue(file.contains(said), "the export lacks " + said);
    }
    assertFalse(file.contains(BOB_WHY) || file.contains(BOB_BRINGS), "the export holds bob's answers");
    assertTrue(doc.at("/collectives/console:test/stakes_answers").size() >= 4);
    assertEquals(1, doc.at("/collectives/console:test/stakes_rounds").size());
    assertTrue(doc.at("/collectives/console:test/stakes_answers/0/answered_at").asText().startsWith("2026-03-02T"));
    assertTrue(doc.has("collectives") && doc.get("collectives").has("console:neighbours"));
    // and her check-in answer with its scores and remark, found through her tag, and not bob's
    JsonNode answers = doc.at("/collectives/console:test/checkin_answers");
    assertEquals(1, answers.size(), answers.toString());
    assertEquals(ALICE_REMARK, answers.get(0).get("remark").asText());
    assertEquals(List.of(4, 3, 2, 4), List.of(answers.get(0).get("alignment").asInt(), answers.get(0).get("engagement").asInt(),
        answers.get(0).get("fairness").asInt(), answers.get(0).get("trust").asInt()));
    assertFalse(file.contains(BOB_REMARK), "the export holds bob's remark");
    assertFalse(file.contains("author_tag"), "the tag itself is the bot's, not a datum to hand out");
    assertTrue(m.text().contains("1 check-in answer"), m.text());
  }

  @Test
  @DisplayName("mydata export lists a reply still to be sent as waiting, and one the platform refused as given up, with why")
  void exportTellsWaitingFromGivenUp() throws Exception {
    // given two private replies to alice: one not sent yet, one the platform said it can never deliver
    bot.trame().awaitSent(java.time.Duration.ofSeconds(10));
    bot.trame().write(c -> null).join(); // what was sent is marked so
    List<String> ids = bot.rows("SELECT id FROM outbox WHERE collective_id = 'console:test' AND recipient = ? AND audience = 'member'"
        + " ORDER BY id DESC LIMIT 2", ALICE);
    bot.trame().write(c -> {
      c.createStatement().executeUpdate("UPDATE outbox SET sent_at = NULL WHERE id = " + ids.get(0));
      c.createStatement().executeUpdate("UPDATE outbox SET sent_at = NULL, given_up_at = 1772409600000,"
          + " last_error = 'user_not_found' WHERE id = " + ids.get(1));
      return null;
    }).join();

    // when she asks for her data
    var handled = bot.handle(org.trame.core.port.InboundEvent.command("e2", TestBot.PLATFORM, TestBot.COLLECTIVE, ALICE,
        "mydata export"));

    // then the first is waiting and the second given up, with the platform's reason, and neither is in the other list
    JsonNode test = new ObjectMapper().readTree(handled.messages().get(0).image().bytes()).at("/collectives/console:test");
    assertEquals(1, test.at("/messages_waiting").size(), test.at("/messages_waiting").toString());
    JsonNode givenUp = test.at("/messages_given_up");
    assertEquals(1, givenUp.size(), givenUp.toString());
    assertEquals("user_not_found", givenUp.get(0).get("reason").asText());
    assertTrue(givenUp.get(0).get("given_up_at").asText().startsWith("2026-03-02T"), givenUp.toString());
    assertFalse(test.at("/messages_waiting/0/payload").toString().equals(givenUp.get(0).get("payload").toString()));
  }

  @Test
  @DisplayName("after mydata forget and yes, no cell holds the member's id or any text they typed, a check-in remark they let the report show included; others keep theirs, and the round's scores stay")
  void forget() throws Exception {
    // given alice and bob answered a check-in, each with a remark they let the report show, and alice exported her data once
    checkin();
    bot.command(ALICE, "mydata export");
    delivered(bot);
    assertFalse(cellsHolding(bot, ALICE_REMARK).isEmpty(), "the scenario did not store the remark");
    assertFalse(cellsHolding(bot, ALICE_WHY).isEmpty(), "the scenario did not store her answers");

    // when she asks to forget, is asked to confirm, and confirms
    String asked = TestBot.joined(bot.command(ALICE, "mydata forget"));
    assertTrue(asked.contains("Do you confirm the erasure?"), asked);
    List<String> done = bot.say(ALICE, "yes");
    delivered(bot);

    // then she is told, and nothing in the database holds her id or anything she typed, her check-in remark included
    assertTrue(TestBot.joined(done).contains("your data is erased"), TestBot.joined(done));
    assertEquals(List.of(), cellsHolding(bot, ALICE));
    for (String said : List.of(ALICE_WHY, ALICE_BRINGS, ALICE_RED, ALICE_WISH, ALICE_REMARK)) {
      assertEquals(List.of(), cellsHolding(bot, said), "still stored: " + said);
    }
    // and her check-in answer keeps its scores (they are in the round's figures) but nothing that leads to her
    assertEquals(List.of("4|null|null"), bot.rows("SELECT alignment, remark, author_tag FROM checkin_answer WHERE alignment = 4"));
    // and the others' data stay: bob's stakes, bob's remark with his tag, the round's participation count
    assertFalse(cellsHolding(bot, BOB_WHY).isEmpty());
    assertEquals(List.of(BOB_REMARK + "|tagged"), bot.rows("SELECT remark, CASE WHEN author_tag IS NULL THEN 'none' ELSE 'tagged' END"
        + " FROM checkin_answer WHERE alignment = 2"));
    assertEquals(List.of("2"), bot.rows("SELECT COUNT(*) FROM stakes_round_member WHERE answered_at IS NOT NULL"));
    assertEquals(List.of("2"), bot.rows("SELECT COUNT(*) FROM checkin_answer"));
  }

  /** A check-in round where alice (4, 3, 2, 4) and bob (2, 2, 5, 1) both let the report show their remark. */
  private void checkin() {
    bot.command(CAROL, "checkin now");
    for (String line : List.of("4", "3", "2", "4", ALICE_REMARK, "yes")) {
      bot.say(ALICE, line);
    }
    for (String line : List.of("2", "2", "5", "1", BOB_REMARK, "yes")) {
      bot.say(BOB, line);
    }
  }

  @Test
  @DisplayName("mydata forget answered no erases nothing")
  void forgetDeclined() throws Exception {
    bot.command(ALICE, "mydata forget");
    List<String> kept = bot.say(ALICE, "no");
    assertTrue(TestBot.joined(kept).contains("Nothing was erased"), TestBot.joined(kept));
    assertEquals(List.of(ALICE), bot.rows("SELECT member_id FROM member WHERE collective_id = 'console:test' AND member_id = ?", ALICE));
    assertFalse(cellsHolding(bot, ALICE_WHY).isEmpty());
  }
}
