package org.trame.core.delivery;

import java.time.Duration;
import java.time.Instant;
import org.trame.core.delivery.pacing.PacingTimer;

/** Pacing time moved by hand: a sleep moves the clock by what it was asked, so tests wait for nothing. */
final class HandTimer implements PacingTimer {
  final Instant start = Instant.parse("2026-11-23T09:00:00Z");
  private volatile Instant now = start;

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public void sleep(Duration d) {
    now = now.plus(d);
  }

  @Override
  public void wake() {
  }
}
