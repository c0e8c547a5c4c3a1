package org.trame.core.port;

/**
 * The outbound port one adapter implements. The core calls it only after the state that produced
 * the message is committed; a message whose send throws stays in the outbox and is tried again,
 * so implementations should use {@link OutboundMessage#id()} to avoid double posts where they can.
 */
public interface Messenger {

  /** The platform this messenger sends on, matching {@link InboundEvent#platform()}. */
  String platform();

  /**
   * Delivers one message, throwing if it could not be delivered (it will be retried). A platform's
   * "retry after" answer is thrown as {@link RetryAfterException}, which the sender waits out exactly;
   * an answer meaning "never" (recipient or channel gone, bot blocked) as {@link UndeliverableException},
   * and the sender gives the message up.
   */
  void send(OutboundMessage message) throws Exception;

  /** How fast this platform takes messages; the outbox sender spaces sends accordingly. */
  default Pacing pacing() {
    return Pacing.NONE;
  }
}
