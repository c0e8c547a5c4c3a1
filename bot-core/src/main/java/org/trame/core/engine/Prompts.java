package org.trame.core.engine;

import java.util.Map;
import java.util.Optional;
import org.trame.core.i18n.Texts;

/** Every flow and the core's own messages, loaded and validated from a prompts directory. */
public record Prompts(Map<String, Flow> flows, Texts texts, String source) {

  public Optional<Flow> flow(String id) {
    return Optional.ofNullable(flows.get(id));
  }
}
