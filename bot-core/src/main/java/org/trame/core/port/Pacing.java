package org.trame.core.port;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast a platform accepts messages, as the outbox sender should respect it: at most one
 * message per {@code perRecipient} to the same recipient (a member's DM, a collective's channel),
 * and at most one request per {@code perPlatform} on the whole platform. {@link Duration#ZERO}
 * means no limit. The platform's own "retry after" answers come on top, as {@link RetryAfterException}.
 *
 * @param perRecipient least time between two messages to the same recipient
 * @param perPlatform  least time between two messages on the platform, whoever they are for
 */
public record Pacing(Duration perRecipient, Duration perPlatform) {

  /** No pacing: messages go as fast as the messenger takes them. */
  public static final Pacing NONE = new Pacing(Duration.ZERO, Duration.ZERO);

  public Pacing {
    Objects.requireNonNull(perRecipient, "perRecipient");
    Objects.requireNonNull(perPlatform, "perPlatform");
    if (perRecipient.isNegative() || perPlatform.isNegative()) {
      throw new IllegalArgumentException("a pacing interval cannot be negative: " + perRecipient + ", " + perPlatform);
    }
  }

  /** The interval that keeps a platform at or under {@code count} messages per second. */
  public static Duration perSecond(int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("a rate is at least one message per second, got " + count);
    }
    return Duration.ofNanos((1_000_000_000L + count - 1) / count);
  }
}
