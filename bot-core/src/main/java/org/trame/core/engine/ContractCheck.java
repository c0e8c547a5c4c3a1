package org.trame.core.engine;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks loaded flows against what the features' code reads ({@link FlowContract}): a step renamed,
 * of another kind, optional where the code needs an answer, or an option value gone, names the
 * file, the step and the feature, and stops loading.
 */
final class ContractCheck {

  private ContractCheck() {
  }

  static void check(Map<String, Flow> flows, List<FlowContract> contracts, String shownAs) {
    for (FlowContract contract : contracts) {
      Flow flow = flows.get(contract.flow());
      String by = "the " + contract.feature() + " feature";
      if (flow == null) {
        throw new PromptsException(shownAs + "/" + contract.flow() + ".yaml: missing (" + by + " runs the flow '" + contract.flow() + "')");
      }
      for (FlowContract.Need need : contract.needs()) {
        check(flow, need, by);
      }
    }
  }

  private static void check(Flow flow, FlowContract.Need need, String by) {
    String where = flow.file() + ": step '" + need.id() + "'";
    String readAs = "read by " + by + " as " + describe(need.kind());
    Step step = flow.step(need.id());
    if (step == null) {
      throw new PromptsException(where + " is missing (" + readAs + ")");
    }
    if (step.kind() != need.kind()) {
      throw new PromptsException(where + " is a " + step.kind().word() + " step, but it is " + readAs);
    }
    if (need.answered() && step.optional()) {
      throw new PromptsException(where + " cannot be optional (" + by + " needs its answer)");
    }
    for (String value : new TreeSet<>(need.options())) {
      if (step.options().stream().noneMatch(o -> o.value().equals(value))) {
        throw new PromptsException(where + ": option value '" + value + "' is missing (" + by + " reads it)");
      }
    }
    if (need.optionPattern() != null) {
      for (Step.Choice o : step.options()) {
        if (!need.optionPattern().matcher(o.value()).matches()) {
          throw new PromptsException(where + ": option value '" + o.value() + "' is not " + need.patternMeaning()
              + " (" + by + " reads the values as such)");
        }
      }
    }
    if (need.min() != null && (step.min() != need.min() || step.max() != need.max())) {
      throw new PromptsException(where + ": the scale runs from " + step.min() + " to " + step.max() + ", but " + by
          + " counts answers from " + need.min() + " to " + need.max());
    }
  }

  private static String describe(StepKind kind) {
    return switch (kind) {
      case CONFIRM -> "a yes/no question (kind confirm)";
      case CHOICE -> "a choice (kind choice)";
      case MULTI_CHOICE -> "a choice of several options (kind multi-choice)";
      case SCALE -> "a scale (kind scale)";
      case TEXT -> "a free text (kind text)";
      case MESSAGE -> "a message (kind message)";
    };
  }
}
