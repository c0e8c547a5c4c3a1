package org.trame.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.Trame;
import org.trame.core.TrameConfig;
import org.trame.core.i18n.Lang;

@DisplayName("Slack: Socket Mode through the real Bolt app and a WebSocket on loopback")
class SlackSocketModeTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("given SLACK_APP_TOKEN, when Slack sends /trame help over the socket, then the envelope is acknowledged and the help comes to the member's DM")
  void commandOverSocketMode() throws Exception {
    try (FakeSlackApi api = new FakeSlackApi()) {
      FakeSocketMode socket = new FakeSocketMode();
      socket.start();
      try {
        // given
        assertTrue(socket.started.await(5, TimeUnit.SECONDS));
        api.socketModeUrl = socket.url();
        api.user("UALICE", "alice", "en-US", "Europe/Paris", false);
        SlackSettings settings = SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-test",
            "SLACK_APP_TOKEN", "xapp-test", "TRAME_SLACK_API_URL", api.url())).orElseThrow();
        SlackMessenger messenger = new SlackMessenger(settings);
        try (Trame trame = Trame.start(new TrameConfig(dir.resolve("trame.db"), null, Set.of(), Lang.EN, Clock.systemUTC()),
            List.of(messenger)); SlackAdapter adapter = SlackAdapter.start(messenger, trame)) {
          assertTrue(socket.connected.await(10, TimeUnit.SECONDS), "the adapter connected to the socket");

          // when
          JsonObject command = SignedRequests.obj("token", "legacy", "team_id", FakeSlackApi.TEAM, "team_domain", "trame-test",
              "channel_id", "CPROJECT", "channel_name", "project", "user_id", "UALICE", "user_name", "alice",
              "command", "/trame", "text", "help", "api_app_id", "A0TRAME", "trigger_id", "trigger.socket.1",
              "response_url", "https://hooks.slack.com/commands/x");
          socket.envelope("env-1", "slash_commands", command);

          // then
          FakeSlackApi.Call post = api.await(c -> c.method().equals("chat.postMessage"), 1, Duration.ofSeconds(15)).get(0);
          assertEquals("DUALICE", post.param("channel"));
          long deadline = System.currentTimeMillis() + 5_000;
          while (socket.received.stream().noneMatch(m -> m.has("envelope_id") && "env-1".equals(m.get("envelope_id").getAsString()))
              && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
          }
          assertTrue(socket.received.stream().anyMatch(m -> "env-1".equals(m.get("envelope_id").getAsString())),
              "envelope acknowledged: " + socket.received);
          assertTrue(api.calls("apps.connections.open").size() >= 1, "the socket URL came from apps.connections.open");
          assertEquals(-1, adapter.port());
        }
      } finally {
        socket.stop(1_000);
      }
    }
  }

  @Test
  @DisplayName("given Socket Mode, when a command's commit is pending, then its envelope is acknowledged only once committed, and never when the core could not save it")
  void envelopeAcknowledgedAfterCommit() throws Exception {
    try (FakeSlackApi api = new FakeSlackApi()) {
      FakeSocketMode socket = new FakeSocketMode();
      socket.start();
      try {
        // given: a core whose commits the test controls, and one that fails on "mydata forget"
        assertTrue(socket.started.await(5, TimeUnit.SECONDS));
        api.socketModeUrl = socket.url();
        api.user("UALICE", "alice", "en-US", "Europe/Paris", false);
        SlackSettings settings = SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-test",
            "SLACK_APP_TOKEN", "xapp-test", "TRAME_SLACK_API_URL", api.url())).orElseThrow();
        java.util.concurrent.CompletableFuture<org.trame.core.port.Handled> commit = new java.util.concurrent.CompletableFuture<>();
        SlackMessenger messenger = new SlackMessenger(settings);
        org.trame.core.i18n.Texts texts = org.mockito.Mockito.mock(org.trame.core.i18n.Texts.class);
        try (SlackAdapter adapter = SlackAdapter.start(messenger, texts,
            e -> e.text().equals("help") ? commit
                : java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("the database is unreachable")),
            (team, user, lang) -> java.util.concurrent.CompletableFuture.completedFuture(""), Duration.ofSeconds(30))) {
          assertTrue(socket.connected.await(10, TimeUnit.SECONDS), "the adapter connected to the socket");

          // when
          socket.envelope("env-ok", "slash_commands", command("help", "trigger.socket.2"));
          socket.envelope("env-lost", "slash_commands", command("mydata forget", "trigger.socket.3"));
          Thread.sleep(500);

          // then: nothing acknowledged before the commit; the saved one right after it; the lost one never
          assertFalse(acked(socket, "env-ok", Duration.ZERO), "acknowledged before the commit: " + socket.received);
          commit.complete(new org.trame.core.port.Handled(org.trame.core.port.Handled.Outcome.ACCEPTED, List.of()));
          assertTrue(acked(socket, "env-ok", Duration.ofSeconds(10)), "acknowledged once committed: " + socket.received);
          assertFalse(acked(socket, "env-lost", Duration.ofMillis(500)), "a lost event must stay unacknowledged");
        }
      } finally {
        socket.stop(1_000);
      }
    }
  }

  private static JsonObject command(String words, String trigger) {
    return SignedRequests.obj("token", "legacy", "team_id", FakeSlackApi.TEAM, "team_domain", "trame-test",
        "channel_id", "CPROJECT", "channel_name", "project", "user_id", "UALICE", "user_name", "alice",
        "command", "/trame", "text", words, "api_app_id", "A0TRAME", "trigger_id", trigger,
        "response_url", "https://hooks.slack.com/commands/x");
  }

  private static boolean acked(FakeSocketMode socket, String envelope, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    do {
      if (socket.received.stream().anyMatch(m -> m.has("envelope_id") && envelope.equals(m.get("envelope_id").getAsString()))) {
        return true;
      }
      Thread.sleep(20);
    } while (System.nanoTime() < deadline);
    return false;
  }
}
