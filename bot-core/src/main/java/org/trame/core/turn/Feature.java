package org.trame.core.turn;

import java.util.Map;
import org.trame.core.engine.FlowAction;

/** A feature brings its commands and the named actions its flows call. */
public interface Feature {

  Map<String, Command> commands();

  Map<String, FlowAction> actions();

  /**
   * What this feature holds for the member in {@code turn}, as lines for their own eyes (a home
   * page): never another member's private data.
   */
  default java.util.List<String> summary(TurnContext turn) throws Exception {
    return java.util.List.of();
  }

  /**
   * A conversation ended, finished or cancelled, in the turn {@code turn}; every feature is told,
   * and each looks only at its own flows.
   */
  default void ended(TurnContext turn, org.trame.core.engine.Conversation conversation) throws Exception {
  }

  /** The keys of what this feature says: each must have its texts in every language, checked at start. */
  default java.util.List<? extends org.trame.core.i18n.MessageKey> messages() {
    return java.util.List.of();
  }

  /** Scheduled work by kind. */
  default Map<String, ScheduledTask> tasks() {
    return Map.of();
  }

  /** What this feature's code reads in its flows: the prompts loader refuses flow files that break it. */
  default java.util.List<org.trame.core.engine.FlowContract> contracts() {
    return java.util.List.of();
  }
}
