package org.trame.core.stakes;

import java.util.List;
import org.trame.core.engine.FlowContract;
import org.trame.core.engine.StepRef;

/**
 * Every step of the stakes questionnaire that this feature's code reads by name (the synthesis
 * reads members' stored answers by their step id): the loader checks a collective's copy of
 * {@code prompts/} against them.
 */
final class StakesFlow {

  private StakesFlow() {
  }

  static final FlowContract CONTRACT = FlowContract.of("stakes", StakesFeature.FLOW);
  static final StepRef<String> WHY = CONTRACT.text("why");
  static final StepRef<String> BRINGS = CONTRACT.text("brings");
  static final StepRef<String> FEAR = CONTRACT.text("fear");
  static final StepRef<String> RED_LINES = CONTRACT.text("red_lines");
  static final StepRef.Options CONTRIBUTIONS = CONTRACT.multiChoice("contributions");
  static final String TIME = CONTRIBUTIONS.option("time");
  static final String MONEY = CONTRIBUTIONS.option("money");
  static final String SKILLS = CONTRIBUTIONS.option("skills");
  static final StepRef.Options TIME_PER_MONTH = CONTRACT.choice("time_per_month");
  static final StepRef<String> MONEY_DETAIL = CONTRACT.text("money_detail");
  static final StepRef<String> SKILLS_DETAIL = CONTRACT.text("skills_detail");
  static final StepRef<String> EXPECTATIONS = CONTRACT.text("expectations");
  static final StepRef<Integer> PURPOSE = CONTRACT.scale("purpose");

  static final List<FlowContract> ALL = List.of(CONTRACT);
}
