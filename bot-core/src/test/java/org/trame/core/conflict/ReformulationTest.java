package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReformulationTest {

  @Test
  @DisplayName("a short statement of needs is kept whole, spaces tidied")
  void shortKept() {
    assertEquals("I need the van on Tuesdays.", Reformulation.of("  I need   the van\non Tuesdays. "));
  }

  @Test
  @DisplayName("a long statement is cut down to the sentences that say a need, in French and English")
  void longCutToNeeds() {
    String story = "Last spring we had a meeting about the van and it went badly. Everyone talked at once and nothing was written down. "
        + "Then the summer came and the van was used by everyone without any rule at all, which we found very tiring for our team. ";
    assertEquals("I need to know a day ahead when the van is free. What matters to us is that deliveries leave on time.",
        Reformulation.of(story + "I need to know a day ahead when the van is free. What matters to us is that deliveries leave on time."));
    String histoire = "L'an dernier, nous avons eu une réunion sur le local et elle s'est mal passée. Tout le monde parlait en même temps. "
        + "Ensuite l'été est arrivé et le local a été utilisé sans aucune règle, ce qui a beaucoup fatigué notre équipe de bénévoles. "
        + "Depuis, chacun arrive avec ses clés et ses horaires, et personne ne sait plus qui range quoi le soir. ";
    assertEquals("Nous avons besoin du local le lundi pour l'aide aux devoirs.",
        Reformulation.of(histoire + "Nous avons besoin du local le lundi pour l'aide aux devoirs."));
  }

  @Test
  @DisplayName("a long statement with no need word keeps its first two sentences")
  void noNeedWord() {
    String s = "The van is always late. The keys are lost. " + "Nobody answers the phone on Mondays, and the schedule on the wall is out of date. ".repeat(5);
    assertEquals("The van is always late. The keys are lost.", Reformulation.of(s));
  }
}
