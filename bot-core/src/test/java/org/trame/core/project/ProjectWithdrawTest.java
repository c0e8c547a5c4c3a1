package org.trame.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.TestBot;
import org.trame.core.port.OutboundMessage;

/** The right of withdrawal from a project (seed 004 sheet 8), without exclusion from the collective. */
class ProjectWithdrawTest extends ProjectCollective {

  static final String REASON = "The partner's other activities go against my convictions";
  static final String WORDS = "I wish you every success, I stay around for the rest";

  @Override
  void given() {
    project("Food bank", ALICE, BOB, DAN);
  }

  @Test
  @DisplayName("\"withdraw <project>\": a shared reason and approved words reach the project's other members; she stays in the collective")
  void withdrawFromOneProject() throws Exception {
    // when alice withdraws from the project, shares her reason and approves her words
    List<OutboundMessage> out = lines(ALICE, "/trame withdraw Food bank", REASON, "2", WORDS);
    String preview = to(out, ALICE);
    assertTrue(preview.contains("Would you like to say why you leave this project?"), preview);
    assertTrue(preview.contains("Here is what the project's other members will read:\n\"alice withdraws from project \"Food bank\"."),
        preview);
    out = lines(ALICE, "yes");

    // then bob and dan read exactly that, the channel and erin nothing
    for (String other : List.of(BOB, DAN)) {
      String said = to(out, other);
      assertTrue(said.startsWith("alice withdraws from project \"Food bank\". Withdrawing is a right (sheet 8)"), said);
      assertTrue(said.contains("In their words: \"" + WORDS + "\"") && said.contains("Their reason: \"" + REASON + "\""), said);
    }
    assertEquals("", to(out, TestBot.COLLECTIVE));
    assertEquals("", to(out, ERIN));
    // and she is out of the project but in the collective, and may come back
    assertEquals(List.of(BOB, DAN), bot.rows("SELECT member_id FROM project_member ORDER BY member_id"));
    assertEquals(List.of("null"), bot.rows("SELECT withdrawn_at FROM member WHERE member_id = ?", ALICE));
    assertEquals(List.of(), bot.rows("SELECT member_id FROM project_leaving"));
    assertTrue(TestBot.joined(bot.command(ALICE, "project join Food bank")).contains("You now take part"));
  }

  @Test
  @DisplayName("the guided withdrawal offers the project scope to a project member; a private reason and declined words leave only the fact")
  void guidedChoiceWithPrivateReason() throws Exception {
    List<OutboundMessage> out = lines(ALICE, "/trame withdraw");
    List<String> offered = out.stream().filter(m -> TestBot.privatelyTo(m, ALICE)).flatMap(m -> m.options().stream())
        .map(o -> o.label()).toList();
    assertEquals(3, offered.size(), offered.toString());
    assertEquals("a project I take part in (I stay in the collective)", offered.get(2));
    out = lines(ALICE, "3", "Nowhere");
    assertTrue(to(out, ALICE).contains("You take part in: \"Food bank\""), to(out, ALICE));
    assertTrue(to(out, ALICE).contains("You take part in no project called \"Nowhere\""), to(out, ALICE));
    out = lines(ALICE, "food bank", REASON, "1", "skip", "no");
    for (String other : List.of(BOB, DAN)) {
      assertEquals("alice has withdrawn from project \"Food bank\". Withdrawing is a right (sheet 8): it does not exclude them"
          + " from the collective.", to(out, other));
    }
    for (OutboundMessage m : out) {
      if (!TestBot.privatelyTo(m, ALICE)) {
        assertFalse(m.text().contains(REASON), m.text());
      }
    }
    assertEquals(List.of(BOB, DAN), bot.rows("SELECT member_id FROM project_member ORDER BY member_id"));
    assertEquals(List.of("null"), bot.rows("SELECT withdrawn_at FROM member WHERE member_id = ?", ALICE));
  }

  @Test
  @DisplayName("a member in no project is offered the usual two scopes, and withdrawing from a project he is not in says so")
  void notInAProject() throws Exception {
    List<String> offered = lines(ERIN, "/trame withdraw").stream().filter(m -> TestBot.privatelyTo(m, ERIN))
        .flatMap(m -> m.options().stream()).map(o -> o.label()).toList();
    assertEquals(2, offered.size(), offered.toString());
    lines(ERIN, "cancel");
    assertEquals(List.of("You do not take part in project \"Food bank\": there is nothing to leave."),
        bot.command(ERIN, "withdraw Food bank"));
    assertTrue(TestBot.joined(bot.command(ERIN, "retrait Nulle part")).startsWith("No project is called \"Nulle part\""));
  }

  @Test
  @DisplayName("withdrawing from a project during its grid round stops her grid conversation; the round closes on the others' answers")
  void withdrawDuringAGridRound() throws Exception {
    bot.command(CAROL, "ethics Food bank");
    lines(BOB, "1", "1", "1", "skip");
    lines(DAN, "1", "1", "1", "skip");
    lines(ALICE, "2"); // a black ball on the first criterion, then she leaves: it is not counted
    List<OutboundMessage> out = lines(ALICE, "/trame withdraw Food bank", "skip", "skip", "yes");
    assertTrue(to(out, ALICE).contains("\"ethics grid\" conversation stopped"), to(out, ALICE));
    String toBob = to(out, BOB);
    assertTrue(toBob.contains("Not blocked: no black ball.") && toBob.contains("2 of 3 answered."), toBob);
    assertFalse(to(out, ALICE).contains("the verdict"), to(out, ALICE));
    assertEquals(List.of("0"), bot.rows("SELECT COUNT(*) FROM ethics_vote"));
  }

  @Test
  @DisplayName("withdrawing from the collective also leaves its projects; \"withdraw return\" does not put her back in them")
  void leavingTheCollectiveLeavesProjects() throws Exception {
    lines(ALICE, "/trame withdraw", "2", "skip", "skip", "yes", "1");
    assertEquals(List.of(BOB, DAN), bot.rows("SELECT member_id FROM project_member ORDER BY member_id"));
    bot.command(ALICE, "withdraw return");
    assertEquals(List.of(BOB, DAN), bot.rows("SELECT member_id FROM project_member ORDER BY member_id"));
  }

  @Test
  @DisplayName("her export holds her projects and grid feeling; erasing her data takes her out of every project and drops the feeling")
  void exportAndErase() throws Exception {
    bot.command(CAROL, "ethics Food bank");
    String feeling = "Honestly this partner makes me uneasy about our name";
    lines(ALICE, "1", "1", "1", feeling, "3");
    OutboundMessage export = lines(ALICE, "/trame mydata export").stream().filter(m -> m.image() != null).findFirst().orElseThrow();
    String json = new String(export.image().bytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(json.contains("\"projects\"") && json.contains("Food bank") && json.contains(feeling), json);
    lines(ALICE, "/trame mydata forget", "yes");
    assertEquals(List.of(BOB, DAN), bot.rows("SELECT member_id FROM project_member ORDER BY member_id"));
    assertEquals(List.of(), bot.rows("SELECT feeling FROM ethics_grid_member WHERE feeling IS NOT NULL"));
    assertEquals(List.of(), bot.rows("SELECT member_id FROM ethics_grid_member WHERE member_id = ?", ALICE));
    // her positions stay in the unattributed tallies
    assertEquals(List.of("1|1", "2|1", "3|1"), bot.rows("SELECT position, ok FROM ethics_grid_criterion ORDER BY position"));
  }

  @Test
  @DisplayName("erasing her data in the middle of grid rounds stops her conversation, starts no other, and the rounds close on the others' answers")
  void eraseDuringGridRounds() throws Exception {
    project("Repair café", ALICE);
    bot.command(CAROL, "ethics Food bank");
    bot.command(CAROL, "ethics Repair café"); // waits for alice behind the food bank's round
    lines(BOB, "1", "1", "1", "skip");
    lines(DAN, "1", "1", "1", "skip");
    lines(ALICE, "2");
    List<OutboundMessage> out = lines(ALICE, "/trame mydata forget", "yes");
    String toBob = to(out, BOB);
    assertTrue(toBob.contains("Ethics grid of project \"Food bank\"") && toBob.contains("Not blocked: no black ball."), toBob);
    assertFalse(to(out, ALICE).contains("Ethics grid round on project \"Repair café\""), to(out, ALICE));
    assertEquals(List.of("0"), bot.rows("SELECT COUNT(*) FROM ethics_grid WHERE closed_at IS NULL"));
    assertEquals(List.of("0"), bot.rows("SELECT COUNT(*) FROM conversation WHERE member_id = ? AND status IN ('active', 'paused')",
        ALICE));
  }

  @Test
  @DisplayName("a withdrawal from a project given up (cancel) changes nothing and forgets which project it was about")
  void givenUp() throws Exception {
    lines(ALICE, "/trame withdraw Food bank", "cancel");
    assertEquals(List.of(), bot.rows("SELECT member_id FROM project_leaving"));
    assertEquals(List.of(ALICE, BOB, DAN), bot.rows("SELECT member_id FROM project_member ORDER BY member_id"));
    // and the plain withdrawal then offers the choices again
    List<String> offered = lines(ALICE, "/trame withdraw").stream().filter(m -> TestBot.privatelyTo(m, ALICE))
        .flatMap(m -> m.options().stream()).map(o -> o.label()).toList();
    assertEquals(3, offered.size(), offered.toString());
  }
}
