package org.trame.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.TestBot;
import org.trame.core.port.OutboundMessage;

/** Projects: a coordinator creates them, members join and leave them, in either language. */
class ProjectCommandsTest extends ProjectCollective {

  @Test
  @DisplayName("a coordinator creates a project; the list shows it with its size and whether you take part")
  void createAndList() throws Exception {
    // when carol creates a project and alice joins it
    assertEquals(List.of("Project \"Shared gardens\" created. Members take part with \"project join Shared gardens\"."),
        bot.command(CAROL, "project create Shared gardens"));
    bot.command(ALICE, "project join shared GARDENS");
    // then the list shows it to alice as hers and to bob as open
    assertTrue(TestBot.joined(bot.command(ALICE, "project list")).contains("• Shared gardens — 1 member, you included"));
    assertTrue(TestBot.joined(bot.command(BOB, "project")).contains("• Shared gardens — 1 member\n")
        || TestBot.joined(bot.command(BOB, "project")).endsWith("• Shared gardens — 1 member"));
    assertEquals(List.of(ALICE), bot.rows("SELECT member_id FROM project_member"));
  }

  @Test
  @DisplayName("only coordinators create projects; a member's attempt is refused and audited")
  void membersDoNotCreate() throws Exception {
    String said = TestBot.joined(bot.command(ALICE, "project create Secret plan"));
    assertTrue(said.contains("coordinator"), said);
    assertEquals(List.of(), bot.rows("SELECT name FROM project"));
    assertEquals(List.of("project create|1"), bot.rows("SELECT action, refused FROM audit_log WHERE actor = ?", ALICE));
  }

  @Test
  @DisplayName("two projects cannot share a name, whatever its capitals and accents, and a name cannot start with a command's word")
  void uniqueNames() throws Exception {
    bot.command(CAROL, "project create École des communs");
    assertEquals(List.of("A project is already called \"École des communs\" (capitals and accents do not tell two names apart)."),
        bot.command(CAROL, "project create ecole  DES communs"));
    assertEquals(List.of("\"close\" is one of the commands' words: start the project's name with another word."),
        bot.command(CAROL, "project create close the season"));
    assertTrue(TestBot.joined(bot.command(CAROL, "project create " + "x".repeat(61))).startsWith("Give the project's name"));
    assertEquals(List.of("École des communs"), bot.rows("SELECT name FROM project"));
    // and the audit log records the refused names as not carried out, without their words
    assertEquals(List.of("project create|null|2", "project create|null|2", "project create|null|2", "project create|null|0"),
        bot.rows("SELECT action, detail, refused FROM audit_log WHERE actor = ? ORDER BY id DESC", CAROL));
  }

  @Test
  @DisplayName("joining a project tells the member the collective's ethics criteria, set before any decision")
  void joinTellsCriteria() {
    bot.command(CAROL, "project create Food bank");
    String said = TestBot.joined(bot.command(ALICE, "project join Food bank"));
    assertTrue(said.contains("You now take part in project \"Food bank\""), said);
    assertTrue(said.contains("The collective's ethics criteria, set before any decision and any conflict (sheet 8)"), said);
    assertTrue(said.contains("1. Impact: ") && said.contains("2. People involved: ") && said.contains("3. Instrumentalisation: "), said);
    assertEquals(List.of("You already take part in project \"Food bank\"."), bot.command(ALICE, "project join food bank"));
  }

  @Test
  @DisplayName("in French: projet creer, rejoindre, liste and quitter, with the criteria in French")
  void inFrench() {
    bot.command(ALICE, "lang fr");
    bot.command(CAROL, "projet créer Jardins partagés");
    String said = TestBot.joined(bot.command(ALICE, "projet rejoindre jardins partagés"));
    assertTrue(said.contains("Vous prenez part au projet « Jardins partagés »"), said);
    assertTrue(said.contains("1. Impact : le projet est cohérent"), said);
    assertTrue(TestBot.joined(bot.command(ALICE, "projet liste")).contains("• Jardins partagés — 1 membre, dont vous"));
    assertTrue(TestBot.joined(bot.command(ALICE, "projet quitter Jardins partagés")).contains("Vous vous êtes retiré·e du projet"));
  }

  @Test
  @DisplayName("leaving a project tells its other members, keeps the member in the collective, and joining again works")
  void leaveAndRejoin() throws Exception {
    project("Food bank", ALICE, BOB);
    List<OutboundMessage> out = lines(ALICE, "/trame project leave Food bank");
    assertTrue(to(out, ALICE).contains("You have left project \"Food bank\". You stay in the collective"), to(out, ALICE));
    assertEquals("alice has withdrawn from project \"Food bank\". Withdrawing is a right (sheet 8): it does not exclude them"
        + " from the collective.", to(out, BOB));
    assertEquals("", to(out, TestBot.COLLECTIVE));
    assertEquals(List.of("null"), bot.rows("SELECT withdrawn_at FROM member WHERE member_id = ?", ALICE));
    assertEquals(List.of("You do not take part in project \"Food bank\"."), bot.command(ALICE, "project leave Food bank"));
    assertTrue(TestBot.joined(bot.command(ALICE, "project join Food bank")).contains("You now take part"));
    assertEquals(List.of(ALICE, BOB), bot.rows("SELECT member_id FROM project_member ORDER BY member_id"));
  }

  @Test
  @DisplayName("an unknown project's name is answered, escaped to one line")
  void unknownProject() {
    assertEquals(List.of("No project is called \"Nowhere at all\". \"project list\" shows them."),
        bot.command(ALICE, "project join Nowhere   at\tall"));
    assertEquals(List.of("Name the project: \"project join <name>\"."), bot.command(ALICE, "project join"));
  }

  @Test
  @DisplayName("a member's own page lists the projects she takes part in, and how to withdraw from one")
  void ownPage() {
    project("Food bank", ALICE);
    String page = bot.trame().summary(TestBot.PLATFORM, TestBot.COLLECTIVE, ALICE, null).join();
    assertTrue(page.contains("Your projects (\"withdraw <project>\" to withdraw from one without leaving the collective):\n"
        + "• Food bank — 1 member, you included"), page);
    assertFalse(bot.trame().summary(TestBot.PLATFORM, TestBot.COLLECTIVE, BOB, null).join().contains("Your projects"));
  }
}
