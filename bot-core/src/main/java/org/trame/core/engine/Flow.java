package org.trame.core.engine;

import org.trame.core.i18n.LocalText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A validated flow: its steps in file order, and how to find them. */
public final class Flow {

  private final String id;
  private final String file;
  private final LocalText title;
  private final LocalText help;
  private final List<Step> steps;
  private final List<String> onComplete;
  private final Map<String, Integer> index = new LinkedHashMap<>();

  public Flow(String id, String file, LocalText title, LocalText help, List<Step> steps, List<String> onComplete) {
    this.id = id;
    this.file = file;
    this.title = title;
    this.help = help;
    this.steps = List.copyOf(steps);
    this.onComplete = List.copyOf(onComplete);
    for (int i = 0; i < this.steps.size(); i++) {
      index.put(this.steps.get(i).id(), i);
    }
  }

  public String id() {
    return id;
  }

  public String file() {
    return file;
  }

  public LocalText title() {
    return title;
  }

  public LocalText help() {
    return help;
  }

  public List<Step> steps() {
    return steps;
  }

  public List<String> onComplete() {
    return onComplete;
  }

  public Step first() {
    return steps.get(0);
  }

  public Step step(String stepId) {
    Integer i = index.get(stepId);
    return i == null ? null : steps.get(i);
  }

  public boolean has(String stepId) {
    return index.containsKey(stepId);
  }

  /** The step written after {@code step} in the file, or {@link Step#END}. */
  public String following(Step step) {
    int i = index.get(step.id());
    return i + 1 < steps.size() ? steps.get(i + 1).id() : Step.END;
  }
}
