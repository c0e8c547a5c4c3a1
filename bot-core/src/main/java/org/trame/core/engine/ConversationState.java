package org.trame.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a conversation stands: stored as JSON in the conversation row after every turn, so a
 * restart resumes at the same step with the same answers. Mutable on purpose: the engine changes
 * it during one turn, the storage writes it back in the same transaction.
 */
public final class ConversationState {

  /** The step awaiting an answer; null once the flow has ended. */
  public String step;
  /** True while the sharing question of {@link #step} is being asked. */
  public boolean awaitingSharing;
  /** The answers so far, by step id. */
  public Map<String, Answer> answers = new LinkedHashMap<>();
  /** The input steps answered, in order; {@code back} walks it backwards. */
  public List<String> trail = new ArrayList<>();
  /** Answers from the member's previous run of this flow, by step id, shown as "last time you said". */
  public Map<String, String> previous = new LinkedHashMap<>();
  /**
   * What actions recorded outside the conversation, by key, oldest first (row ids, the order of a
   * list shown): what a step's {@code undo} takes back on {@code back}, exactly and nothing else.
   * Null until an action records something, so that other flows store nothing for it.
   */
  public Map<String, List<String>> recorded;

  /** Whether the member has answered (or skipped) anything yet. */
  public boolean begun() {
    return !answers.isEmpty();
  }

  /** Wipes what the member answered and the path they took, so that nothing of it is stored any more. */
  public void forgetAnswers() {
    answers.clear();
    trail.clear();
  }

  /**
   * Every stored answer by step id, read-only: for code that treats all answers alike (erasure).
   * A feature reading one step's answer goes through the step it declared ({@link StepRef}).
   */
  public Map<String, Answer> everyAnswer() {
    return java.util.Collections.unmodifiableMap(answers);
  }

  /** The entries recorded under {@code key}, oldest first; the list is this state's own, to add to. */
  public List<String> recorded(String key) {
    if (recorded == null) {
      recorded = new LinkedHashMap<>();
    }
    return recorded.computeIfAbsent(key, k -> new ArrayList<>());
  }

  /** Takes the newest entry recorded under {@code key} off its list, or null when there is none. */
  public String takeBackRecorded(String key) {
    List<String> entries = recorded == null ? null : recorded.get(key);
    return entries == null || entries.isEmpty() ? null : entries.remove(entries.size() - 1);
  }

  /** A copy that shares nothing mutable with this state (answers themselves are immutable). */
  public ConversationState copy() {
    ConversationState c = new ConversationState();
    c.step = step;
    c.awaitingSharing = awaitingSharing;
    c.answers = new LinkedHashMap<>(answers);
    c.trail = new ArrayList<>(trail);
    c.previous = new LinkedHashMap<>(previous);
    if (recorded != null) {
      recorded.forEach((key, entries) -> c.recorded(key).addAll(entries));
    }
    return c;
  }

  /**
   * The answers on the path actually taken, in order: after {@code back} and a different branch,
   * answers left on the abandoned path are not part of the result.
   */
  public Map<String, Answer> onPath() {
    Map<String, Answer> result = new LinkedHashMap<>();
    for (String stepId : trail) {
      Answer a = answers.get(stepId);
      if (a != null) {
        result.put(stepId, a);
      }
    }
    return result;
  }
}
