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
  @DisplayName("value transcript: the value path offers the ethics grid and the right of withdrawal, and shares only what was agreed")
  void valueCase() throws Exception {
    JarProcess bot = replay("conflict-value.txt");
    String alice = to(bot, "alice");
    String bob = to(bot, "bob");
    assertTrue(bot.out.stream().allMatch(l -> l.startsWith("→ ")), String.join("\n", bot.out));
    assertTrue(alice.contains("Values are not negotiated like needs"), alice);
    assertTrue(bob.contains("ethics grid of sheet 8") && bob.contains("a single \"black ball\" is enough to block it"), bob);
    assertTrue(bob.contains("you have a right of withdrawal: stepping out of this project without leaving the collective"), bob);
    assertTrue(bob.contains("• alice: For me, what matters is that we never take money"), bob);
    assertFalse(alice.contains("keeping our programme alive"), "bob kept his conviction private");
    assertTrue(bob.contains("Ethics grid: at least one black ball"), bob);
    assertTrue(bob.contains("Using their right of withdrawal from this project: alice. They remain full members of the collective."), bob);
    assertTrue(to(bot, "carol").contains("Space #1 closed (value path)."), to(bot, "carol"));
  }
}
