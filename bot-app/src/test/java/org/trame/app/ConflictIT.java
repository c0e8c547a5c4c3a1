package org.trame.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conflict transcripts of data/transcripts replayed through the built jar, carol coordinating. */
class ConflictIT {

  @TempDir
  Path dir;

  JarProcess replay(String transcript) throws Exception {
    JarProcess bot = new JarProcess(Map.of("TRAME_DB", dir.resolve("trame.db").toString(), "TRAME_COORDINATORS", "carol"));
    bot.write(Files.readAllBytes(Path.of("..", "data", "transcripts", transcript)));
    assertEquals(0, bot.finish(), String.join("\n", bot.err));
    return bot;
  }

  static String to(JarProcess bot, String member) {
    return String.join("\n", bot.out.stream().filter(l -> l.startsWith("→ " + member + ": "))
        .map(l -> l.substring(("→ " + member + ": ").length())).toList());
  }

  @Test
  @DisplayName("need transcript: private invitations, the proposal with its sheet, needs shared once approved, ranking, decision, plan and evaluation date")
  void needCase() throws Exception {
    JarProcess bot = replay("conflict-need.txt");
    List<String> out = bot.out;
    assertTrue(out.stream().allMatch(l -> l.startsWith("→ ")), "everything is private, nothing on the channel:\n" + String.join("\n", out));
    String alice = to(bot, "alice");
    String bob = to(bot, "bob");
    String carol = to(bot, "carol");
    assertTrue(alice.contains("Would you like to take part?") && bob.contains("Would you like to take part?"));
    assertTrue(alice.matches("(?s).*The practice sheet that seems closest: no\\. \\d, \"[^\"]+\".*"), alice);
    assertTrue(alice.contains("\"You are always selfish with the van\" may be heard as a judgement"), alice);
    // bob's first wording was not approved: alice only ever reads the one he approved
    assertTrue(alice.contains("• bob: I need the van every Tuesday morning for the market stall."), alice);
    assertFalse(alice.contains("Tuesday mornings for the market."), alice);
    assertFalse(bob.contains("selfish"), "alice's judgement never reaches bob");
    assertTrue(bob.contains("• alice: I need to know one day ahead when the van is free"), bob);
    // two parties: the ranking gives the order, no mean from which each could work out the other's marks
    assertTrue(alice.contains("\n1. Bob keeps Tuesdays, alice keeps Thursdays\n"), alice);
    assertFalse(alice.contains("(total "), alice);
    assertTrue(bob.contains("decision taken by common agreement, and understood the same way by every party:\nBob keeps Tuesdays, alice keeps Thursdays"), bob);
    // active listening: bob's first restatement is clarified by alice, his second is recognised; each reached alice alone
    assertTrue(alice.contains("Here is how bob said your need back, in their own words:\n\"You want to know when the van is free.\""), alice);
    assertTrue(bob.contains("alice does not quite recognise themselves in your restatement, and clarifies: \"Not only when: one day ahead"), bob);
    assertTrue(bob.contains("alice recognises themselves in your restatement"), bob);
    assertFalse(carol.contains("You want to know when the van is free"), carol);
    // the goal: drafted from both needs, reworded by bob, approved by both, heading steps 2 and 4
    assertTrue(alice.contains("Proposed goal:\nHow can we make sure that alice's need (\"I need to know one day ahead"), alice);
    assertTrue(alice.contains("Shared goal: How can alice know a day ahead when the van is free, while bob keeps it every Tuesday morning"
        + " for the market?"), alice);
    assertTrue(alice.contains("1. Bob keeps Tuesdays, alice keeps Thursdays\n    advantages and drawbacks: clear, but Thursdays are tight for us"), alice);
    assertTrue(bob.contains("March 1, 2020 is in the past"), bob);
    assertTrue(alice.contains("1. Tell our volunteers about Tuesdays — owner: bob — due: May 1, 2028"), alice);
    assertTrue(alice.contains("2. Set up the shared calendar — owner: alice — due: May 2, 2028\n    resources: Two hours of a volunteer"), alice);
    assertTrue(alice.contains("Do you approve this plan, as a commitment of every party?"), alice);
    assertTrue(alice.contains("Space #1: the action plan is approved by every party."), alice);
    assertTrue(alice.contains("Evaluation of the result on June 15, 2028"), alice);
    assertTrue(carol.contains("action plan written and approved by every party (2 steps). Evaluation of the result planned on June 15, 2028."), carol);
    assertTrue(carol.contains("#1 · conflict space — step 1 of 6: needs · answered: alice · waiting: bob"), carol);
    for (String secret : List.of("food deliveries", "Tuesday market", "selfish", "one day ahead", "Rent a second van")) {
      assertFalse(carol.contains(secret), "the coordinator sees progress, not content: " + secret);
    }
  }

  @Test
  @DisplayName("French need transcript: listening, the equation of needs, remarks, a plan sent back for a change then approved by all")
  void needCaseInFrench() throws Exception {
    JarProcess bot = replay("conflict-need-fr.txt");
    assertTrue(bot.out.stream().allMatch(l -> l.startsWith("→ ")), "everything is private, nothing on the channel:\n" + String.join("\n", bot.out));
    String alice = to(bot, "alice");
    String bob = to(bot, "bob");
    String carol = to(bot, "carol");
    assertTrue(alice.contains("« Tu ne respectes jamais le planning du local » risque d'être entendu comme un jugement"), alice);
    assertTrue(alice.contains("Voici comment bob a redit votre besoin, avec ses mots :"), alice);
    assertTrue(bob.contains("Espace n°1 : alice se reconnaît dans votre reformulation."), bob);
    assertTrue(alice.contains("Objectif commun : Comment faire pour que le besoin exprimé par alice"), alice);
    assertTrue(alice.contains("1. Bob garde le lundi, alice le mercredi\n    avantages et inconvénients : clair, mais le mercredi nous gêne un peu"), alice);
    assertTrue(alice.contains("le plan n'est pas approuvé par toutes les parties. Leurs remarques :\n• bob — Les bénévoles doivent être prévenus"), alice);
    assertTrue(alice.contains("1. Prévenir nos bénévoles avant la mise en ligne du planning — responsable : bob — échéance : 1 mai 2028"), alice);
    assertTrue(alice.contains("Espace n°1 : le plan d'action est approuvé par toutes les parties."), alice);
    assertTrue(carol.contains("plan d'action écrit et approuvé par toutes les parties (2 étapes). Évaluation du résultat prévue le 15 juin 2028."), carol);
    for (String secret : List.of("planning du local", "aide aux devoirs", "Tu as besoin", "mercredi nous gêne")) {
      assertFalse(carol.contains(secret), "the coordinator sees progress, not content: " + secret);
    }
    assertFalse(String.join("\n", bot.out).matches("(?s).*\\{[a-z_]+\\}.*"), "no unfilled placeholder");
  }

  @Test
  @DisplayName("value transcript: the relationship first, convictions said back until recognised, what can be done together,"
      + " and a withdrawal from the project without leaving the collective")
  void valueCase() throws Exception {
    JarProcess bot = replay("conflict-value.txt");
    String alice = to(bot, "alice");
    String bob = to(bot, "bob");
    String carol = to(bot, "carol");
    assertTrue(bot.out.stream().allMatch(l -> l.startsWith("→ ")), String.join("\n", bot.out));
    assertTrue(alice.contains("Values are not negotiated like needs"), alice);
    assertTrue(alice.contains("bring viewpoints closer, even if it costs a little of some personal values"), alice);
    assertTrue(bob.contains("• alice: For me, what matters is that we never take money"), bob);
    assertTrue(alice.contains("Their clarification: \"Not more than anything: I think two jobs and the programme are worth a compromise.\""), alice);
    assertTrue(alice.contains("Space #1: bob recognises themselves in your restatement."), alice);
    // alice withdraws from the project; bob, who stays, applies the collective's criteria; dan, not a party, is told
    assertTrue(bob.contains("The collective's ethics criteria, decided beforehand, for \"Energy partnership\":\n1. Impact"), bob);
    assertFalse(alice.contains("In the light of these criteria"), "who withdraws from the project no longer weighs on it");
    assertTrue(bob.contains("Space #1 — shared outcome: you continue together, as things are."), bob);
    assertTrue(bob.contains("The project goes on without alice, who uses their right of withdrawal and remains a full member of the collective."),
        bob);
    assertTrue(to(bot, "dan").contains("alice"), to(bot, "dan"));
    assertTrue(carol.contains("Space #1 (value path) — outcome: the parties continue together. Withdrawals from the project: alice."), carol);
    assertFalse(carol.contains("young people") || carol.contains("youth workers"), "the coordinator gets the outcome, not the parties' words");
    // dan leaves the project by the command; the project keeps bob alone, and the collective keeps everyone
    assertTrue(bob.contains("dan withdraws from project"), bob);
    assertTrue(carol.contains("• Energy partnership — 1 member"), carol);
  }

  @Test
  @DisplayName("French value transcript: a black ball from a member who stays stops the project as it stands, naming the criterion, never who")
  void valueCaseInFrench() throws Exception {
    JarProcess bot = replay("conflict-value-fr.txt");
    String alice = to(bot, "alice");
    String carol = to(bot, "carol");
    assertTrue(bot.out.stream().allMatch(l -> l.startsWith("→ ")), String.join("\n", bot.out));
    assertTrue(alice.contains("La relation d'abord : souhaitez-vous continuer à travailler avec les autres parties"), alice);
    assertTrue(alice.contains("Toutes les parties ne souhaitent pas encore continuer à travailler ensemble (on ne dit pas qui)"), alice);
    assertTrue(alice.contains("Espace n°1 — issue commune : au regard des critères éthiques du collectif, le projet ne continue pas tel qu'il"
        + " est (au moins une boule noire)."), alice);
    assertTrue(alice.contains("Critère qui a pesé : Instrumentalisation"), alice);
    assertTrue(alice.contains("Ce que vous pourriez faire ensemble malgré la différence (sans nom) :\n• Chercher ensemble un autre mécène"
        + " local d'ici l'été."), alice);
    assertEquals(1, alice.split("• Chercher ensemble un autre mécène", -1).length - 1, "the same idea from both parties is shown once");
    assertFalse(alice.contains("bob : Cantine") || alice.matches("(?s).*bob.{0,40}boule noire.*"), "who cast the black ball is never said");
    assertTrue(carol.contains("Espace n°1 (chemin des valeurs) — issue : le projet ne continue pas tel qu'il est (grille éthique)."), carol);
    assertFalse(String.join("\n", bot.out).matches("(?s).*\\{[a-z_]+\\}.*"), "no unfilled placeholder");
  }
}
