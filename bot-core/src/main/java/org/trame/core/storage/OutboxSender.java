package org.trame.core.storage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trame.core.port.Messenger;
import org.trame.core.port.OutboundMessage;

/**
 * Sends committed outbox messages, in order, through the messenger of their platform, and marks
 * them sent in the writer's next group transaction. A message whose send fails stays unsent and
 * is tried again with a growing delay; at start-up, what a previous run left unsent is sent
 * first. Delivery is at least once: a crash between a send and its mark sends it again, which is
 * why messengers get the outbox id to deduplicate where their platform allows.
 */
public final class OutboxSender implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  private static final long FIRST_RETRY_MS = 500;
  private static final long LONGEST_RETRY_MS = 60_000;

  private final Writer writer;
  private final Map<String, Messenger> messengers;
  private final Clock clock;
  private final BlockingQueue<OutboundMessage> queue = new LinkedBlockingQueue<>();
  /** Sent but not yet marked: marked inside the writer's next group transaction. */
  private final java.util.concurrent.ConcurrentLinkedQueue<Long> sentIds = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final Object idle = new Object();
  private final Thread thread;
  private volatile boolean running = true;

  public OutboxSender(Writer writer, Map<String, Messenger> messengers, Clock clock) {
    this.writer = writer;
    this.messengers = Map.copyOf(messengers);
    this.clock = clock;
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
    enqueue(leftOver);
    thread.start();
  }

  /** Queues committed messages; called in commit order. */
  public void enqueue(List<OutboundMessage> messages) {
    for (OutboundMessage m : messages) {
      pending.incrementAndGet();
      queue.add(m);
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
    List<OutboundMessage> batch = new ArrayList<>();
    while (running) {
      try {
        OutboundMessage first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (!sentIds.isEmpty()) {
            // Quiet for a while: mark what was sent without waiting for the next turn's commit.
            writer.submit(c -> null);
          }
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, 255);
        for (OutboundMessage m : batch) {
          if (sendUntilDelivered(m)) {
            sentIds.add(m.id());
          }
        }
        if (pending.addAndGet(-batch.size()) == 0) {
          synchronized (idle) {
            idle.notifyAll();
          }
        }
        batch.clear();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Order matters within a conversation, so a failing message holds back the ones after it. */
  private boolean sendUntilDelivered(OutboundMessage m) throws InterruptedException {
    Messenger messenger = messengers.get(m.platform());
    if (messenger == null) {
      log.warn("outbox message {} is for platform '{}', which is not running here; it stays in the outbox", m.id(), m.platform());
      return false;
    }
    long delay = FIRST_RETRY_MS;
    while (running) {
      try {
        messenger.send(m);
        return true;
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        log.warn("sending outbox message {} on {} failed ({}); retrying in {} ms", m.id(), m.platform(), error, delay);
        writer.submit(c -> {
          Outbox.markFailed(c, m.id(), error);
          return null;
        });
        Thread.sleep(delay);
        delay = Math.min(LONGEST_RETRY_MS, delay * 2);
      }
    }
    return false;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
