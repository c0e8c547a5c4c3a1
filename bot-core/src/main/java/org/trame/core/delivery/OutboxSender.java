package org.trame.core.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trame.core.port.Messenger;
import org.trame.core.port.OutboundMessage;
import org.trame.core.port.Pacing;
import org.trame.core.port.RetryAfterException;
import org.trame.core.port.UndeliverableException;
import org.trame.core.delivery.pacing.PacingTimer;
import org.trame.core.delivery.pacing.RecipientLanes;
import org.trame.core.storage.Outbox;
import org.trame.core.storage.Writer;

/**
 * Sends committed outbox messages through the messenger of their platform, and marks them sent in
 * the writer's next group transaction. Each recipient's messages go in order; each platform's
 * {@link Pacing} spaces them; a platform's "retry after" is waited out exactly; a message whose
 * send fails stays unsent and is tried again with a growing delay, until it has failed for
 * {@link #GIVE_UP_AFTER} (from its first failure, across restarts); a message the platform says
 * can never be delivered ({@link UndeliverableException}) is given up at once. A waiting message
 * holds back only its own recipient's later messages (see {@link RecipientLanes}). At start-up, what a
 * previous run left unsent is sent first. Delivery is at least once: a crash between a send and
 * its mark sends it again, which is why messengers get the outbox id to deduplicate where their
 * platform allows.
 */
public final class OutboxSender implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  private static final long QUIET_MS = 200;
  /**
   * How long a message may keep failing before it is given up. A day outlasts any outage of a
   * platform or of this host's network, after which the message is stale anyway (a question for a
   * round long closed) and only holds back its recipient's later messages.
   */
  public static final Duration GIVE_UP_AFTER = Duration.ofHours(24);

  private final Writer writer;
  private final Clock clock;
  private final Map<String, Messenger> messengers;
  private final java.util.Set<String> coordinators;
  private final PacingTimer timer;
  private final RecipientLanes lanes;
  private final BlockingQueue<OutboundMessage> queue = new LinkedBlockingQueue<>();
  /** Sent but not yet marked: marked inside the writer's next group transaction. */
  private final ConcurrentLinkedQueue<Long> sentIds = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();
  /** When messages an earlier run (or a stopped process) left began failing: their day counts from then. */
  private final Map<Long, Instant> failingBefore = new java.util.concurrent.ConcurrentHashMap<>();
  /** Ids queued and not yet sent: a row claimed again while still queued is not sent twice (kept only where rows are claimed). */
  private final java.util.Set<Long> queuedIds = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile boolean claims;
  private java.util.concurrent.ScheduledExecutorService claimer;
  private final Object idle = new Object();
  private final Thread thread;
  private volatile boolean running = true;

  public OutboxSender(Writer writer, Map<String, Messenger> messengers, Clock clock) {
    this(writer, messengers, clock, java.util.Set.of());
  }

  /** @param coordinators the configured coordinator ids, who keep receiving coordinator-only messages */
  public OutboxSender(Writer writer, Map<String, Messenger> messengers, Clock clock, java.util.Set<String> coordinators) {
    this(writer, messengers, clock, PacingTimer.system(), coordinators);
  }

  /**
   * @param clock the clock of record, for the time a message is marked sent
   * @param timer the time pacing runs on, and how the sender waits
   */
  public OutboxSender(Writer writer, Map<String, Messenger> messengers, Clock clock, PacingTimer timer) {
    this(writer, messengers, clock, timer, java.util.Set.of());
  }

  public OutboxSender(Writer writer, Map<String, Messenger> messengers, Clock clock, PacingTimer timer,
      java.util.Set<String> coordinators) {
    this.coordinators = java.util.Set.copyOf(coordinators);
    this.writer = writer;
    this.clock = clock;
    this.messengers = Map.copyOf(messengers);
    this.timer = timer;
    Map<String, Pacing> pacings = new HashMap<>();
    this.messengers.forEach((platform, messenger) -> pacings.put(platform, messenger.pacing()));
    this.lanes = new RecipientLanes(pacings);
    this.thread = new Thread(this::loop, "trame-outbox");
    this.thread.setDaemon(true);
    writer.everyBatch(c -> {
      List<Long> ids = new ArrayList<>();
      for (Long id; (id = sentIds.poll()) != null; ) {
        ids.add(id);
      }
      if (!ids.isEmpty()) {
        Outbox.markSent(c, ids, clock.millis());
      }
      return null;
    });
  }

  /** Queues what an earlier run left unsent, then starts sending. */
  public void start(List<OutboundMessage> leftOver) {
    List<Long> ids = leftOver.stream().map(OutboundMessage::id).toList();
    writer.submit(c -> {
      rememberFailing(Outbox.failingSince(c, ids));
      return null;
    }).join();
    enqueue(leftOver);
    thread.start();
  }

  private void rememberFailing(Map<Long, Long> since) {
    since.forEach((id, millis) -> failingBefore.put(id, Instant.ofEpochMilli(millis)));
  }

  /**
   * PostgreSQL, several processes: every {@code every}, renews the lease of the rows this process
   * still has to send and claims the rows whose lease ran out (their process died), in the
   * writer's transactions. So what a dead process committed is sent by another, once. Called
   * before {@link #start}, so that every queued row is known when claims begin.
   */
  public void claimOrphansEvery(java.time.Duration every) {
    claims = true;
    claimer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "trame-outbox-claims");
      t.setDaemon(true);
      return t;
    });
    claimer.scheduleWithFixedDelay(() -> {
      try {
        writer.submit(c -> {
          Outbox.renewClaims(c, messengers.keySet());
          List<OutboundMessage> claimed = Outbox.claimOrphans(c, 500, messengers.keySet());
          rememberFailing(Outbox.failingSince(c, claimed.stream().map(OutboundMessage::id).toList()));
          return claimed;
        }, this::enqueueClaimed).join();
      } catch (RuntimeException e) {
        log.warn("outbox rows of stopped processes could not be claimed: {}", e.getMessage());
      }
    }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Queues rows this process claimed (PostgreSQL), except those it already holds: a row claimed
   * again while still queued is not sent twice. (Only claims are checked: SQLite may give a new row
   * the id of a deleted one, and a committed message is always new.)
   */
  private void enqueueClaimed(List<OutboundMessage> claimed) {
    enqueue(claimed.stream().filter(m -> !queuedIds.contains(m.id())).toList());
  }

  /** Queues committed messages; called in commit order. */
  public void enqueue(List<OutboundMessage> messages) {
    for (OutboundMessage m : messages) {
      if (claims) {
        queuedIds.add(m.id());
      }
      pending.incrementAndGet();
      queue.add(m);
    }
    if (!messages.isEmpty()) {
      timer.wake();
    }
  }

  /** Waits until every queued message is sent (or the timeout passes); true when all were sent. */
  public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    synchronized (idle) {
      while (pending.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(idle, left);
      }
    }
    return true;
  }

  private void loop() {
    while (running) {
      try {
        if (lanes.waiting() == 0) {
          OutboundMessage first = queue.poll(QUIET_MS, TimeUnit.MILLISECONDS);
          if (first == null) {
            markSentSoon();
            continue;
          }
          lineUp(first);
        }
        for (OutboundMessage m; (m = queue.poll()) != null; ) {
          lineUp(m);
        }
        Instant now = timer.now();
        RecipientLanes.Next next = lanes.next(now);
        if (next.isEmpty()) {
          continue;
        }
        if (next.message() == null) {
          // Everyone waits: mark what went, then sleep until the first may go or a new message comes.
          markSentSoon();
          timer.sleep(Duration.between(now, next.at()));
          continue;
        }
        attempt(next.message(), now);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void lineUp(OutboundMessage m) {
    if (!messengers.containsKey(m.platform())) {
      log.warn("outbox message {} is for platform '{}', which is not running here; it stays in the outbox", m.id(), m.platform());
      done();
      return;
    }
    lanes.add(m);
  }

  /** Tries {@code m} once; its lane decides when it or its successor goes next. */
  private void attempt(OutboundMessage m, Instant at) throws InterruptedException {
    try {
      Messenger messenger = messengers.get(m.platform());
      if (m.audience().type() == org.trame.core.port.Audience.Type.COORDINATOR && !coordinators.contains(m.audience().id())
          && !messenger.hasCoordinatorRole(m.collective(), m.audience().id())) {
        // Decided now, not when it was written: a coordinator removed since receives nothing more.
        throw new UndeliverableException("the recipient no longer coordinates", null);
      }
      messenger.send(m);
      lanes.sent(m, at);
      failingBefore.remove(m.id());
      sentIds.add(m.id());
      if (claims) {
        queuedIds.remove(m.id());
      }
      done();
    } catch (InterruptedException e) {
      throw e;
    } catch (RetryAfterException e) {
      // Not a failure: the platform asked for patience, and gets exactly what it asked.
      log.info("{} asked to wait {} ms before sending outbox message {} again", m.platform(), e.delay().toMillis(), m.id());
      org.trame.core.ops.Operations.rateLimited(m.platform());
      lanes.retryAfter(m, timer.now(), e.delay());
    } catch (UndeliverableException e) {
      giveUp(m, timer.now(), e.reason());
    } catch (Exception e) {
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      Instant failedAt = timer.now();
      Duration failing = failingFor(m, failedAt);
      if (failing.compareTo(GIVE_UP_AFTER) >= 0) {
        giveUp(m, failedAt, "still failing after " + failing.toHours() + " h: " + error);
        return;
      }
      Duration wait = lanes.failed(m, failedAt);
      org.trame.core.ops.Operations.sendRetried(m.platform());
      log.warn("sending outbox message {} on {} failed ({}); retrying in {} ms", m.id(), m.platform(), error, wait.toMillis());
      writer.submit(c -> {
        Outbox.markFailed(c, m.id(), error, failedAt.toEpochMilli());
        return null;
      });
    }
  }

  /** How long {@code m} has been failing at {@code at}: in this run, or since an earlier run's first failure. */
  private Duration failingFor(OutboundMessage m, Instant at) {
    Duration here = lanes.failingFor(m, at);
    Instant before = failingBefore.get(m.id());
    if (before == null) {
      return here;
    }
    Duration since = Duration.between(before, at);
    return since.compareTo(here) > 0 ? since : here;
  }

  /**
   * Gives {@code m} up: its recipient's next message may go, it is marked so that no restart sends
   * it again, and the operator reads why once (the platform's reason, never the member's text).
   */
  private void giveUp(OutboundMessage m, Instant at, String reason) {
    lanes.givenUp(m, at);
    failingBefore.remove(m.id());
    org.trame.core.ops.Operations.givenUp(m.platform());
    log.warn("outbox message {} on {} to a {} given up: {}", m.id(), m.platform(),
        m.audience().isPrivate() ? "member" : "channel", reason);
    long now = clock.millis();
    writer.submit(c -> {
      Outbox.markGivenUp(c, m.id(), reason, now);
      return null;
    });
    if (claims) {
      queuedIds.remove(m.id());
    }
    done();
  }

  /** Marks what was sent without waiting for the next turn's commit. */
  private void markSentSoon() {
    if (!sentIds.isEmpty()) {
      writer.submit(c -> null);
    }
  }

  private void done() {
    if (pending.decrementAndGet() == 0) {
      synchronized (idle) {
        idle.notifyAll();
      }
    }
  }

  @Override
  public void close() {
    if (claimer != null) {
      claimer.shutdownNow();
    }
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
