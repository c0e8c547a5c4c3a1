package org.trame.core.ops;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.trame.core.storage.Outbox;
import org.trame.core.storage.Sql;

/**
 * What operators measure. Counters and timers go to Micrometer's global registry, which records
 * nothing until the app adds a registry to it (the admin endpoint's Prometheus one); so the core
 * names its measures without knowing who reads them. Names are Prometheus-style once exported:
 * {@code trame_turns_seconds}, {@code trame_outbox_sends_retried_total},
 * {@code trame_platform_rate_limited_total}, {@code trame_outbox_given_up_total}.
 */
public final class Operations {

  /**
   * The turn timers by outcome, found once: a turn is too short to look its timer up in the
   * registry each time. Composite meters of the global registry follow registries added later.
   */
  private static final java.util.Map<String, Timer> TURN_TIMERS = new java.util.concurrent.ConcurrentHashMap<>();

  private Operations() {}

  /** The timer of turns with this outcome (applied, duplicate, failed): their count and latency histogram. */
  public static Timer turnTimer(String outcome) {
    return TURN_TIMERS.computeIfAbsent(outcome, o -> Timer.builder("trame.turns")
        .description("inbound events handled, from arrival to commit")
        .tag("outcome", o)
        .publishPercentileHistogram()
        .register(Metrics.globalRegistry));
  }

  /** A send failed and will be tried again. */
  public static void sendRetried(String platform) {
    Metrics.counter("trame.outbox.sends.retried", "platform", platform).increment();
  }

  /** A message was given up: undeliverable, or failing for too long (see OutboxSender). */
  public static void givenUp(String platform) {
    Metrics.counter("trame.outbox.given.up", "platform", platform).increment();
  }

  /** A platform answered 429 (or its own "retry after"). */
  public static void rateLimited(String platform) {
    Metrics.counter("trame.platform.rate.limited", "platform", platform).increment();
  }

  /**
   * @param outboxDepth     messages committed and not yet sent
   * @param outboxOldestMs  how long the oldest of them has waited, 0 when none
   * @param roundsOpen      stakes and check-in rounds open now
   */
  public record Snapshot(long outboxDepth, long outboxOldestMs, long roundsOpen) {}

  public static Snapshot snapshot(Connection c, long now) throws SQLException {
    long[] outbox = Outbox.depthAndOldest(c, now);
    try (ResultSet rs = Sql.query(c, "SELECT (SELECT COUNT(*) FROM checkin_round WHERE status = 'open')"
        + " + (SELECT COUNT(*) FROM stakes_round WHERE closed_at IS NULL)").executeQuery()) {
      rs.next();
      return new Snapshot(outbox[0], outbox[1], rs.getLong(1));
    }
  }
}
