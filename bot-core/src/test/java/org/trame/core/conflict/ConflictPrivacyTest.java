package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.port.OutboundMessage;

/** The right of withdrawal, export, erasure and retention in a conflict space taken up to its action plan. */
class ConflictPrivacyTest extends ConflictSpaceTest {

  static final String ALIX = "alix-3";
  static final String BORIS = "boris-4";
  static final String ALIX_DESCRIPTION = "Their association keeps the shared van every week and our food deliveries are late because we never know when it is free.";
  static final String BORIS_DESCRIPTION = "We need the van for the Tuesday market and there is no schedule, so we just take it when we can.";
  static final String ALIX_NEEDS = "I need to know one day ahead when the van is free, because our deliveries are planned weekly.";
  static final String BORIS_NEEDS = "I need to be able to count on the van on Tuesday mornings for the market stall.";
  static final String ALIX_IDEA = "A shared online calendar for the van";
  static final String ALIX_STEP = "Set up the shared calendar";
  static final String ALIX_OBSTACLE = "People forgetting to book";
  static final String BORIS_STEP = "Tell our volunteers about Tuesdays";
  static final String ALIX_RESTATES = "You need the van to be yours on Tuesday mornings, for your market stall.";
  static final String BORIS_RESTATES = "You need to know the day before whether the van is free for your deliveries.";
  static final String ALIX_REMARK = "cheap, and everyone can see it";
  static final String ALIX_RESOURCES = "Two hours of a volunteer";
  static final String ALIX_PLAN_REMARK = "Could we meet once to set it up together";

  @Override
  String[] members() {
    return new String[] {ALIX, BORIS, "dan"};
  }

  /** Opens the space and takes both parties through triage, preparation and approved needs. */
  private void toNeedsShared() {
    s.command("carol", "conflict @" + ALIX + " @" + BORIS + " Sharing the van");
    s.joinAs(ALIX, ALIX_DESCRIPTION, "2");
    s.joinAs(BORIS, BORIS_DESCRIPTION, "2");
    s.says(ALIX, "yes", "1");
    s.says(BORIS, "yes", "3");
    s.says(ALIX, ALIX_NEEDS, "yes");
    s.says(BORIS, BORIS_NEEDS, "yes");
    s.says(ALIX, ALIX_RESTATES, "yes");
    s.says(BORIS, BORIS_RESTATES, "yes");
    s.says(ALIX, "1");
    s.says(BORIS, "1");
    s.says(ALIX, "yes");
    s.says(BORIS, "yes");
  }

  /** ...then solutions, marks, a decision and an action plan where each party owns a step. */
  private void toPlan() {
    toNeedsShared();
    s.says(ALIX, ALIX_IDEA + "\nBoris keeps Tuesdays, the food bank keeps Thursdays", "done");
    s.says(BORIS, "Rent a second van on market days", "done");
    s.says(ALIX, "5 5 4 " + ALIX_REMARK, "4 5 5", "2 3 3");
    s.says(BORIS, "5 4 4", "5 5 5", "3 3 2");
    s.says(ALIX, "1, 2");
    s.says(BORIS, "1");
    s.says(ALIX, "yes");
    s.says(BORIS, "yes");
    s.says(ALIX, "yes", ALIX_STEP, "me", "2026-03-10", ALIX_RESOURCES, ALIX_OBSTACLE, "no", "2026-04-15");
    s.says(BORIS, "yes", BORIS_STEP, BORIS, "09/03/2026", "skip", "skip", "no", "2026-04-01");
    s.says(ALIX, "no", ALIX_PLAN_REMARK);
    s.says(BORIS, "yes");
    s.says(ALIX, "yes", ALIX_STEP, "me", "2026-03-10", ALIX_RESOURCES, ALIX_OBSTACLE, "no", "2026-04-15");
    s.says(BORIS, "yes", BORIS_STEP, BORIS, "09/03/2026", "skip", "skip", "no", "2026-04-01");
    s.approvePlan(ALIX, BORIS);
  }

  @Test
  @DisplayName("a party leaving the space after the plan: their step is released and the other told, the space stops, they stay in the collective")
  void leaveTheSpace() throws Exception {
    toPlan();
    assertTrue(s.to(ALIX).contains("owner: " + BORIS), s.to(ALIX));

    // when boris withdraws from the space with approved words
    String commitments = s.say(BORIS, "/trame withdraw") + s.say(BORIS, "1") + s.say(BORIS, "skip");
    assertTrue(commitments.contains("Your current commitments:\n• " + BORIS_STEP + " (2026-03-09)\nThey will be released"), commitments);
    s.says(BORIS, "I would rather step back, good luck to you both", "yes", "1");

    // then alix reads his words, the released step, and that the space stops; carol too is told
    String toAlix = s.to(ALIX);
    assertTrue(toAlix.contains(BORIS + " withdraws from the conflict space. Withdrawing is a right and does not exclude them from the collective."
        + "\nIn their words: \"I would rather step back, good luck to you both\""), toAlix);
    assertTrue(toAlix.contains("Space #1: the commitment " + BORIS + " had made is released and needs taking over: " + BORIS_STEP), toAlix);
    assertTrue(toAlix.contains("Space #1 stops here"), toAlix);
    assertTrue(s.to("carol").contains("Space #1: " + BORIS + " chose to stop here."), s.to("carol"));
    assertEquals(List.of("—"), s.bot.rows("SELECT owner FROM conflict_action WHERE what = ?"
        + " AND plan_seq = (SELECT max(plan_seq) FROM conflict_action)", BORIS_STEP), "the agreed plan's step is released");
    assertEquals(List.of("null"), s.bot.rows("SELECT withdrawn_at FROM member WHERE member_id = ?", BORIS));
    assertTrue(s.channel().isEmpty(), "leaving a space never reaches the channel: " + s.channel());
  }

  @Test
  @DisplayName("a party's export holds their part of the space; after erasure no cell holds their id or words, the other's stay")
  void exportThenErase() throws Exception {
    toPlan();
    List<OutboundMessage> export = s.bot.handle(org.trame.core.port.InboundEvent.command("x1", "console", "test", ALIX,
        "mydata export")).messages();
    JsonNode doc = new ObjectMapper().readTree(export.get(0).image().bytes());
    JsonNode mine = doc.at("/collectives/console:test");
    assertEquals(ALIX_NEEDS, mine.at("/conflict_parties/0/needs").asText());
    assertEquals(2, mine.get("conflict_solutions").size());
    assertTrue(mine.get("conflict_plan_steps").toString().contains(ALIX_STEP));
    assertTrue(mine.get("conflict_plan_steps").toString().contains(ALIX_RESOURCES));
    assertEquals(ALIX_RESTATES, mine.at("/conflict_parties/0/restatement").asText());
    assertTrue(mine.get("conflict_ratings").toString().contains(ALIX_REMARK), mine.get("conflict_ratings").toString());
    // the other party's words are in no row of hers; only in the messages she received, as she read them (his approved wording)
    JsonNode received = ((com.fasterxml.jackson.databind.node.ObjectNode) mine).remove("messages_delivered");
    assertTrue(received.toString().contains(BORIS_NEEDS), received.toString());
    assertFalse(doc.toString().contains(BORIS_NEEDS), "the other party's words are not in her export");

    s.says(ALIX, "/trame mydata forget", "yes");
    s.bot.trame().awaitSent(Duration.ofSeconds(5));
    s.bot.trame().write(c -> null).join();
    s.bot.trame().write(c -> null).join();

    for (String needle : List.of(ALIX, ALIX_DESCRIPTION, ALIX_NEEDS, ALIX_IDEA, ALIX_STEP, ALIX_OBSTACLE, ALIX_RESTATES, ALIX_REMARK,
        ALIX_RESOURCES, ALIX_PLAN_REMARK)) {
      assertEquals(List.of(), org.trame.core.privacy.CellScan.holding(s.bot, needle), "still stored: " + needle);
    }
    assertFalse(org.trame.core.privacy.CellScan.holding(s.bot, BORIS_NEEDS).isEmpty());
    assertFalse(org.trame.core.privacy.CellScan.holding(s.bot, BORIS).isEmpty());
  }

  @Test
  @DisplayName("texts of a space closed longer ago than the retention are erased by the daily run; the space's facts stay")
  void retention() throws Exception {
    toNeedsShared();
    s.command("carol", "conflict close 1");
    assertEquals(List.of(ALIX_NEEDS), s.bot.rows("SELECT needs FROM conflict_party WHERE member_id = ?", ALIX));
    for (int day = 0; day < 380; day++) {
      s.clock.advance(Duration.ofDays(1));
      s.bot.tick();
    }
    assertEquals(List.of("null", "null"), s.bot.rows("SELECT needs FROM conflict_party ORDER BY member_id"));
    assertEquals(List.of("null"), s.bot.rows("SELECT topic FROM conflict_case"));
    assertEquals(List.of("closed_by_coordinator"), s.bot.rows("SELECT outcome FROM conflict_case"));
    assertTrue(s.command("carol", "audit").contains("conflict open (#1)"), s.command("carol", "audit"));
  }
}
