package org.trame.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.Trame;
import org.trame.core.TrameConfig;
import org.trame.core.i18n.Lang;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.Messenger;
import org.trame.core.port.OutboundMessage;

/** The operators' endpoint on a real core: health checks and Prometheus metrics over HTTP. */
class AdminServerTest {

  @TempDir
  Path dir;
  Trame trame;
  AdminServer admin;
  final AtomicBoolean discordUp = new AtomicBoolean(true);
  final HttpClient http = HttpClient.newHttpClient();

  void start() throws Exception {
    Messenger console = new Messenger() {
      @Override
      public String platform() {
        return "console";
      }

      @Override
      public void send(OutboundMessage message) {}
    };
    trame = Trame.start(new TrameConfig(dir.resolve("trame.db"), null, Set.of("carol"), Lang.EN, Clock.systemUTC(), null),
        List.of(console));
    admin = AdminServer.start(0, trame, Map.of("discord", discordUp::get));
  }

  @AfterEach
  void stop() {
    admin.close();
    trame.close();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static double value(String metrics, String line) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(line) + " ([0-9.eE+-]+)$").matcher(metrics);
    assertTrue(m.find(), "no '" + line + "' in:\n" + metrics);
    return Double.parseDouble(m.group(1));
  }

  @Test
  @DisplayName("the metrics count the turns handled, with their latency histogram, and show the outbox and open rounds")
  void metrics() throws Exception {
    // given a running core with its admin endpoint
    start();
    // when three members' events are handled, one of them delivered twice
    InboundEvent help = InboundEvent.command("e1", "console", "local", "alice", "help");
    trame.handle(help).join();
    trame.handle(help).join();
    trame.handle(InboundEvent.command("e2", "console", "local", "bob", "help")).join();
    trame.handle(InboundEvent.command("e3", "console", "local", "carol", "stakes round")).join();
    String metrics = get("/metrics").body();
    // then the turns are counted by outcome, with a latency histogram
    assertEquals(3.0, value(metrics, "trame_turns_seconds_count{outcome=\"applied\"}"));
    assertEquals(1.0, value(metrics, "trame_turns_seconds_count{outcome=\"duplicate\"}"));
    assertTrue(metrics.contains("trame_turns_seconds_bucket{outcome=\"applied\",le="), metrics);
    // and the round carol opened is open; the outbox is measured
    assertEquals(1.0, value(metrics, "trame_rounds_open"));
    assertTrue(value(metrics, "trame_outbox_depth") >= 0);
    assertTrue(metrics.contains("trame_outbox_oldest_age_seconds"), metrics);
  }

  @Test
  @DisplayName("ready while the database and every platform are up; 503 naming the platform that is down")
  void readiness() throws Exception {
    start();
    assertEquals(200, get("/health/live").statusCode());
    HttpResponse<String> ready = get("/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("database: up"), ready.body());
    discordUp.set(false);
    HttpResponse<String> down = get("/health/ready");
    assertEquals(503, down.statusCode());
    assertTrue(down.body().contains("discord: down"), down.body());
    assertTrue(down.body().contains("database: up"), down.body());
  }
}
