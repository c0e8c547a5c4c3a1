package org.trame.core.engine;

/**
 * A named Java action a flow may call: on reaching a message step, after an answer, at the end of
 * the flow, or to choose a branch. It runs inside the turn's transaction, so its writes commit or
 * roll back with the answer that caused them.
 */
@FunctionalInterface
public interface FlowAction {

  /** Does the work; the returned outcome selects a branch case (null when not branching). */
  String run(ActionContext context) throws Exception;
}
