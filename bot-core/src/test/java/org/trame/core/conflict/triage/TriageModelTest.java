package org.trame.core.conflict.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TriageModelTest {

  @Test
  @DisplayName("the packaged model proposes a nature, a sheet and cues taken from the member's own words")
  void packagedModelProposes() {
    TriageModel model = TriageModel.packagedInBackground();

    Proposal p = model.propose("I need the report by Friday and she keeps moving the deadline again");

    assertEquals(Nature.NEED, p.nature());
    assertTrue(p.sheet() >= 1 && p.sheet() <= 9);
    assertTrue(p.cues().size() <= 3);
    String text = "I need the report by Friday and she keeps moving the deadline again";
    p.cues().forEach(c -> assertTrue(text.contains(c), c));
    System.out.println(p);
    System.out.println(model.evaluate(CorpusReader.resource("triage/heldout.tsv").cases()));
  }
}
