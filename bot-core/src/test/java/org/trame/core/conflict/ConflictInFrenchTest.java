package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The same space in French: the words members type, the texts they read, every placeholder filled. */
class ConflictInFrenchTest extends ConflictSpaceTest {

  @BeforeEach
  void inFrench() {
    s.command("carol", "lang fr");
    s.command("alice", "lang fr");
    s.command("bob", "lang fr");
  }

  @Test
  @DisplayName("French members open, join, coach, brainstorm and rate in French, and no message shows an unfilled {placeholder}")
  void french() throws Exception {
    assertTrue(s.command("carol", "conflit @alice @bob Le partage du local").contains("Espace de conflit n°1 ouvert"));
    s.says("alice", "oui", "Leur association occupe le local tous les lundis et nous ne pouvons jamais préparer nos ateliers.", "2");
    s.says("bob", "oui", "Nous avons besoin du local le lundi pour l'aide aux devoirs, c'est le seul jour possible.", "2");
    s.says("alice", "oui", "1");
    s.says("bob", "oui", "3");
    String coached = s.say("alice", "Tu ne respectes jamais le planning du local.");
    assertTrue(coached.contains("« Tu ne respectes jamais le planning du local » risque d'être entendu comme un jugement")
        && coached.contains("Quel besoin, quel ressenti ou quel effet concret") && coached.contains("Voulez-vous reformuler en message-je"), coached);
    s.says("alice", "1", "J'ai besoin de savoir une semaine à l'avance quand le local est libre.", "oui");
    s.says("bob", "J'ai besoin de pouvoir compter sur le local le lundi après-midi pour l'atelier.", "oui");
    assertTrue(s.to("bob").contains("• alice : J'ai besoin de savoir une semaine à l'avance"), s.to("bob"));
    // l'écoute active : chacun·e redit le besoin de l'autre, qui s'y reconnaît ; puis l'objectif commun
    assertTrue(s.to("alice").contains("Le besoin exprimé par bob, tel qu'approuvé pour le partage :"), s.to("alice"));
    s.says("alice", "Tu as besoin d'être sûr d'avoir le local le lundi après-midi pour ton atelier.", "oui");
    s.says("bob", "Tu as besoin de savoir longtemps à l'avance quand le local est libre.", "oui");
    assertTrue(s.to("bob").contains("Voici comment alice a redit votre besoin, avec ses mots :"), s.to("bob"));
    s.says("alice", "1");
    s.says("bob", "1");
    String objectif = s.to("alice");
    assertTrue(objectif.contains("Objectif proposé :\nComment faire pour que le besoin exprimé par alice (« J'ai besoin de savoir une semaine à l'avance"
        + " quand le local est libre. ») et le besoin exprimé par bob (« J'ai besoin de pouvoir compter sur le local le lundi après-midi pour l'atelier. »)"
        + " soient satisfaits en même temps ?"), objectif);
    s.says("alice", "oui");
    s.says("bob", "oui");
    assertTrue(s.to("bob").contains("Objectif commun : Comment faire pour que"), s.to("bob"));
    s.says("alice", "Un planning partagé en ligne", "fini");
    s.says("bob", "Alterner les lundis", "fini");
    s.says("alice", "5 4 4", "3 3 3");
    s.says("bob", "4 4 4", "5 5 5");
    String etat = s.command("carol", "conflit etat");
    assertTrue(etat.contains("n°1 · espace de conflit — étape 4 sur 6 : le choix · ont répondu : — · attendu : alice, bob"), etat);
    s.says("alice", "aucune");
    s.says("bob", "1,2");
    assertTrue(s.to("alice").contains("aucune solution n'est acceptée par toutes les parties"), s.to("alice"));
    for (String who : new String[] {"alice", "bob", "carol"}) {
      String all = s.to(who);
      assertFalse(all.matches("(?s).*\\{[a-z_]+\\}.*"), who + " read an unfilled placeholder:\n" + all);
      assertTrue(all.contains("Espace n°1") || all.contains("espace"), all);
    }
  }
}
