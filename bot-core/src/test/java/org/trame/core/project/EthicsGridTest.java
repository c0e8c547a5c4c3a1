package org.trame.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.TestBot;
import org.trame.core.port.OutboundMessage;

/** The ethics grid round among a project's members: one black ball blocks, and no one's position is ever shown. */
class EthicsGridTest extends ProjectCollective {

  static final String ALICE_FEELING = "I worry the sponsor wants our logo more than our work";
  static final String BOB_FEELING = "Bob keeps this feeling strictly to himself";
  static final String DAN_FEELING = "A fine partner for the coordinators to know about";

  /** ok on every criterion (1), black ball (2), don't know (3), as the console numbers them. */
  static final String OK = "1";
  static final String BLACK = "2";
  static final String UNSURE = "3";

  @Override
  void given() {
    project("Food bank", ALICE, BOB, DAN);
  }

  @Test
  @DisplayName("a grid round on a project and a partner: one black ball blocks, the verdict counts per criterion and names nobody")
  void blackBallBlocks() throws Exception {
    // when carol opens a grid round on the project about a partner
    List<OutboundMessage> out = lines(CAROL, "/trame ethics Food bank MegaCorp Foundation");
    assertTrue(to(out, CAROL).contains("Grid round opened on project \"Food bank\": 3 members are asked privately."), to(out, CAROL));
    String invite = to(out, ALICE);
    assertTrue(invite.contains("Ethics grid round on project \"Food bank\" (examined: \"MegaCorp Foundation\")"), invite);
    assertTrue(invite.contains("Criterion 1 of 3: Impact: "), invite);
    // and alice casts a black ball on the third criterion and shares a feeling with the collective,
    // bob is unsure on the first and keeps his feeling private, dan says ok everywhere and shares with coordinators
    List<OutboundMessage> all = new ArrayList<>();
    all.addAll(lines(ALICE, OK, OK, BLACK, ALICE_FEELING, "3"));
    all.addAll(lines(BOB, UNSURE, OK, OK, BOB_FEELING, "1"));
    all.addAll(lines(DAN, OK, OK, OK, DAN_FEELING, "2"));

    // then the verdict says blocked, with counts per criterion
    String channel = to(all, TestBot.COLLECTIVE);
    assertTrue(channel.startsWith("Ethics grid of project \"Food bank\" (examined: \"MegaCorp Foundation\"): the verdict."), channel);
    assertTrue(channel.contains("3 of 3 answered."), channel);
    assertTrue(channel.contains("Blocked: at least one black ball."), channel);
    assertTrue(channel.contains("• Impact: the project is consistent with the impact our organisations seek. — 2 ok, 0 black balls, 1 don't know"), channel);
    assertTrue(channel.contains("— 2 ok, 1 black ball, 0 don't know"), channel);
    assertTrue(channel.contains("\"withdraw Food bank\""), channel);
    // the channel and members read the feeling shared with the collective, coordinators also the one shared with them
    assertTrue(channel.contains(ALICE_FEELING) && !channel.contains(DAN_FEELING), channel);
    String toBob = to(all, BOB);
    assertTrue(toBob.contains("Blocked") && toBob.contains(ALICE_FEELING) && !toBob.contains(DAN_FEELING), toBob);
    String toCarol = to(all, CAROL);
    assertTrue(toCarol.contains(ALICE_FEELING) && toCarol.contains(DAN_FEELING), toCarol);
    // nobody is named, and a private feeling reaches no one
    for (OutboundMessage m : all) {
      if (m.text().contains("the verdict")) {
        for (String who : List.of(ALICE, BOB, DAN)) {
          assertFalse(m.text().contains(who), m.text());
        }
      }
      if (!TestBot.privatelyTo(m, BOB)) {
        assertFalse(m.text().contains(BOB_FEELING), m.text());
      }
    }
    // and the database keeps the tallies, without who took which position
    assertEquals(List.of("1|2|0|1", "2|3|0|0", "3|2|1|0"),
        bot.rows("SELECT position, ok, black_ball, unsure FROM ethics_grid_criterion ORDER BY position"));
    assertEquals(List.of("0"), bot.rows("SELECT COUNT(*) FROM ethics_vote"));
    assertEquals(List.of("1"), bot.rows("SELECT blocked FROM ethics_grid WHERE closed_at IS NOT NULL"));
  }

  @Test
  @DisplayName("no black ball: not blocked; the verdict reaches the members and coordinators privately")
  void notBlocked() {
    lines(CAROL, "/trame ethics Food bank");
    List<OutboundMessage> all = new ArrayList<>();
    all.addAll(lines(ALICE, OK, OK, OK, "skip"));
    all.addAll(lines(BOB, OK, UNSURE, OK, "skip"));
    all.addAll(lines(DAN, OK, OK, OK, "skip"));
    for (String who : List.of(ALICE, BOB, DAN, CAROL)) {
      String said = to(all, who);
      assertTrue(said.contains("Ethics grid of project \"Food bank\" (the project itself): the verdict.") && said.contains("Not blocked: no black ball."),
          who + ": " + said);
    }
  }

  @Test
  @DisplayName("with fewer than three answers the verdict gives no count and stays off the channel, naming only the criteria that got a black ball")
  void smallGroup() {
    bot.command(CAROL, "ethics Food bank");
    lines(ALICE, OK, BLACK, OK, "skip");
    lines(BOB, "cancel"); // declining is recorded, and is not an answer
    List<OutboundMessage> out = lines(CAROL, "/trame ethics close Food bank");
    String toDan = to(out, DAN);
    assertTrue(toDan.contains("The grid round of project \"Food bank\" closed before you finished"), toDan);
    String toAlice = to(out, ALICE);
    assertTrue(toAlice.contains("1 of 3 answered.") && toAlice.contains("Fewer than 3 answers: no counts"), toAlice);
    assertTrue(toAlice.contains("• People involved: the people and organisations involved raise no blocking issue. — received at least one black ball"), toAlice);
    assertFalse(toAlice.contains("Impact: the project is consistent"), toAlice);
    assertFalse(toAlice.matches("(?s).*\\d+ ok.*"), toAlice);
    assertEquals("", to(out, TestBot.COLLECTIVE));
    assertTrue(to(out, CAROL).contains("Grid round of project \"Food bank\" closed"), to(out, CAROL));
  }

  @Test
  @DisplayName("\"back\" takes back the latest position and asks its criterion again")
  void backChangesAPosition() throws Exception {
    bot.command(CAROL, "ethics Food bank");
    String said = to(lines(ALICE, BLACK, "back"), ALICE);
    assertTrue(said.contains("Back to criterion 1 of 3: Impact"), said);
    lines(ALICE, OK, OK, OK, "skip");
    assertEquals(List.of("1|1|0|0", "2|1|0|0", "3|1|0|0"),
        bot.rows("SELECT position, ok, black_ball, unsure FROM ethics_grid_criterion ORDER BY position"));
  }

  @Test
  @DisplayName("a member in two projects with open rounds answers the second once the first is done")
  void twoRoundsOneAfterTheOther() throws Exception {
    project("Repair café", ALICE);
    bot.command(CAROL, "ethics Food bank");
    String waiting = to(lines(CAROL, "/trame ethics Repair café"), ALICE);
    assertTrue(waiting.contains("A grid round on project \"Repair café\" is waiting for you"), waiting);
    List<OutboundMessage> out = lines(ALICE, OK, OK, OK, "skip");
    // alice was the only member of the repair café: her next round began, and ends in its own verdict once answered
    assertTrue(to(out, ALICE).contains("Ethics grid round on project \"Repair café\""), to(out, ALICE));
    out = lines(ALICE, OK, OK, OK, "skip");
    assertTrue(to(out, ALICE).contains("Ethics grid of project \"Repair café\""), to(out, ALICE));
    assertEquals(List.of("Food bank|null", "Repair café|0"),
        bot.rows("SELECT p.name, g.blocked FROM ethics_grid g JOIN project p ON p.id = g.project_id ORDER BY g.id"));
  }

  @Test
  @DisplayName("only coordinators open or close a round; a name that is no project says how a partner is examined")
  void coordinatorsOnly() throws Exception {
    assertTrue(TestBot.joined(bot.command(ALICE, "ethics Food bank")).contains("coordinator"));
    assertTrue(TestBot.joined(bot.command(ALICE, "ethics close Food bank")).contains("coordinator"));
    assertEquals(List.of("0"), bot.rows("SELECT COUNT(*) FROM ethics_grid"));
    String said = TestBot.joined(bot.command(CAROL, "ethics MegaCorp"));
    assertTrue(said.contains("No project is called \"MegaCorp\"") && said.contains("A partner is examined within the project it would join"), said);
    assertEquals(List.of("No grid round is open on project \"Food bank\"."), bot.command(CAROL, "ethics close Food bank"));
    bot.command(CAROL, "ethics Food bank");
    assertTrue(TestBot.joined(bot.command(CAROL, "ethics Food bank")).contains("A grid round is already open on project \"Food bank\""));
  }

  @Test
  @DisplayName("a project whose members all left cannot hold a round")
  void nobodyToAsk() {
    bot.command(CAROL, "project create Empty room");
    assertEquals(List.of("Nobody takes part in project \"Empty room\" yet: a grid round needs its members."),
        bot.command(CAROL, "ethics Empty room"));
  }

  @Test
  @DisplayName("a French-speaking member goes through the grid and reads the verdict in French")
  void inFrench() {
    bot.command(DAN, "lang fr");
    String toDan = to(lines(CAROL, "/trame ethique Food bank"), DAN);
    assertTrue(toDan.contains("Tour de grille éthique sur le projet « Food bank » (le projet lui-même)"), toDan);
    assertTrue(toDan.contains("Critère 1 sur 3 : Impact : le projet est cohérent"), toDan);
    lines(ALICE, OK, OK, OK, "skip");
    lines(BOB, OK, OK, OK, "skip");
    toDan = to(lines(DAN, OK, OK, UNSURE, "passer"), DAN);
    assertTrue(toDan.contains("3 sur 3 ont répondu.") && toDan.contains("Pas de blocage : aucune boule noire."), toDan);
    assertTrue(toDan.contains("— 2 ok, 0 boule noire, 1 ne sait pas"), toDan);
  }

  @Test
  @DisplayName("after two days those who have not finished are reminded once; at the deadline the round closes by itself, even after a restart")
  void reminderAndDeadline() {
    String opened = TestBot.joined(bot.command(CAROL, "ethics Food bank"));
    assertTrue(opened.contains("on March 9, 2026"), opened);
    lines(ALICE, OK, OK, OK, "skip");
    lines(BOB, OK);
    clock.advance(java.time.Duration.ofHours(48));
    bot.restart();
    List<OutboundMessage> out = bot.tick();
    for (String who : List.of(BOB, DAN)) {
      assertTrue(to(out, who).contains("A gentle reminder: the grid round of project \"Food bank\" closes on"), who + ": " + to(out, who));
    }
    assertEquals("", to(out, ALICE));
    String reminded = to(out, BOB);
    assertTrue(reminded.indexOf("Criterion 2 of 3: People involved") < reminded.indexOf("Your position on this criterion?")
        && reminded.contains("Criterion 2 of 3: People involved"), reminded);
    clock.advance(java.time.Duration.ofDays(5));
    out = bot.tick();
    String toAlice = to(out, ALICE);
    assertTrue(toAlice.contains("1 of 3 answered.") && toAlice.contains("Not blocked"), toAlice);
    assertTrue(to(out, BOB).contains("closed before you finished"), to(out, BOB));
    assertEquals("", to(out, TestBot.COLLECTIVE));
    clock.advance(java.time.Duration.ofDays(5));
    assertEquals(List.of(), bot.tick());
  }
}
