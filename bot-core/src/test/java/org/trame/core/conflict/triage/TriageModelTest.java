package org.trame.core.conflict.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The classifier trained on data/triage/train.tsv, judged on the held-out cases it never saw. */
class TriageModelTest {

  /** Measured on the held-out split: 0.41 for 9 sheets (chance is 0.11); the floor leaves a margin. */
  static final double SHEET_FLOOR = 0.3;

  static List<LabelledCase> train;
  static List<LabelledCase> heldout;
  static TriageModel model;

  @BeforeAll
  static void trainOnTrainingSplit() {
    CorpusReader.Result t = CorpusReader.resource("triage/train.tsv");
    CorpusReader.Result h = CorpusReader.resource("triage/heldout.tsv");
    assertEquals(List.of(), t.problems());
    assertEquals(List.of(), h.problems());
    train = t.cases();
    heldout = h.cases();
    model = TriageModel.train(train);
  }

  @Test
  @DisplayName("on held-out cases the classifier tells need from value conflicts at least 8 times in 10, and finds the sheet well above chance")
  void heldOutAccuracy() {
    Evaluation e = model.evaluate(heldout);

    System.out.println(e);
    assertEquals(heldout.size(), e.n());
    assertTrue(e.natureAccuracy() >= 0.8, "need/value accuracy " + e.natureAccuracy());
    assertTrue(e.sheetAccuracy() >= SHEET_FLOOR, "sheet accuracy " + e.sheetAccuracy());
  }

  @Test
  @DisplayName("the corpus has at least 40 examples per sheet and per nature, in French and English, and the held-out split is about a quarter")
  void corpusIsLargeEnough() {
    List<LabelledCase> all = new java.util.ArrayList<>(train);
    all.addAll(heldout);
    for (int sheet = 1; sheet <= 9; sheet++) {
      int s = sheet;
      assertTrue(all.stream().filter(c -> c.sheet() == s).count() >= 40, "sheet " + sheet);
      assertTrue(heldout.stream().anyMatch(c -> c.sheet() == s), "sheet " + sheet + " held out");
    }
    for (Nature n : Nature.values()) {
      assertTrue(all.stream().filter(c -> c.nature() == n).count() >= 100, n.name());
    }
    double share = (double) heldout.size() / all.size();
    assertTrue(share > 0.2 && share < 0.3, "held-out share " + share);
    assertTrue(all.stream().anyMatch(c -> c.text().contains(" the ")) && all.stream().anyMatch(c -> c.text().contains(" les ")));
  }

  @Test
  @DisplayName("a deadline dispute is proposed as a need conflict, a partner's ethics as a value conflict, each with cues from the member's own words")
  void proposalsWithCues() {
    String need = "Je dois rendre le rapport au financeur vendredi et ma collègue repousse sans cesse la date, je n'ai pas le temps";
    String value = "I refuse to partner with a company that pollutes the river, it goes against our values and our ethics";

    Proposal p = model.propose(need);
    Proposal v = model.propose(value);

    assertEquals(Nature.NEED, p.nature());
    assertEquals(Nature.VALUE, v.nature());
    assertEquals(8, v.sheet(), "a partner's ethics is sheet 8: " + v);
    for (Proposal proposal : List.of(p, v)) {
      assertTrue(proposal.natureConfidence() > 0.5 && proposal.natureConfidence() <= 1.0);
      assertTrue(proposal.sheetConfidence() > 0 && proposal.sheetConfidence() <= 1.0);
      assertTrue(proposal.sheet() >= 1 && proposal.sheet() <= 9);
      assertFalse(proposal.cues().isEmpty(), proposal.toString());
      assertTrue(proposal.cues().size() <= 3);
    }
    Set<String> needWords = Set.copyOf(List.of(need.split("[\\s,']+")));
    Set<String> valueWords = Set.copyOf(List.of(value.split("[\\s,']+")));
    assertTrue(needWords.containsAll(p.cues()), p.cues().toString());
    assertTrue(valueWords.containsAll(v.cues()), v.cues().toString());
  }

  @Test
  @DisplayName("a text that says nothing of a conflict gets a lower confidence than a clear description")
  void confidenceTellsHowSure() {
    Proposal vague = model.propose("ok");
    Proposal clear = model.propose("We need the budget and two more hours a week from each partner, I can't do all the work alone by the deadline");

    assertEquals(Nature.NEED, clear.nature());
    assertTrue(clear.natureConfidence() > 0.8, clear.toString());
    assertTrue(vague.natureConfidence() < 0.7, vague.toString());
    assertTrue(vague.sheetConfidence() < clear.sheetConfidence(), vague + " / " + clear);
  }

  @Test
  @DisplayName("cues are never function words such as 'the', 'and', 'je', 'les'")
  void cuesAreNeverStopWords() {
    Set<String> stop = Set.of("the", "and", "to", "of", "a", "je", "les", "le", "la", "de", "et", "pas", "que", "we", "i");

    List<String> cues = heldout.stream().flatMap(c -> model.propose(c.text()).cues().stream())
        .map(String::toLowerCase).collect(Collectors.toList());

    assertFalse(cues.isEmpty());
    assertTrue(cues.stream().noneMatch(stop::contains), cues.toString());
  }

  @Test
  @DisplayName("training twice on the same cases gives the same proposals: results never depend on chance")
  void deterministic() {
    TriageModel again = TriageModel.train(train);

    for (LabelledCase c : heldout.subList(0, 20)) {
      assertEquals(model.propose(c.text()), again.propose(c.text()));
    }
  }

  @Test
  @DisplayName("the packaged model trains in the background and answers once ready; an empty text still gets a proposal")
  void packagedInBackground() {
    TriageModel packaged = TriageModel.packagedInBackground();

    Proposal p = packaged.propose("We need two more volunteers on Saturdays and nobody agrees on who provides them");
    Proposal empty = packaged.propose("");

    assertEquals(Nature.NEED, p.nature());
    assertTrue(empty.cues().isEmpty());
  }

  @Test
  @DisplayName("the evaluation prints accuracy lines with two decimals and n, then confusion tables")
  void evaluationPrints() {
    List<LabelledCase> cases = List.of(
        new LabelledCase(Nature.NEED, 4, "Je suis la seule à faire tout le travail du collectif, personne ne donne une heure."),
        new LabelledCase(Nature.VALUE, 8, "Je refuse qu'on prenne l'argent d'un marchand d'armes, c'est contraire à nos valeurs."));

    Evaluation e = model.evaluate(cases);
    String printed = e.toString();

    assertTrue(printed.matches("(?s)need/value accuracy: [01]\\.\\d\\d \\(n=2\\)\nsheet accuracy: [01]\\.\\d\\d \\(n=2\\)\n.*"), printed);
    assertEquals(2, java.util.Arrays.stream(e.natureConfusion().counts()).flatMapToInt(java.util.Arrays::stream).sum());
    assertTrue(printed.contains("need") && printed.contains("value") && printed.contains("9"));
  }
}
