package org.trame.core.map;

import java.util.List;
import org.trame.core.engine.FlowContract;
import org.trame.core.engine.StepRef;

/**
 * Every step of the partner map questionnaire that this feature's code reads: the loader checks a
 * collective's copy of {@code prompts/} against them.
 */
final class MapFlow {

  private MapFlow() {
  }

  static final String FLOW = "map";
  static final FlowContract CONTRACT = FlowContract.of("map", FLOW);
  static final StepRef<Integer> SYNERGY_RATIONAL = CONTRACT.scale("synergy_rational", 1, 5);
  static final StepRef<Integer> SYNERGY_AFFECTIVE = CONTRACT.scale("synergy_affective", 1, 5);
  static final StepRef<Integer> ANTAGONISM_RATIONAL = CONTRACT.scale("antagonism_rational", 1, 5);
  static final StepRef<Integer> ANTAGONISM_AFFECTIVE = CONTRACT.scale("antagonism_affective", 1, 5);
  static final StepRef<Integer> INFLUENCE = CONTRACT.scale("influence", 1, 5);
  static final StepRef<Integer> MOBILISE = CONTRACT.scale("mobilise", 1, 5);
  static final StepRef<String> TURN_AGAINST = CONTRACT.text("turn_against");
  static final StepRef<String> COMMITMENT = CONTRACT.text("commitment");
  static final StepRef.YesNo NAMED = CONTRACT.yesNo("named");

  static final List<FlowContract> ALL = List.of(CONTRACT);
}
