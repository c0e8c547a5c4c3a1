package org.trame.discord;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.trame.core.port.Handled;
import org.trame.core.port.OutboundMessage;

/**
 * The interactions whose replies are still being sent. The core's outbox sends a turn's messages
 * on its own thread, possibly before the adapter has seen the turn's result; a message of a member
 * with a turn in flight waits for that result, so the messenger knows which interaction the message
 * answers and can show it in place (ephemerally) instead of in the member's DMs.
 */
final class Turns {

  /** Discord's interaction tokens last 15 minutes; stop using them a little before. */
  static final long LIFETIME_MS = TimeUnit.MINUTES.toMillis(14);
  private static final long WAIT_MS = 5_000;
  private static final int PRUNE_EVERY = 256;

  /** Where the interaction happened. */
  enum Origin {
    /** a /trame command, acknowledged with a deferred ephemeral reply */
    COMMAND,
    /** a button, select menu or form on one of the bot's messages */
    COMPONENT
  }

  /** One interaction and the outbox messages it produced. */
  static final class Turn {
    final String collective;
    final String member;
    final Origin origin;
    final Replies replies;
    private final long expiresAt;
    private final CompletableFuture<List<OutboundMessage>> produced = new CompletableFuture<>();
    private volatile Set<Long> ids = Set.of();
    private volatile boolean broken;
    private boolean originalUsed;
    private boolean toldDmsClosed;

    Turn(String collective, String member, Origin origin, Replies replies, long expiresAt) {
      this.collective = collective;
      this.member = member;
      this.origin = origin;
      this.replies = replies;
      this.expiresAt = expiresAt;
    }

    /** The core committed the turn; {@code handled} is null when it failed. */
    void done(Handled handled) {
      List<OutboundMessage> messages = handled == null ? List.of() : handled.messages();
      ids = messages.stream().map(OutboundMessage::id).collect(Collectors.toUnmodifiableSet());
      produced.complete(messages);
    }

    boolean resolved() {
      return produced.isDone();
    }

    boolean usable(long now) {
      return !broken && now < expiresAt && !replies.expired();
    }

    /**
     * The interaction can no longer answer (its acknowledgement or a reply failed): the messages
     * still to come for it go to the member's DMs instead of failing again and again.
     */
    void broken() {
      broken = true;
    }

    /** Shows a message in place: first as the command's reply, then as ephemeral follow-ups. */
    synchronized void showInPlace(List<MessageCreateData> parts) throws Exception {
      try {
        for (MessageCreateData part : parts) {
          if (origin == Origin.COMMAND && !originalUsed) {
            replies.replaceOriginal(part);
            originalUsed = true;
          } else {
            replies.followUp(part);
          }
        }
      } catch (Exception e) {
        broken();
        throw e;
      }
    }

    /**
     * After the member's message went to their DMs: the command's reply points there, once. Only
     * a courtesy, so a failure is returned rather than thrown (the message itself was delivered).
     */
    synchronized Exception pointTo(List<MessageCreateData> link) {
      if (origin == Origin.COMMAND && !originalUsed && !broken) {
        try {
          showInPlace(link);
        } catch (Exception e) {
          return e;
        }
      }
      return null;
    }

    /** True the first time it is asked: the DMs-closed hint is given once per turn. */
    synchronized boolean firstDmsClosed() {
      boolean first = !toldDmsClosed;
      toldDmsClosed = true;
      return first;
    }

    /** Drops a deferred command reply that will never be used (a duplicate delivery). */
    synchronized void dropUnusedOriginal() {
      if (origin == Origin.COMMAND && !originalUsed) {
        originalUsed = true;
        replies.dropOriginal();
      }
    }
  }

  /** Live turns by member ({@code collective:member}), so a message looks only at its member's. */
  private final Map<String, ConcurrentLinkedQueue<Turn>> live = new ConcurrentHashMap<>();
  private final AtomicInteger begun = new AtomicInteger();
  private final LongSupplier clock;

  Turns(LongSupplier clock) {
    this.clock = clock;
  }

  private static String key(String collective, String member) {
    return collective + ":" + member;
  }

  /** Registers an interaction before it is handed to the core. */
  Turn begin(String collective, String member, Origin origin, Replies replies) {
    long now = clock.getAsLong();
    if (begun.incrementAndGet() % PRUNE_EVERY == 0) {
      live.values().forEach(q -> q.removeIf(t -> t.resolved() && !t.usable(now)));
      live.values().removeIf(ConcurrentLinkedQueue::isEmpty);
    }
    Turn t = new Turn(collective, member, origin, replies, now + LIFETIME_MS);
    ConcurrentLinkedQueue<Turn> mine = live.computeIfAbsent(key(collective, member), k -> new ConcurrentLinkedQueue<>());
    mine.removeIf(old -> old.resolved() && !old.usable(now));
    mine.add(t);
    return t;
  }

  /**
   * The live turn that produced {@code m}, or null. Waits (a few seconds at most) for the member's
   * turns still in the core, since {@code m} may be theirs.
   */
  Turn ownerOf(OutboundMessage m) throws InterruptedException {
    ConcurrentLinkedQueue<Turn> mine = live.get(key(m.collective(), m.audience().id()));
    if (mine == null) {
      return null;
    }
    long deadline = clock.getAsLong() + WAIT_MS;
    for (Turn t : mine) {
      try {
        t.produced.get(Math.max(1, deadline - clock.getAsLong()), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // a turn that never resolves is simply not this message's owner
      }
      if (t.ids.contains(m.id())) {
        return t.usable(clock.getAsLong()) ? t : null;
      }
    }
    return null;
  }

  /** Number of turns held, for tests. */
  int size() {
    return live.values().stream().mapToInt(ConcurrentLinkedQueue::size).sum();
  }
}
