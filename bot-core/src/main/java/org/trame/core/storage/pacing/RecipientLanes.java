package org.trame.core.storage.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trame.core.port.OutboundMessage;
import org.trame.core.port.Pacing;

/**
 * The outbox's messages lined up per recipient, and when each may go. Only the head of a lane is
 * ever sent, so a recipient's messages keep their order; a head that waits (for its platform's
 * pace, a retry-after, or a failure's backoff) holds back its own lane only. Among the heads that
 * may go, the one committed first goes first. Not thread-safe: the sender's thread owns it.
 */
public final class RecipientLanes {

  private static final Duration FIRST_RETRY = Duration.ofMillis(500);
  private static final Duration LONGEST_RETRY = Duration.ofSeconds(60);

  private final Map<String, Pacing> pacings;
  private final Map<String, Lane> lanes = new LinkedHashMap<>();
  /** Per platform, when its next request may go. */
  private final Map<String, Instant> platformFree = new HashMap<>();
  private long arrivals;
  private int waiting;

  /** What to do next: send {@code message} now, or wait until {@code at} (both null: nothing to send). */
  public record Next(OutboundMessage message, Instant at) {
    static final Next NOTHING = new Next(null, null);

    public boolean isEmpty() {
      return message == null && at == null;
    }
  }

  private static final class Lane {
    final String platform;
    final ArrayDeque<Queued> messages = new ArrayDeque<>();
    Instant notBefore = Instant.MIN;
    Duration backoff = FIRST_RETRY;

    Lane(String platform) {
      this.platform = platform;
    }
  }

  private record Queued(OutboundMessage message, long arrival) {}

  /** @param pacings each platform's pacing; a platform not listed is not paced */
  public RecipientLanes(Map<String, Pacing> pacings) {
    this.pacings = Map.copyOf(pacings);
  }

  /**
   * Whom a message goes to, as far as pacing and order go: a member's private messages share one
   * lane, a collective's channel another.
   */
  public static String recipient(OutboundMessage m) {
    return m.audience().isPrivate()
        ? m.platform() + "/member/" + m.audience().id()
        : m.platform() + "/channel/" + m.collective() + "/" + m.audience().id();
  }

  /** Lines a message up behind its recipient's earlier ones. */
  public void add(OutboundMessage m) {
    lanes.computeIfAbsent(recipient(m), k -> new Lane(m.platform())).messages.add(new Queued(m, arrivals++));
    waiting++;
  }

  /** How many messages are lined up. */
  public int waiting() {
    return waiting;
  }

  /** The message to send at {@code now}, or when the earliest one may go. */
  public Next next(Instant now) {
    Lane best = null;
    Instant bestAt = null;
    for (Iterator<Lane> it = lanes.values().iterator(); it.hasNext(); ) {
      Lane lane = it.next();
      if (lane.messages.isEmpty()) {
        // A lane is kept while it still paces its recipient; after that it is forgotten.
        if (!lane.notBefore.isAfter(now)) {
          it.remove();
        }
        continue;
      }
      Instant at = later(lane.notBefore, platformFree.getOrDefault(lane.platform, Instant.MIN));
      if (best == null || at.isBefore(bestAt)
          || (at.equals(bestAt) && lane.messages.peek().arrival() < best.messages.peek().arrival())) {
        best = lane;
        bestAt = at;
      }
    }
    if (best == null) {
      return Next.NOTHING;
    }
    return bestAt.isAfter(now) ? new Next(null, bestAt) : new Next(best.messages.peek().message(), bestAt);
  }

  /** {@code m}, the head of its lane, was tried at {@code at}; whatever came of it, the pace counts from then. */
  private Lane tried(OutboundMessage m, Instant at) {
    Lane lane = lanes.get(recipient(m));
    if (lane == null || lane.messages.isEmpty() || lane.messages.peek().message() != m) {
      throw new IllegalStateException("outbox message " + m.id() + " is not the head of its lane");
    }
    Pacing pacing = pacings.getOrDefault(m.platform(), Pacing.NONE);
    lane.notBefore = at.plus(pacing.perRecipient());
    platformFree.put(m.platform(), later(platformFree.getOrDefault(m.platform(), Instant.MIN), at.plus(pacing.perPlatform())));
    return lane;
  }

  /** {@code m} was delivered at {@code at}: its lane moves on. */
  public void sent(OutboundMessage m, Instant at) {
    Lane lane = tried(m, at);
    lane.messages.poll();
    lane.backoff = FIRST_RETRY;
    waiting--;
  }

  /** The platform asked to wait {@code delay} after {@code at} before trying {@code m} again. */
  public void retryAfter(OutboundMessage m, Instant at, Duration delay) {
    Lane lane = tried(m, at);
    lane.notBefore = later(lane.notBefore, at.plus(delay));
  }

  /** Sending {@code m} failed at {@code at}; returns how long its lane now waits (it grows at each failure). */
  public Duration failed(OutboundMessage m, Instant at) {
    Lane lane = tried(m, at);
    Duration wait = lane.backoff;
    lane.notBefore = later(lane.notBefore, at.plus(wait));
    lane.backoff = min(LONGEST_RETRY, wait.multipliedBy(2));
    return wait;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
