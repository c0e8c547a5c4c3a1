package org.trame.core.port;

import java.util.List;

/**
 * The core's answer to one inbound event, given once its effects are committed.
 *
 * @param outcome  applied, or ignored because the same event id was already handled
 * @param messages the messages the event produced, already in the outbox
 */
public record Handled(Outcome outcome, List<OutboundMessage> messages) {

  public enum Outcome { APPLIED, DUPLICATE }

  public static Handled duplicate() {
    return new Handled(Outcome.DUPLICATE, List.of());
  }
}
