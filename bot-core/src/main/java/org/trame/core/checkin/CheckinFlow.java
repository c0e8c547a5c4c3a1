package org.trame.core.checkin;

import java.util.List;
import org.trame.core.engine.FlowContract;
import org.trame.core.engine.StepRef;

/**
 * Every step of the check-in flow that this feature's code reads: the loader checks a collective's
 * copy of {@code prompts/} against them. The four scales must run from 1 to 5, which the report counts.
 */
final class CheckinFlow {

  private CheckinFlow() {
  }

  static final FlowContract CONTRACT = FlowContract.of("checkin", CheckinFeature.FLOW);
  static final StepRef<Integer> ALIGNMENT = CONTRACT.scale("alignment", 1, 5);
  static final StepRef<Integer> ENGAGEMENT = CONTRACT.scale("engagement", 1, 5);
  static final StepRef<Integer> FAIRNESS = CONTRACT.scale("fairness", 1, 5);
  static final StepRef<Integer> TRUST = CONTRACT.scale("trust", 1, 5);
  static final StepRef<String> REMARK = CONTRACT.text("remark");
  static final StepRef.YesNo CONSENT = CONTRACT.yesNo("consent");
  static final StepRef<String> REMARK_AGAIN = CONTRACT.text("remark_again");

  static final List<FlowContract> ALL = List.of(CONTRACT);
}
