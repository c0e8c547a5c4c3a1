package org.trame.discord;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.trame.core.port.OutboundMessage;

/**
 * The interactions whose replies may still be sent, by event id. The core's outbox sends a turn's
 * messages on its own thread, possibly before the adapter has seen the turn's result; each message
 * names the event it answers, so the messenger finds its interaction at once, waiting for nothing,
 * and can show it in place (ephemerally) instead of in the member's DMs.
 */
final class Turns {

  /** Discord's interaction tokens last 15 minutes; stop using them a little before. */
  static final long LIFETIME_MS = TimeUnit.MINUTES.toMillis(14);
  private static final int PRUNE_EVERY = 256;

  /** Where the interaction happened. */
  enum Origin {
    /** a /trame command, acknowledged with a deferred ephemeral reply */
    COMMAND,
    /** a button, select menu or form on one of the bot's messages */
    COMPONENT
  }

  /** One interaction, which the messages answering its event are shown in. */
  static final class Turn {
    final String collective;
    final String member;
    final Origin origin;
    final Replies replies;
    private final long expiresAt;
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

  /** Live turns by the id of their event (the interaction's id). */
  private final Map<String, Turn> live = new ConcurrentHashMap<>();
  private final AtomicInteger begun = new AtomicInteger();
  private final LongSupplier clock;

  Turns(LongSupplier clock) {
    this.clock = clock;
  }

  /** Registers an interaction under its event id, before it is handed to the core. */
  Turn begin(String eventId, String collective, String member, Origin origin, Replies replies) {
    long now = clock.getAsLong();
    if (begun.incrementAndGet() % PRUNE_EVERY == 0) {
      live.values().removeIf(t -> !t.usable(now));
    }
    Turn t = new Turn(collective, member, origin, replies, now + LIFETIME_MS);
    live.put(eventId, t);
    return t;
  }

  /**
   * The live interaction {@code m} answers, or null: a message answering no event (a reminder), an
   * event of another process or of before a restart, or an interaction that can no longer answer.
   * Only the member who acted is answered there; what the event said to others goes their way.
   */
  Turn ownerOf(OutboundMessage m) {
    if (m.inReplyTo() == null || m.inReplyTo().eventId() == null) {
      return null;
    }
    Turn t = live.get(m.inReplyTo().eventId());
    if (t == null || !t.collective.equals(m.collective()) || !t.member.equals(m.audience().id())) {
      return null;
    }
    return t.usable(clock.getAsLong()) ? t : null;
  }

  /** Number of turns held, for tests. */
  int size() {
    return live.size();
  }
}
