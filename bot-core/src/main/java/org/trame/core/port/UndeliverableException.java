package org.trame.core.port;

import java.util.Objects;

/**
 * Thrown by {@link Messenger#send} when the platform says this message can never be delivered:
 * the member blocked the bot or left, the channel is gone or archived, the bot lost access. The
 * adapter only translates its platform's answer; the outbox sender decides, and gives the message
 * up at once instead of retrying it (which would hold back the recipient's later messages for ever).
 */
public class UndeliverableException extends Exception {

  private final String reason;

  /** @param reason the platform's own reason (an error code or its meaning), never the message's text */
  public UndeliverableException(String reason, Throwable cause) {
    super("the platform says this can never be delivered: " + Objects.requireNonNull(reason, "reason"), cause);
    this.reason = reason;
  }

  /** The platform's reason, as it said it. */
  public String reason() {
    return reason;
  }
}
