package org.trame.core.engine;

import org.trame.core.i18n.LocalText;
import java.util.List;
import java.util.Map;

/**
 * One step of a flow, as validated from its YAML file.
 *
 * @param id       unique in its flow
 * @param kind     what the step asks for
 * @param text     the question or message
 * @param help     what {@code help} says at this step, or null for the flow's help
 * @param options  for choice and multi-choice
 * @param min      scale: lowest value; text: shortest length; multi-choice: fewest picks
 * @param max      scale: highest value; text: longest length; multi-choice: most picks
 * @param minLabel scale: what the lowest value means
 * @param maxLabel scale: what the highest value means
 * @param optional whether {@code skip} is accepted
 * @param share    whether the answer carries its own sharing choice, asked right after it
 * @param when     the step is only taken when every listed step's answer is (or includes) the value
 * @param action   a named action run when the step is reached (message) or answered (others)
 * @param next     the step after this one; null means the next in the file
 * @param branch   a choice of next step by an answer or by a named action's outcome
 * @param undo     a named action run when {@code back} returns to this step: it takes back what the
 *                 previous answer recorded outside the conversation (a mark, an idea, a plan step),
 *                 so that the new answer replaces it instead of adding to it
 */
public record Step(
    String id,
    StepKind kind,
    LocalText text,
    LocalText help,
    List<Choice> options,
    int min,
    int max,
    LocalText minLabel,
    LocalText maxLabel,
    boolean optional,
    boolean share,
    Map<String, String> when,
    String action,
    String next,
    Branch branch,
    String undo) {

  /** One option of a choice step. */
  public record Choice(String value, LocalText label) {}

  /**
   * Branching after a step: on the answer of step {@code on} (this step when null) or on the
   * outcome of the named {@code action}; the first matching case wins, else {@code otherwise}.
   */
  public record Branch(String on, String action, Map<String, String> cases, String otherwise) {}

  /** The id a flow uses for "the flow ends here". */
  public static final String END = "end";
}
