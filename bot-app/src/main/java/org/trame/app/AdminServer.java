package org.trame.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.trame.core.Trame;
import org.trame.core.ops.Operations;

/**
 * The operators' endpoint ({@code TRAME_ADMIN_PORT}; off when unset; on loopback unless {@code
 * TRAME_ADMIN_BIND} says otherwise): {@code /health/live} says
 * the process runs; {@code /health/ready} says whether it can serve (database reachable, every
 * platform connected), 503 naming what is down otherwise; {@code /metrics} is Prometheus text:
 * turns handled and their latency histogram, outbox depth and age, rounds open, sends retried,
 * 429s received.
 */
final class AdminServer implements AutoCloseable {

  private final HttpServer http;
  private final PrometheusMeterRegistry registry;

  private AdminServer(HttpServer http, PrometheusMeterRegistry registry) {
    this.http = http;
    this.registry = registry;
  }

  /**
   * Serves on {@code port} (0 for any free one) for {@code trame}; {@code platforms} are the
   * readiness checks of the platform connections, by name.
   */
  static AdminServer start(int port, Trame trame, Map<String, BooleanSupplier> platforms) throws IOException {
    return start(InetAddress.getLoopbackAddress(), port, trame, platforms);
  }

  /**
   * Serves on {@code port} of {@code address} only: loopback unless the operator says otherwise
   * ({@code TRAME_ADMIN_BIND}): the endpoint has no authentication, so by default only this
   * machine reaches it.
   */
  static AdminServer start(InetAddress address, int port, Trame trame, Map<String, BooleanSupplier> platforms) throws IOException {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Metrics.addRegistry(registry);
    // Read from the database at each scrape: what all processes share, not one process's view.
    Gauge.builder("trame.outbox.depth", trame, t -> snapshot(t).outboxDepth())
        .description("messages committed and not yet sent").register(registry);
    Gauge.builder("trame.outbox.oldest.age.seconds", trame, t -> snapshot(t).outboxOldestMs() / 1000.0)
        .description("how long the oldest unsent message has waited").register(registry);
    Gauge.builder("trame.rounds.open", trame, t -> snapshot(t).roundsOpen())
        .description("stakes and check-in rounds open").register(registry);
    HttpServer http = HttpServer.create(new InetSocketAddress(address, port), 16);
    http.setExecutor(Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "trame-admin");
      t.setDaemon(true);
      return t;
    }));
    http.createContext("/health/live", x -> reply(x, 200, "live\n", "text/plain"));
    http.createContext("/health/ready", x -> {
      Map<String, Boolean> checks = new LinkedHashMap<>();
      checks.put("database", trame.databaseReachable(2));
      platforms.forEach((name, up) -> checks.put(name, safely(up)));
      boolean ready = checks.values().stream().allMatch(Boolean::booleanValue);
      StringBuilder body = new StringBuilder(ready ? "ready\n" : "not ready\n");
      checks.forEach((name, up) -> body.append(name).append(": ").append(up ? "up" : "down").append('\n'));
      reply(x, ready ? 200 : 503, body.toString(), "text/plain");
    });
    http.createContext("/metrics", x -> reply(x, 200, registry.scrape(), "text/plain; version=0.0.4; charset=utf-8"));
    http.start();
    return new AdminServer(http, registry);
  }

  int port() {
    return http.getAddress().getPort();
  }

  /** The address it listens on. */
  InetAddress address() {
    return http.getAddress().getAddress();
  }

  private static Operations.Snapshot snapshot(Trame trame) {
    try {
      return trame.operations();
    } catch (Exception e) {
      return new Operations.Snapshot(-1, -1, -1);
    }
  }

  private static boolean safely(BooleanSupplier check) {
    try {
      return check.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void reply(HttpExchange x, int status, String body, String type) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", type);
    x.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * Reads TRAME_ADMIN_BIND: the address the endpoint listens on, loopback (127.0.0.1) when unset;
   * {@code 0.0.0.0} for every interface (in a container, for instance).
   */
  static InetAddress bind(Map<String, String> env) {
    String v = env.getOrDefault("TRAME_ADMIN_BIND", "").trim();
    if (v.isEmpty()) {
      return InetAddress.getLoopbackAddress();
    }
    // IP literals only: a name would be looked up in the DNS at start, and could change under the endpoint.
    boolean literal = v.matches("\\d{1,3}(\\.\\d{1,3}){3}") || v.contains(":") && v.matches("[0-9A-Fa-f:.%\\w]+");
    try {
      if (literal) {
        return InetAddress.getByName(v);
      }
    } catch (java.net.UnknownHostException e) {
      // said below
    }
    throw new IllegalArgumentException("TRAME_ADMIN_BIND must be an IP address of this machine (127.0.0.1, or 0.0.0.0 for every"
        + " interface), got '" + v + "'");
  }

  /** Reads TRAME_ADMIN_PORT: null when unset (the endpoint is off). */
  static Integer port(Map<String, String> env) {
    String v = env.getOrDefault("TRAME_ADMIN_PORT", "").trim();
    if (v.isEmpty()) {
      return null;
    }
    try {
      int port = Integer.parseInt(v);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("TRAME_ADMIN_PORT must be a port number (0 to 65535), got '" + v + "'");
    }
  }

  @Override
  public void close() {
    http.stop(0);
    Metrics.removeRegistry(registry);
    registry.close();
  }
}
