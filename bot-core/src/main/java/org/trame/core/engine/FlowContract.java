package org.trame.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a feature's Java code reads in one flow: the step ids, their kinds and the option values it
 * compares answers with. A collective may edit its copy of {@code prompts/}; the loader checks each
 * flow against the contracts of the features, so that a renamed step or a removed option stops the
 * bot at start instead of silently reading nothing (a "yes" then taken for a "no").
 *
 * <p>Features declare their steps once, as constants, and read answers only through the returned
 * {@link StepRef}s: a step read in code is a step declared here.
 */
public final class FlowContract {

  /** What the feature needs of one step. */
  record Need(String id, StepKind kind, Set<String> options, Pattern optionPattern, String patternMeaning,
      Integer min, Integer max, boolean answered) {}

  private final String feature;
  private final String flow;
  private final Map<String, NeedBuilder> needs = new LinkedHashMap<>();

  private FlowContract(String feature, String flow) {
    this.feature = feature;
    this.flow = flow;
  }

  /** The contract of {@code feature} (a word such as "conflict", shown in errors) on the flow {@code flow}. */
  public static FlowContract of(String feature, String flow) {
    return new FlowContract(feature, flow);
  }

  public String feature() {
    return feature;
  }

  public String flow() {
    return flow;
  }

  /** A confirm step, read as yes or no. */
  public StepRef.YesNo yesNo(String id) {
    declare(id, StepKind.CONFIRM);
    return new StepRef.YesNo(this, id);
  }

  /** A choice step; the option values the code compares with are declared through {@link StepRef.Options#option}. */
  public StepRef.Options choice(String id) {
    declare(id, StepKind.CHOICE);
    return new StepRef.Options(this, id);
  }

  /** A multi-choice step (its answer is the chosen values joined by commas). */
  public StepRef.Options multiChoice(String id) {
    declare(id, StepKind.MULTI_CHOICE);
    return new StepRef.Options(this, id);
  }

  /** A free-text step. */
  public StepRef<String> text(String id) {
    declare(id, StepKind.TEXT);
    return new StepRef<>(this, id, v -> v);
  }

  /** A scale step of any range. */
  public StepRef<Integer> scale(String id) {
    declare(id, StepKind.SCALE);
    return new StepRef<>(this, id, Integer::valueOf);
  }

  /** A scale step whose range the code relies on (a report counting the answers 1 to 5, say). */
  public StepRef<Integer> scale(String id, int min, int max) {
    NeedBuilder n = declare(id, StepKind.SCALE);
    n.min = min;
    n.max = max;
    return new StepRef<>(this, id, Integer::valueOf);
  }

  /** The declared needs, in declaration order. */
  List<Need> needs() {
    List<Need> out = new ArrayList<>();
    needs.values().forEach(n -> out.add(new Need(n.id, n.kind, Set.copyOf(n.options), n.pattern, n.patternMeaning, n.min, n.max,
        n.answered)));
    return out;
  }

  boolean declares(String id) {
    return needs.containsKey(id);
  }

  void option(String id, String value) {
    needs.get(id).options.add(value);
  }

  void optionsMatching(String id, String regex, String meaning) {
    NeedBuilder n = needs.get(id);
    n.pattern = Pattern.compile(regex);
    n.patternMeaning = meaning;
  }

  void answered(String id) {
    needs.get(id).answered = true;
  }

  private NeedBuilder declare(String id, StepKind kind) {
    NeedBuilder n = new NeedBuilder(id, kind);
    if (needs.putIfAbsent(id, n) != null) {
      throw new IllegalArgumentException("step '" + id + "' of flow " + flow + " is declared twice by the " + feature + " feature");
    }
    return n;
  }

  /** Filled while the feature's constants are initialised, then only read. */
  private static final class NeedBuilder {
    final String id;
    final StepKind kind;
    final Set<String> options = new LinkedHashSet<>();
    Pattern pattern;
    String patternMeaning;
    Integer min;
    Integer max;
    boolean answered;

    NeedBuilder(String id, StepKind kind) {
      this.id = id;
      this.kind = kind;
    }
  }
}
