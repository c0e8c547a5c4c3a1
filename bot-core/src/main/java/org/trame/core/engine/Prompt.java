package org.trame.core.engine;

import java.util.List;
import org.trame.core.port.Option;
import org.trame.core.port.OutboundMessage.Expects;

/** One message the engine says to the member during a turn; the caller puts it in the outbox. */
public record Prompt(String text, Expects expects, List<Option> options, String stepRef) {

  public static Prompt say(String text) {
    return new Prompt(text, Expects.NOTHING, List.of(), null);
  }
}
