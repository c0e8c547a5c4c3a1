package org.trame.core.project;

import java.util.List;
import org.trame.core.engine.FlowContract;
import org.trame.core.engine.StepRef;

/**
 * Every step of the ethics grid flow that this feature's code reads, with the option values it
 * compares answers with: the loader checks a collective's copy of {@code prompts/} against them.
 */
final class EthicsFlow {

  private EthicsFlow() {
  }

  static final String FLOW = "ethics";
  static final FlowContract CONTRACT = FlowContract.of("project", FLOW);
  static final StepRef.Options VOTE = CONTRACT.choice("vote");
  static final String OK = VOTE.option(EthicsGrids.OK);
  static final String BLACK_BALL = VOTE.option(EthicsGrids.BLACK_BALL);
  static final String UNSURE = VOTE.option(EthicsGrids.UNSURE);
  static final StepRef<String> FEELING = CONTRACT.text("feeling");

  static final List<FlowContract> ALL = List.of(CONTRACT);
}
