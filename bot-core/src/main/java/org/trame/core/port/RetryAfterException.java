package org.trame.core.port;

import java.time.Duration;
import java.util.Objects;

/**
 * Thrown by {@link Messenger#send} when the platform said "too many requests, retry after this
 * long" (HTTP 429 with Retry-After). The outbox sender waits exactly that long before trying the
 * same message again, holding back only that recipient's later messages, and does not count it as
 * a failed attempt: nothing is wrong, the platform asked for patience.
 */
public final class RetryAfterException extends Exception {

  private final Duration delay;

  public RetryAfterException(Duration delay) {
    this(delay, null);
  }

  public RetryAfterException(Duration delay, Throwable cause) {
    super("the platform asked to retry after " + Objects.requireNonNull(delay, "delay").toMillis() + " ms", cause);
    if (delay.isNegative()) {
      throw new IllegalArgumentException("a retry delay cannot be negative: " + delay);
    }
    this.delay = delay;
  }

  /** How long to wait before trying the message again. */
  public Duration delay() {
    return delay;
  }
}
