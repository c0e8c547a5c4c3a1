package org.trame.core.port;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast a platform accepts messages, as the outbox sender should respect it: at most one
 * message per {@code perRecipient} to the same recipient (a member's DM, a collective's channel),
 * and at most one request per {@code perPlatform} on the whole platform. {@link Duration#ZERO}
 * means no limit. A recipient may get a short burst of {@code burst} messages at once (a reply and
 * the next question), then the pace applies. The platform's own "retry after" answers come on top,
 * as {@link RetryAfterException}.
 *
 * @param perRecipient least time between two messages to the same recipient, on average
 * @param perPlatform  least time between two messages on the platform, whoever they are for
 * @param burst        how many messages a recipient may get at once before the pace applies (at least 1)
 */
public record Pacing(Duration perRecipient, Duration perPlatform, int burst) {

  /** No pacing: messages go as fast as the messenger takes them. */
  public static final Pacing NONE = new Pacing(Duration.ZERO, Duration.ZERO);

  /** A pacing with no burst: every message to a recipient waits {@code perRecipient} after the last. */
  public Pacing(Duration perRecipient, Duration perPlatform) {
    this(perRecipient, perPlatform, 1);
  }

  public Pacing {
    if (burst < 1) {
      throw new IllegalArgumentException("a pacing burst is at least one message, got " + burst);
    }
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
