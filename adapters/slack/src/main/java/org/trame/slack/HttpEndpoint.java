package org.trame.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: events, slash commands and interactivity all arrive at {@code /slack/events} and go
 * through the Bolt app, whose request verification answers 401 to a bad signature or a timestamp
 * older than five minutes before any listener runs. Bolt accepts any timestamp in the future, so
 * a request dated more than five minutes ahead is refused here first, like a stale one.
 */
final class HttpEndpoint implements AutoCloseable {

  static final String PATH = "/slack/events";
  private static final Logger log = LoggerFactory.getLogger(HttpEndpoint.class);
  /** Slack's payloads are small; a larger body is not Slack's. */
  private static final int LARGEST_BODY = 1 << 20;
  /** Slack's replay window, in both directions. */
  static final long LARGEST_CLOCK_SKEW_SECONDS = 5 * 60;

  private final HttpServer server;
  private final ExecutorService threads;
  private final App app;
  private final SlackRequestParser parser;

  HttpEndpoint(App app, int port) throws IOException {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.server = HttpServer.create(new InetSocketAddress(port), 64);
    // A request thread waits for the core's commit (milliseconds, two seconds at most) before answering.
    this.threads = Executors.newFixedThreadPool(16, r -> {
      Thread t = new Thread(r, "trame-slack-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    server.createContext(PATH, this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) {
    // Closed only after the error answers below: a try-with-resources would close it before its catch runs.
    try (exchange) {
      serve(exchange);
    }
  }

  private void serve(HttpExchange exchange) {
    try {
      if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
        reply(exchange, 405, "text/plain", "POST only");
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(LARGEST_BODY + 1);
      }
      if (body.length > LARGEST_BODY) {
        reply(exchange, 413, "text/plain", "too large");
        return;
      }
      Map<String, List<String>> headers = new HashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
      if (fromTheFuture(exchange.getRequestHeaders().getFirst("X-Slack-Request-Timestamp"))) {
        // A request signed for later could be replayed until then: refused as Bolt refuses a stale one.
        log.warn("Slack request refused: its timestamp is more than {} s ahead", LARGEST_CLOCK_SKEW_SECONDS);
        reply(exchange, 401, "application/json", "{\"error\":\"invalid request\"}");
        return;
      }
      SlackRequestParser.HttpRequest http = SlackRequestParser.HttpRequest.builder()
          .requestUri(exchange.getRequestURI().getPath())
          .queryString(query(exchange.getRequestURI().getRawQuery()))
          .headers(new RequestHeaders(headers))
          .requestBody(new String(body, StandardCharsets.UTF_8))
          .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
          .build();
      Request<?> request = parser.parse(http);
      if (request == null) {
        reply(exchange, 400, "text/plain", "not a Slack request");
        return;
      }
      Response response = app.run(request);
      if (response.getHeaders() != null) {
        response.getHeaders().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
      }
      reply(exchange, response.getStatusCode() == null ? 200 : response.getStatusCode(),
          response.getContentType() == null ? "text/plain" : response.getContentType(),
          response.getBody() == null ? "" : response.getBody());
    } catch (BoltHandlers.NotSaved e) {
      // Already logged where it failed; an error status makes Slack deliver it again.
      log.warn("Slack request answered 503: {}", e.getMessage());
      try {
        reply(exchange, 503, "text/plain", "not saved, try again");
      } catch (IOException | RuntimeException ignored) {
        // the response was already started
      }
    } catch (Exception e) {
      log.error("Slack request failed", e);
      try {
        reply(exchange, 500, "text/plain", "error");
      } catch (IOException | RuntimeException ignored) {
        // the response was already started
      }
    }
  }

  /** Whether the request's timestamp is further ahead than Slack allows; a missing or odd one is left to Bolt. */
  static boolean fromTheFuture(String timestamp) {
    if (timestamp == null) {
      return false;
    }
    try {
      return Long.parseLong(timestamp.trim()) - System.currentTimeMillis() / 1000 > LARGEST_CLOCK_SKEW_SECONDS;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> q = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return q;
  }

  @Override
  public void close() {
    server.stop(1);
    threads.shutdownNow();
  }
}
