package org.trame.core.turn;

import java.util.Map;
import org.trame.core.engine.FlowAction;

/** A feature brings its commands and the named actions its flows call. */
public interface Feature {

  Map<String, Command> commands();

  Map<String, FlowAction> actions();

  /** Scheduled work by kind. */
  default Map<String, ScheduledTask> tasks() {
    return Map.of();
  }
}
