package org.trame.core.conflict;

import java.util.List;
import org.trame.core.engine.FlowContract;
import org.trame.core.engine.StepRef;

/**
 * Every step of the conflict flows that this feature's code reads, with the option values it
 * compares answers with: the loader checks a collective's copy of {@code prompts/} against them.
 * All are declared here, in one class, so that they are all declared before the loader runs.
 */
final class ConflictFlows {

  private ConflictFlows() {
  }

  static final String FEATURE = "conflict";

  static final FlowContract INVITE = FlowContract.of(FEATURE, Phase.INVITE.flow);
  static final StepRef.YesNo JOIN = INVITE.yesNo("join");
  static final StepRef<String> DESCRIBE = INVITE.text("describe").answered();
  /** The clarifying question asked when the triage is unsure of the nature: lacking something, or a conviction. */
  static final StepRef.Options CLARIFY = INVITE.choice("clarify");
  static final String CLARIFY_LACK = CLARIFY.option("lack");
  static final String CLARIFY_CONVICTION = CLARIFY.option("conviction");
  static final StepRef.Options VERDICT = INVITE.choice("verdict");
  static final String VERDICT_NEED = VERDICT.option("need");
  static final String VERDICT_VALUE = VERDICT.option("value");
  static final StepRef.Options SHEET = INVITE.choice("sheet").optionsMatching("s[1-9]", "a sheet number written s1 to s9");

  static final FlowContract PREP = FlowContract.of(FEATURE, Phase.PREP.flow);
  static final StepRef.YesNo WISH = PREP.yesNo("wish");
  static final StepRef.Options PACE = PREP.choice("pace").optionsMatching("d\\d{1,2}", "a number of days written d1 to d99");

  static final FlowContract NEEDS = FlowContract.of(FEATURE, Phase.NEEDS.flow);
  static final StepRef<String> NEEDS_TEXT = NEEDS.text("needs").answered();
  static final StepRef<String> EDIT = NEEDS.text("edit").answered();
  static final StepRef.Options REPHRASE = NEEDS.choice("rephrase");
  static final String REWRITE_NEEDS = REPHRASE.option("rewrite");

  static final FlowContract LISTEN = FlowContract.of(FEATURE, Phase.LISTEN.flow);
  static final StepRef<String> RESTATE = LISTEN.text("restate").answered();

  static final FlowContract RECOGNISE = FlowContract.of(FEATURE, Phase.RECOGNISE.flow);
  static final StepRef.Options RECOGNISED = RECOGNISE.choice("recognised");
  static final String RECOGNISED_YES = RECOGNISED.option("recognised");
  static final String RECOGNISED_NOT_QUITE = RECOGNISED.option("clarify");
  static final StepRef<String> CORRECTION = RECOGNISE.text("correction");

  static final FlowContract GOAL = FlowContract.of(FEATURE, Phase.GOAL.flow);
  static final StepRef.YesNo GOAL_OK = GOAL.yesNo("goal_ok");
  static final StepRef<String> GOAL_REWRITE = GOAL.text("goal_rewrite");

  static final FlowContract SOLUTIONS = FlowContract.of(FEATURE, Phase.SOLUTIONS.flow);
  static final StepRef<String> IDEA = SOLUTIONS.text("idea").answered();

  static final FlowContract RATING = FlowContract.of(FEATURE, Phase.RATING.flow);
  static final StepRef<String> RATE = RATING.text("rate").answered();

  static final FlowContract CHOICE = FlowContract.of(FEATURE, Phase.CHOICE.flow);
  static final StepRef<String> ACCEPT = CHOICE.text("accept").answered();

  static final FlowContract DECISION = FlowContract.of(FEATURE, Phase.DECISION.flow);
  static final StepRef.YesNo SAME = DECISION.yesNo("same");
  static final StepRef<String> REWRITE = DECISION.text("rewrite");

  static final FlowContract PLAN = FlowContract.of(FEATURE, Phase.PLAN.flow);
  static final StepRef<String> WHAT = PLAN.text("what").answered();
  static final StepRef<String> OWNER = PLAN.text("owner").answered();
  static final StepRef<String> DUE = PLAN.text("due").answered();
  static final StepRef<String> RESOURCES = PLAN.text("resources");
  static final StepRef<String> OBSTACLES = PLAN.text("obstacles");
  static final StepRef<String> REVIEW_DATE = PLAN.text("review_date").answered();

  static final FlowContract APPROVAL = FlowContract.of(FEATURE, Phase.APPROVAL.flow);
  static final StepRef.YesNo PLAN_OK = APPROVAL.yesNo("plan_ok");
  static final StepRef<String> PLAN_REMARK = APPROVAL.text("plan_remark");

  static final FlowContract REVIEW = FlowContract.of(FEATURE, Phase.REVIEW.flow);
  static final StepRef.Options HOW = REVIEW.choice("how");
  static final String SOLVED = HOW.option("solved");
  static final String REOPEN = HOW.option("reopen");
  static final StepRef<String> NOTE = REVIEW.text("note");

  static final FlowContract VALUE = FlowContract.of(FEATURE, Phase.VALUE.flow);
  static final StepRef.YesNo RELATION = VALUE.yesNo("relation");
  static final StepRef<String> CONVICTION = VALUE.text("conviction").answered();
  static final StepRef.YesNo SHARE_CONVICTION = VALUE.yesNo("share_conviction");
  static final StepRef<String> NEED_PART = VALUE.text("need_part");

  static final FlowContract TOGETHER = FlowContract.of(FEATURE, Phase.TOGETHER.flow);
  static final StepRef<String> TOGETHER_TEXT = TOGETHER.text("together");
  static final StepRef<String> PROJECT = TOGETHER.text("project");
  static final StepRef.Options STANCE = TOGETHER.choice("stance");
  static final String STANCE_TOGETHER = STANCE.option("together");
  static final String STANCE_ADJUST = STANCE.option("adjust");
  static final String STANCE_WITHDRAW = STANCE.option("withdraw");
  static final String STANCE_STOP = STANCE.option("stop");
  static final StepRef<String> ADJUSTMENT = TOGETHER.text("adjustment");
  static final StepRef.Options GRID = TOGETHER.choice("grid");
  static final String GRID_OK = GRID.option("ok");
  /** One black ball blocks (sheet 8). */
  static final String BLACK_BALL = GRID.option("black");
  static final String GRID_UNSURE = GRID.option("unsure");
  static final StepRef<String> GRID_CRITERION = TOGETHER.text("grid_criterion");

  static final FlowContract REQUEST = FlowContract.of(FEATURE, ConflictFeature.REQUEST_FLOW);
  static final StepRef<String> WORDS = REQUEST.text("words");
  static final StepRef.YesNo SEND = REQUEST.yesNo("send");

  static final List<FlowContract> ALL = List.of(INVITE, PREP, NEEDS, LISTEN, RECOGNISE, GOAL, SOLUTIONS, RATING, CHOICE, DECISION, PLAN,
      APPROVAL, REVIEW, VALUE, TOGETHER, REQUEST);
}
