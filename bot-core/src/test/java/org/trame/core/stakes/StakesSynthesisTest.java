package org.trame.core.stakes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.Features;
import org.trame.core.engine.FlowEngine;
import org.trame.core.i18n.Lang;

class StakesSynthesisTest {

  private static final FlowEngine ENGINE = new FlowEngine(Features.promptsLoader().loadPackaged(), Map.of());

  @Test
  @DisplayName("a red line on autonomy and another member's wish for autonomy are a shared concern to talk over, not called an antagonism")
  void sharedWordsAreNotAnAntagonism() {
    // given alice's red line and bob's reason for being there share a word
    List<StakesRounds.SharedAnswer> shared = List.of(
        new StakesRounds.SharedAnswer("alice", "alice", StakesFlow.RED_LINES.id(), "losing the autonomy of our association", "collective"),
        new StakesRounds.SharedAnswer("bob", "bob", StakesFlow.WHY.id(), "more autonomy for the local groups", "collective"));

    // when the synthesis is written, in English and in French
    String en = new StakesSynthesis(ENGINE, Lang.EN).write(StakesMsg.STAKES_SYNTHESIS_HEADER, shared, 2, 2, null, null);
    String fr = new StakesSynthesis(ENGINE, Lang.FR).write(StakesMsg.STAKES_SYNTHESIS_HEADER, shared, 2, 2, null, null);

    // then the meeting point is put up for discussion, without naming it an antagonism
    assertTrue(en.contains("bears on what others are after too (autonomy)"), en);
    assertFalse(en.toLowerCase().contains("antagonism"), en);
    assertTrue(fr.contains("porte sur ce que d'autres recherchent aussi"), fr);
    assertFalse(fr.toLowerCase().contains("antagonisme"), fr);
  }
}
