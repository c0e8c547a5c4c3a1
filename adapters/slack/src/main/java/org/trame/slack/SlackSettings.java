package org.trame.slack;

import java.util.Map;
import java.util.Optional;

/**
 * The Slack part of the configuration contract (DESIGN.md): {@code SLACK_BOT_TOKEN},
 * {@code SLACK_SIGNING_SECRET}, {@code SLACK_APP_TOKEN}, {@code TRAME_SLACK_PORT},
 * {@code TRAME_SLACK_API_URL}, plus {@code TRAME_SLACK_CHANNEL} for the collective's channel. Each
 * secret may instead come from a file readable by its owner only ({@code SLACK_BOT_TOKEN_FILE}...).
 *
 * @param botToken      the bot token ({@code xoxb-…})
 * @param signingSecret verifies HTTP-mode requests; may be null in Socket Mode
 * @param appToken      when set ({@code xapp-…}), Slack runs in Socket Mode
 * @param port          the HTTP-mode port serving {@code /slack/events}; 0 picks a free one
 * @param apiUrl        the Web API prefix method names are appended to, ending with {@code /}
 * @param channel       the channel id collective posts go to, or null for the rule in README
 */
public record SlackSettings(String botToken, String signingSecret, String appToken, int port, String apiUrl,
    String channel) {

  public static final int DEFAULT_PORT = 3000;
  public static final String DEFAULT_API_URL = "https://slack.com/api/";

  public SlackSettings {
    if (botToken == null || botToken.isBlank()) {
      throw new IllegalArgumentException("SLACK_BOT_TOKEN is required for Slack");
    }
    if ((appToken == null || appToken.isBlank()) && (signingSecret == null || signingSecret.isBlank())) {
      // Without the secret no request could be verified: refuse to start rather than accept forgeries.
      throw new IllegalArgumentException("SLACK_SIGNING_SECRET is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("TRAME_SLACK_PORT must be a port number, not " + port);
    }
    apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : (apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
    appToken = appToken == null || appToken.isBlank() ? null : appToken;
    channel = channel == null || channel.isBlank() ? null : channel.trim();
  }

  /** The settings, or empty when {@code SLACK_BOT_TOKEN} is not set (Slack stays off). */
  public static Optional<SlackSettings> fromEnvironment(Map<String, String> env) {
    String token = org.trame.core.port.Secrets.read(env, "SLACK_BOT_TOKEN");
    if (token == null) {
      return Optional.empty();
    }
    String port = trimmed(env.get("TRAME_SLACK_PORT"));
    int portNumber;
    try {
      portNumber = port == null ? DEFAULT_PORT : Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("TRAME_SLACK_PORT must be a port number, not '" + port + "'");
    }
    return Optional.of(new SlackSettings(token, org.trame.core.port.Secrets.read(env, "SLACK_SIGNING_SECRET"),
        org.trame.core.port.Secrets.read(env, "SLACK_APP_TOKEN"),
        portNumber, trimmed(env.get("TRAME_SLACK_API_URL")), trimmed(env.get("TRAME_SLACK_CHANNEL"))));
  }

  public boolean socketMode() {
    return appToken != null;
  }

  private static String trimmed(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  @Override
  public String toString() {
    // Never print the secrets into logs.
    return "SlackSettings[mode=" + (socketMode() ? "socket" : "http:" + port) + ", api=" + apiUrl + ", channel=" + channel + "]";
  }
}
