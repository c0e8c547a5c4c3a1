package org.trame.slack;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.InboundEvent.Kind;

/**
 * Turns what Slack delivered into core events: the member's profile hints are looked up, then the
 * core handles the event on its own threads; the request is acknowledged once the returned future
 * completes (see {@link BoltHandlers}). Also runs the adapter's follow-up Web API calls (marking a
 * message answered, opening a form) off Bolt's request threads.
 *
 * <p>Work is spread over single-thread lanes chosen by member, so one member's events reach the
 * core in the order Slack delivered them while different members proceed in parallel.
 */
final class Dispatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final Function<InboundEvent, CompletableFuture<Handled>> core;
  private final Members members;
  private final ExecutorService[] lanes;
  private final Object idle = new Object();
  private int pending;

  Dispatcher(Function<InboundEvent, CompletableFuture<Handled>> core, Members members, int threads) {
    this.core = core;
    this.members = members;
    this.lanes = new ExecutorService[threads];
    for (int i = 0; i < threads; i++) {
      String name = "trame-slack-" + i;
      lanes[i] = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
      });
    }
  }

  /**
   * One Slack delivery as a core event; the future completes once the core has committed it.
   * {@code channel} is the channel it was typed in (a public or private channel), else null.
   */
  CompletableFuture<Handled> submit(String eventId, String team, String user, String userName, Kind kind, String text,
      String conversationRef, String stepRef, String channel) {
    CompletableFuture<Handled> done = new CompletableFuture<>();
    run(user, () -> {
      try {
        Members.Known who = members.lookUp(user, userName);
        InboundEvent event = new InboundEvent(eventId, SlackMessenger.PLATFORM, team, user, who.name(), kind, text,
            conversationRef, stepRef, who.hints(), channel);
        // Waiting here keeps this member's lane in order: the next event goes in once this one is committed.
        done.complete(core.apply(event).join());
      } catch (RuntimeException failure) {
        log.error("Slack event {} from {} could not be saved", eventId, user, failure);
        done.completeExceptionally(failure);
      }
    });
    return done;
  }

  /** Work in {@code member}'s lane, after what came before it; failures are logged, never thrown back at Slack. */
  void run(String member, Runnable work) {
    synchronized (idle) {
      pending++;
    }
    lanes[Math.floorMod(member == null ? 0 : member.hashCode(), lanes.length)].execute(() -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        log.warn("Slack follow-up failed: {}", e.toString());
      } finally {
        synchronized (idle) {
          pending--;
          idle.notifyAll();
        }
      }
    });
  }

  /** Waits until every accepted delivery has been handed to the core and followed up (tests, shutdown). */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (pending > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(idle, left);
      }
    }
    return true;
  }

  @Override
  public void close() {
    for (ExecutorService lane : lanes) {
      lane.shutdown();
    }
    try {
      for (ExecutorService lane : lanes) {
        if (!lane.awaitTermination(5, TimeUnit.SECONDS)) {
          lane.shutdownNow();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      for (ExecutorService lane : lanes) {
        lane.shutdownNow();
      }
    }
  }
}
