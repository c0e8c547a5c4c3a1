package org.trame.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Slack: settings from the configuration contract")
class SlackSettingsTest {

  @Test
  @DisplayName("given no SLACK_BOT_TOKEN, when read, then Slack stays off")
  void offWithoutToken() {
    assertTrue(SlackSettings.fromEnvironment(Map.of("SLACK_SIGNING_SECRET", "s")).isEmpty());
    assertTrue(SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "  ")).isEmpty());
  }

  @Test
  @DisplayName("given a token and a signing secret, when read, then it is HTTP mode on port 3000 against Slack's API")
  void httpModeDefaults() {
    SlackSettings s = SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s")).orElseThrow();
    assertFalse(s.socketMode());
    assertEquals(3000, s.port());
    assertEquals("https://slack.com/api/", s.apiUrl());
  }

  @Test
  @DisplayName("given SLACK_APP_TOKEN, when read, then it is Socket Mode, which needs no signing secret")
  void socketMode() {
    assertTrue(SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1")).orElseThrow()
        .socketMode());
  }

  @Test
  @DisplayName("given HTTP mode without a signing secret, when read, then it refuses to start rather than accept unverified requests")
  void httpNeedsSecret() {
    var e = assertThrows(IllegalArgumentException.class, () -> SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "x")));
    assertTrue(e.getMessage().contains("SLACK_SIGNING_SECRET"));
  }

  @Test
  @DisplayName("given an API URL without a trailing slash and a port, when read, then method names append cleanly")
  void apiUrlAndPort() {
    SlackSettings s = SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "x", "SLACK_SIGNING_SECRET", "s",
        "TRAME_SLACK_API_URL", "http://127.0.0.1:9/api", "TRAME_SLACK_PORT", "8080", "TRAME_SLACK_CHANNEL", " C1 ")).orElseThrow();
    assertEquals("http://127.0.0.1:9/api/", s.apiUrl());
    assertEquals(8080, s.port());
    assertEquals("C1", s.channel());
    assertThrows(IllegalArgumentException.class, () -> SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "x",
        "SLACK_SIGNING_SECRET", "s", "TRAME_SLACK_PORT", "http")));
  }

  @Test
  @DisplayName("given settings, when printed, then no token or secret shows")
  void secretsStayOutOfLogs() {
    SlackSettings s = new SlackSettings("xoxb-secret", "sign-secret", "xapp-secret", 1, null, null);
    assertFalse(s.toString().contains("secret"));
  }

  @Test
  @DisplayName("given the bot token in a file only its owner reads, when read, then it is used; a group-readable one is refused without the token in the message")
  void tokenFromOwnerOnlyFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path f = dir.resolve("slack-token");
    java.nio.file.Files.writeString(f, "xoxb-from-a-file-77");
    java.nio.file.Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    SlackSettings s = SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN_FILE", f.toString(), "SLACK_SIGNING_SECRET", "s"))
        .orElseThrow();
    assertEquals("xoxb-from-a-file-77", s.botToken());
    assertFalse(s.toString().contains("xoxb"));

    java.nio.file.Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    var e = assertThrows(IllegalArgumentException.class, () -> SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN_FILE",
        f.toString(), "SLACK_SIGNING_SECRET", "s")));
    assertTrue(e.getMessage().contains("SLACK_BOT_TOKEN_FILE") && e.getMessage().contains("chmod 600"), e.getMessage());
    assertFalse(e.getMessage().contains("xoxb-from-a-file-77"));
  }
}
