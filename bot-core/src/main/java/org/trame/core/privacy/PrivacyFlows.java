package org.trame.core.privacy;

import java.util.List;
import org.trame.core.engine.FlowContract;
import org.trame.core.engine.StepRef;

/**
 * Every step of the withdrawal and erasure flows that this feature's code reads, with the option
 * values it compares answers with: the loader checks a collective's copy of {@code prompts/} against them.
 */
final class PrivacyFlows {

  private PrivacyFlows() {
  }

  static final String FEATURE = "privacy";

  static final FlowContract WITHDRAW = FlowContract.of(FEATURE, PrivacyFeature.WITHDRAW_FLOW);
  static final StepRef.Options SCOPE = WITHDRAW.choice("scope");
  static final String SCOPE_COLLECTIVE = SCOPE.option("collective");
  static final StepRef<String> REASON = WITHDRAW.text("reason");
  static final StepRef.Options REASON_SHARING = WITHDRAW.choice("reason_sharing");
  static final String REASON_SHARED = REASON_SHARING.option("shared");
  static final StepRef<String> FAREWELL = WITHDRAW.text("farewell");
  static final StepRef.YesNo APPROVE = WITHDRAW.yesNo("approve");
  static final StepRef.Options DATA = WITHDRAW.choice("data");
  static final String DATA_EXPORT = DATA.option("export");
  static final String DATA_ERASE = DATA.option("erase");
  // Leaving one project (sheet 8): the scope offered to a member who takes part in one, and the project path's steps.
  static final StepRef.Options SCOPE_IN_PROJECT = WITHDRAW.choice("scope_in_project");
  static final String SCOPE_IN_PROJECT_COLLECTIVE = SCOPE_IN_PROJECT.option("collective");
  static final String SCOPE_PROJECT = SCOPE_IN_PROJECT.option("project");
  static final StepRef<String> PROJECT = WITHDRAW.text("project");
  static final StepRef<String> PROJECT_REASON = WITHDRAW.text("project_reason");
  static final StepRef.Options PROJECT_REASON_SHARING = WITHDRAW.choice("project_reason_sharing");
  static final String PROJECT_REASON_SHARED = PROJECT_REASON_SHARING.option("shared");
  static final StepRef<String> PROJECT_FAREWELL = WITHDRAW.text("project_farewell");
  static final StepRef.YesNo PROJECT_APPROVE = WITHDRAW.yesNo("project_approve");

  static final FlowContract FORGET = FlowContract.of(FEATURE, PrivacyFeature.FORGET_FLOW);
  static final StepRef.YesNo CONFIRM = FORGET.yesNo("confirm");

  static final List<FlowContract> ALL = List.of(WITHDRAW, FORGET);
}
