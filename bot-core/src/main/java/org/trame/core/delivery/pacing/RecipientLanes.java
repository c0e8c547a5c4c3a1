package org.trame.core.delivery.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import org.trame.core.port.OutboundMessage;
import org.trame.core.port.Pacing;

/**
 * The outbox's messages lined up per recipient, and when each may go. Only the head of a lane is
 * ever sent, so a recipient's messages keep their order; a head that waits (for its platform's
 * pace, a retry-after, or a failure's backoff) holds back its own lane only. Among the heads that
 * may go, the one committed first goes first. Not thread-safe: the sender's thread owns it.
 *
 * <p>Each platform keeps its lanes with a head in two ordered sets (ready ones by the head's
 * arrival, the others by when they are free), so picking the next message costs a logarithm of
 * the recipients, not a pass over all of them: a round that opens for thousands of members sends
 * as fast as the platform lets it.
 */
public final class RecipientLanes {

  private static final Duration FIRST_RETRY = Duration.ofMillis(500);
  private static final Duration LONGEST_RETRY = Duration.ofSeconds(60);
  /** Lanes without messages are swept once there are this many more than at the last sweep. */
  private static final int SWEEP_SLACK = 256;

  private final Map<String, Pacing> pacings;
  private final Map<String, Lane> lanes = new HashMap<>();
  private final Map<String, Platform> platforms = new HashMap<>();
  private long arrivals;
  private int waiting;
  private int sweepAt = SWEEP_SLACK;

  /** What to do next: send {@code message} now, or wait until {@code at} (both null: nothing to send). */
  public record Next(OutboundMessage message, Instant at) {
    static final Next NOTHING = new Next(null, null);

    public boolean isEmpty() {
      return message == null && at == null;
    }
  }

  private static final class Lane {
    final Platform platform;
    final ArrayDeque<Queued> messages = new ArrayDeque<>();
    /** When a retry-after or a failure's backoff lets the head go again. */
    Instant notBefore = Instant.MIN;
    /** The pace as a virtual schedule (GCRA): the recipient is free when this, less the burst, has passed. */
    Instant paceTat = Instant.MIN;
    Duration backoff = FIRST_RETRY;
    /** When the head first failed, null while it has not: how long a failing head has been failing. */
    Instant failingSince;
    /** When the head may go as far as this lane goes (its platform's pace aside); set while lined up. */
    Instant free = Instant.MIN;

    Lane(Platform platform) {
      this.platform = platform;
    }

    long headArrival() {
      return messages.peek().arrival();
    }
  }

  /** A platform's pace and its lanes that have a head to send. */
  private static final class Platform {
    final Pacing pacing;
    /** When the platform's next request may go. */
    Instant free = Instant.MIN;
    /** Lanes free by the time the platform is: whichever was committed first goes first. */
    final TreeSet<Lane> ready = new TreeSet<>(Comparator.comparingLong(Lane::headArrival));
    /** Lanes that wait longer than the platform: the first to be free first. */
    final TreeSet<Lane> later = new TreeSet<>(Comparator.comparing((Lane l) -> l.free).thenComparingLong(Lane::headArrival));

    Platform(Pacing pacing) {
      this.pacing = pacing;
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
    Lane lane = lanes.computeIfAbsent(recipient(m), k -> new Lane(platform(m.platform())));
    lane.messages.add(new Queued(m, arrivals++));
    waiting++;
    if (lane.messages.size() == 1) {
      lineUp(lane);
    }
  }

  private Platform platform(String name) {
    return platforms.computeIfAbsent(name, k -> new Platform(pacings.getOrDefault(k, Pacing.NONE)));
  }

  /** How many messages are lined up. */
  public int waiting() {
    return waiting;
  }

  /** The message to send at {@code now}, or when the earliest one may go. */
  public Next next(Instant now) {
    if (lanes.size() >= sweepAt) {
      sweep(now);
    }
    Lane best = null;
    Instant bestAt = null;
    for (Platform p : platforms.values()) {
      Instant limit = later(now, p.free);
      while (!p.later.isEmpty() && !p.later.first().free.isAfter(limit)) {
        p.ready.add(p.later.pollFirst());
      }
      Lane lane = !p.ready.isEmpty() ? p.ready.first() : !p.later.isEmpty() ? p.later.first() : null;
      if (lane == null) {
        continue;
      }
      Instant at = later(lane.free, p.free);
      if (best == null || better(at, lane, bestAt, best, now)) {
        best = lane;
        bestAt = at;
      }
    }
    if (best == null) {
      return Next.NOTHING;
    }
    return bestAt.isAfter(now) ? new Next(null, bestAt) : new Next(best.messages.peek().message(), bestAt);
  }

  /** Heads that may go now go by arrival; otherwise the one free first, then by arrival. */
  private static boolean better(Instant at, Lane lane, Instant bestAt, Lane best, Instant now) {
    boolean goes = !at.isAfter(now);
    boolean bestGoes = !bestAt.isAfter(now);
    if (goes != bestGoes) {
      return goes;
    }
    if (!goes && !at.equals(bestAt)) {
      return at.isBefore(bestAt);
    }
    return lane.headArrival() < best.headArrival();
  }

  /** {@code m}, the head of its lane, was tried at {@code at}; whatever came of it, the pace counts from then. */
  private Lane tried(OutboundMessage m, Instant at) {
    Lane lane = lanes.get(recipient(m));
    if (lane == null || lane.messages.isEmpty() || lane.messages.peek().message() != m) {
      throw new IllegalStateException("outbox message " + m.id() + " is not the head of its lane");
    }
    Platform p = lane.platform;
    // Out of its set before the keys it is ordered by change.
    if (!p.ready.remove(lane)) {
      p.later.remove(lane);
    }
    lane.paceTat = later(lane.paceTat, at).plus(p.pacing.perRecipient());
    p.free = later(p.free, at.plus(p.pacing.perPlatform()));
    return lane;
  }

  /** {@code m} was delivered at {@code at}: its lane moves on. */
  public void sent(OutboundMessage m, Instant at) {
    moveOn(tried(m, at));
  }

  /** {@code m}, tried at {@code at}, will never be delivered: its lane moves on to the recipient's next message. */
  public void givenUp(OutboundMessage m, Instant at) {
    moveOn(tried(m, at));
  }

  private void moveOn(Lane lane) {
    lane.messages.poll();
    lane.backoff = FIRST_RETRY;
    lane.failingSince = null;
    waiting--;
    if (!lane.messages.isEmpty()) {
      lineUp(lane);
    }
  }

  /** The platform asked to wait {@code delay} after {@code at} before trying {@code m} again. */
  public void retryAfter(OutboundMessage m, Instant at, Duration delay) {
    Lane lane = tried(m, at);
    lane.notBefore = later(lane.notBefore, at.plus(delay));
    lineUp(lane);
  }

  /**
   * How long {@code m}, the head of its lane, has been failing at {@code at}: zero if it has not
   * failed yet (a retry-after is no failure).
   */
  public Duration failingFor(OutboundMessage m, Instant at) {
    Lane lane = lanes.get(recipient(m));
    return lane == null || lane.failingSince == null ? Duration.ZERO : Duration.between(lane.failingSince, at);
  }

  /** Sending {@code m} failed at {@code at}; returns how long its lane now waits (it grows at each failure). */
  public Duration failed(OutboundMessage m, Instant at) {
    Lane lane = tried(m, at);
    if (lane.failingSince == null) {
      lane.failingSince = at;
    }
    Duration wait = lane.backoff;
    lane.notBefore = later(lane.notBefore, at.plus(wait));
    lane.backoff = min(LONGEST_RETRY, wait.multipliedBy(2));
    lineUp(lane);
    return wait;
  }

  /** Puts a lane with a head among its platform's waiting lanes; {@link #next} moves it to the ready ones in time. */
  private void lineUp(Lane lane) {
    lane.free = later(lane.notBefore, paceFree(lane));
    lane.platform.later.add(lane);
  }

  /** Forgets the lanes with nothing to send that no longer pace their recipient. */
  private void sweep(Instant now) {
    for (Iterator<Lane> it = lanes.values().iterator(); it.hasNext(); ) {
      Lane lane = it.next();
      if (lane.messages.isEmpty() && !lane.notBefore.isAfter(now) && !lane.paceTat.isAfter(now)) {
        it.remove();
      }
    }
    sweepAt = lanes.size() + SWEEP_SLACK;
  }

  /** When the lane's recipient may get its next message, as far as its pace and burst go. */
  private static Instant paceFree(Lane lane) {
    if (lane.paceTat.equals(Instant.MIN)) {
      return Instant.MIN;
    }
    Pacing pacing = lane.platform.pacing;
    return lane.paceTat.minus(pacing.perRecipient().multipliedBy(pacing.burst() - 1L));
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
