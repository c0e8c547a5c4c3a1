package org.trame.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trame.core.privacy.PrivacyScenario.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.MutableClock;
import org.trame.core.TestBot;
import org.trame.core.port.Audience;
import org.trame.core.port.OutboundMessage;

/** mydata export and mydata forget, on a collective that has been through a stakes round and a check-in. */
class MyDataTest {

  @TempDir
  Path dir;
  MutableClock clock;
  TestBot bot;

  @BeforeEach
  void start() throws Exception {
    clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    bot = new TestBot(dir.resolve("trame.db"), clock, CAROL);
    for (String m : List.of(ALICE, BOB, CAROL)) {
      bot.command(m, "lang en");
    }
    // a stakes round where alice shares everything with the collective and bob keeps his answers private
    bot.command(CAROL, "stakes round 7");
    stakes(bot, ALICE, ALICE_WHY, ALICE_BRINGS, ALICE_RED, "3");
    stakes(bot, BOB, BOB_WHY, BOB_BRINGS, "No merger of our structures", "1");
    bot.command(CAROL, "stakes round close");
    // alice is also a member of a second collective on the same platform
    commandIn(bot, "neighbours", ALICE, "lang en");
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  @DisplayName("mydata export sends the member, privately, a JSON file of their answers in all their collectives and a summary")
  void export() throws Exception {
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
    assertTrue(m.text().contains("2 collective(s)"), m.text());
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
  }

  @Test
  @DisplayName("after mydata forget and yes, no cell holds the member's id or a text they typed, but for a remark they let a check-in report show, kept with no link to them; others keep theirs")
  void forget() throws Exception {
    // given alice also answered a check-in with a remark she let the report show, and exported her data once
    bot.command(CAROL, "checkin now");
    for (String line : List.of("4", "3", "2", "4", ALICE_REMARK, "yes")) {
      bot.say(ALICE, line);
    }
    bot.command(ALICE, "mydata export");
    delivered(bot);
    assertFalse(cellsHolding(bot, ALICE_REMARK).isEmpty(), "the scenario did not store the remark");
    assertFalse(cellsHolding(bot, ALICE_WHY).isEmpty(), "the scenario did not store her answers");

    // when she asks to forget, is asked to confirm, and confirms
    String asked = TestBot.joined(bot.command(ALICE, "mydata forget"));
    assertTrue(asked.contains("Do you confirm the erasure?"), asked);
    List<String> done = bot.say(ALICE, "yes");
    delivered(bot);

    // then she is told, and nothing in the database holds her id or anything she typed
    assertTrue(TestBot.joined(done).contains("your data is erased"), TestBot.joined(done));
    assertEquals(List.of(), cellsHolding(bot, ALICE));
    for (String said : List.of(ALICE_WHY, ALICE_BRINGS, ALICE_RED, ALICE_WISH)) {
      assertEquals(List.of(), cellsHolding(bot, said), "still stored: " + said);
    }
    // except the check-in remark she let the report show: it is stored with no link to anyone (not
    // even in her own conversation), so it stays with the round's figures, as published reports do
    assertEquals(List.of("checkin_answer.remark"), cellsHolding(bot, ALICE_REMARK));
    assertEquals(List.of("id", "round_id"), bot.columns("checkin_answer").stream().filter(n -> n.contains("id")).toList());
    assertEquals(List.of(), bot.columns("checkin_answer").stream().filter(n -> n.contains("member")).toList());
    // and the others' data and the round's participation count stay
    assertFalse(cellsHolding(bot, BOB_WHY).isEmpty());
    assertEquals(List.of("2"), bot.rows("SELECT COUNT(*) FROM stakes_round_member WHERE answered_at IS NOT NULL"));
    assertEquals(List.of("4"), bot.rows("SELECT alignment FROM checkin_answer"));
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
