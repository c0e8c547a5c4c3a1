package org.trame.core.engine;

import java.util.List;
import org.trame.core.port.Audience;
import org.trame.core.port.Option;
import org.trame.core.port.OutboundMessage.Expects;

/**
 * One message the engine says during a turn, in order; the caller puts it in the outbox.
 * {@code to} is null for the conversation's own member, else another audience (an action may
 * post to the collective's channel).
 */
public record Prompt(String text, Expects expects, List<Option> options, String stepRef, Audience to) {

  public Prompt(String text, Expects expects, List<Option> options, String stepRef) {
    this(text, expects, options, stepRef, null);
  }

  public static Prompt say(String text) {
    return new Prompt(text, Expects.NOTHING, List.of(), null);
  }
}
