package org.trame.core.delivery.pacing;

import java.time.Duration;
import java.time.Instant;

/**
 * The outbox sender's sense of time: what time it is, and waiting until a held message may go.
 * Injected so tests move time by hand instead of waiting; the system one runs on the monotonic
 * clock, so a wall-clock change (NTP, daylight saving) never holds messages back or rushes them.
 */
public interface PacingTimer {

  /** The current instant on this timer's own scale (only differences matter). */
  Instant now();

  /** Waits up to {@code d}; may return earlier, notably after {@link #wake()}. */
  void sleep(Duration d) throws InterruptedException;

  /** Ends a current or the next {@link #sleep} early: new messages may be sendable now. */
  void wake();

  /** Real time: the monotonic clock and a wait that {@link #wake()} interrupts. */
  static PacingTimer system() {
    return new SystemTimer();
  }

  /** The real timer; a wake before the sleep is remembered, so no enqueue is missed. */
  final class SystemTimer implements PacingTimer {
    private final long startNanos = System.nanoTime();
    private final Instant start = Instant.now();
    private boolean woken;

    @Override
    public Instant now() {
      return start.plusNanos(System.nanoTime() - startNanos);
    }

    @Override
    public synchronized void sleep(Duration d) throws InterruptedException {
      long deadline = System.nanoTime() + Math.max(0, d.toNanos());
      while (!woken) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      woken = false;
    }

    @Override
    public synchronized void wake() {
      woken = true;
      notifyAll();
    }
  }
}
