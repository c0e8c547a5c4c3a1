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

  /**
   * Whether the platform's own roles make {@code memberId} a coordinator of {@code collective} now
   * (Slack workspace admin or owner, the Discord coordinator role or Manage Server). Asked just
   * before a coordinator-only message leaves, so that a demoted member receives nothing more; it may
   * call the platform (with a short cache). Throws when the platform cannot tell: the message waits
   * and is tried again. The configured coordinator ids are checked by the core, not here.
   */
  default boolean hasCoordinatorRole(String collective, String memberId) throws Exception {
    return false;
  }

  /**
   * The collective's channel as the operator configured it for this platform ({@code
   * TRAME_SLACK_CHANNEL}, {@code TRAME_DISCORD_CHANNEL}), or empty: then the channel a coordinator
   * set with {@code channel here} is used. Answered from memory: the core asks it while writing.
   */
  default java.util.Optional<String> configuredChannel(String collective) {
    return java.util.Optional.empty();
  }

  /** How fast this platform takes messages; the outbox sender spaces sends accordingly. */
  default Pacing pacing() {
    return Pacing.NONE;
  }
}
