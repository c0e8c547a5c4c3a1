package org.trame.core.engine;

import java.util.List;
import java.util.function.Function;

/**
 * A step a feature declared in its {@link FlowContract}, and the only way feature code reads that
 * step's answer: so every step read is one the loader checked in the collective's flow files.
 *
 * @param <T> what the answer is read as (text, option value, number, yes or no)
 */
public class StepRef<T> {

  private final FlowContract contract;
  private final String id;
  private final Function<String, T> parse;

  StepRef(FlowContract contract, String id, Function<String, T> parse) {
    this.contract = contract;
    this.id = id;
    this.parse = parse;
  }

  public String id() {
    return id;
  }

  /**
   * The feature reads this answer without handling a skip (the step must not be {@code optional}).
   * Returns this step, for use where it is declared.
   */
  public StepRef<T> answered() {
    contract.answered(id);
    return this;
  }

  /** The answer stored for this step, or null when it was not answered or was skipped. */
  public T of(Conversation c) {
    Answer a = stored(c).answers.get(id);
    return a == null || a.skipped() ? null : parse.apply(a.value());
  }

  /** The answer as stored ({@code yes}/{@code no}, the option value, the number as written), or null. */
  public String value(Conversation c) {
    Answer a = stored(c).answers.get(id);
    return a == null || a.skipped() ? null : a.value();
  }

  public T of(ActionContext ctx) {
    return of(ctx.conversation());
  }

  /** The answer, only if the step is on the path the member took (an answer left behind by {@code back} is not). */
  public T onPath(Conversation c) {
    return stored(c).trail.contains(id) ? of(c) : null;
  }

  /** Whether the member went through this step on their path, answering or skipping it. */
  public boolean reachedOnPath(Conversation c) {
    ConversationState s = stored(c);
    return s.trail.contains(id) && s.answers.containsKey(id);
  }

  /** Whether the member's latest answer in the flow was to this step. */
  public boolean justAnswered(Conversation c) {
    List<String> trail = stored(c).trail;
    return !trail.isEmpty() && trail.get(trail.size() - 1).equals(id);
  }

  /** Puts {@code value} in place of the stored answer (its sharing choice is dropped with it). */
  public void replace(Conversation c, String value) {
    stored(c).answers.put(id, new Answer(value, null));
  }

  /** The state of {@code c}, which must run this step's flow: reading a step of another flow is a bug. */
  private ConversationState stored(Conversation c) {
    if (!c.flow().equals(contract.flow())) {
      throw new IllegalStateException("step '" + id + "' belongs to flow " + contract.flow() + ", not to " + c.flow());
    }
    return c.state();
  }

  /** A confirm step. */
  public static final class YesNo extends StepRef<Boolean> {

    YesNo(FlowContract contract, String id) {
      super(contract, id, "yes"::equals);
    }

    /** Whether the member answered yes. */
    public boolean yes(Conversation c) {
      return Boolean.TRUE.equals(of(c));
    }

    /** Whether the member answered yes, on the path they took. */
    public boolean yesOnPath(Conversation c) {
      return Boolean.TRUE.equals(onPath(c));
    }

    /** Whether the member answered no (not: skipped or not reached). */
    public boolean no(Conversation c) {
      return Boolean.FALSE.equals(of(c));
    }
  }

  /** A choice or multi-choice step, read as the chosen option value (values joined by commas for a multi-choice). */
  public static final class Options extends StepRef<String> {

    private final FlowContract contract;

    Options(FlowContract contract, String id) {
      super(contract, id, v -> v);
      this.contract = contract;
    }

    /** Declares that the code compares answers with {@code value}, which must stay an option; returns it. */
    public String option(String value) {
      contract.option(id(), value);
      return value;
    }

    /** Declares that the code parses every option value by {@code regex} ({@code meaning} says how, in errors). */
    public Options optionsMatching(String regex, String meaning) {
      contract.optionsMatching(id(), regex, meaning);
      return this;
    }
  }
}
