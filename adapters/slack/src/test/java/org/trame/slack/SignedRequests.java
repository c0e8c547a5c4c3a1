package org.trame.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Sends requests to the adapter's endpoint the way Slack does: signed, in Slack's shapes. */
public final class SignedRequests {

  public static final String SECRET = "test-signing-secret";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI endpoint;
  private int triggers;

  public SignedRequests(int port) {
    this.endpoint = URI.create("http://127.0.0.1:" + port + HttpEndpoint.PATH);
  }

  /** Signs with {@code secret} at {@code timestamp}: the knobs a forger or a replayer turns. */
  public HttpResponse<String> post(String body, String contentType, String secret, Instant timestamp, Map<String, String> extra)
      throws Exception {
    String ts = Long.toString(timestamp.getEpochSecond());
    HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
        .header("Content-Type", contentType)
        .header("X-Slack-Request-Timestamp", ts)
        .header("X-Slack-Signature", sign(secret, ts, body))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    extra.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts without waiting for the answer, signed now: to watch when the adapter answers. */
  public java.util.concurrent.CompletableFuture<HttpResponse<String>> postAsync(String body, String contentType) throws Exception {
    String ts = Long.toString(Instant.now().getEpochSecond());
    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
        .header("Content-Type", contentType)
        .header("X-Slack-Request-Timestamp", ts)
        .header("X-Slack-Signature", sign(SECRET, ts, body))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String body, String contentType) throws Exception {
    return post(body, contentType, SECRET, Instant.now(), Map.of());
  }

  /**
   * What a member typed as Slack delivers it in a message event, and in a slash command whose
   * manifest sets {@code should_escape}: {@code &}, {@code <} and {@code >} as HTML entities.
   */
  public static String slackEscaped(String typed) {
    return typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** The slash command form body Slack posts for {@code /trame words}, the words escaped as Slack does. */
  public String command(String user, String channel, String words) {
    return form("token", "legacy", "team_id", FakeSlackApi.TEAM, "team_domain", "trame-test",
        "channel_id", channel, "channel_name", channel.startsWith("D") ? "directmessage" : "general",
        "user_id", user, "user_name", user.toLowerCase(), "command", "/trame", "text", slackEscaped(words),
        "response_url", "https://hooks.slack.com/commands/x", "trigger_id", "trigger." + (++triggers));
  }

  public HttpResponse<String> sendCommand(String user, String channel, String words) throws Exception {
    return post(command(user, channel, words), "application/x-www-form-urlencoded");
  }

  /** A message.im event callback: a member typing {@code typed} in their DM with the bot (escaped as Slack does). */
  public static String directMessage(String eventId, String user, String typed) {
    JsonObject event = new JsonObject();
    event.addProperty("type", "message");
    event.addProperty("channel", "D" + user);
    event.addProperty("user", user);
    event.addProperty("text", slackEscaped(typed));
    event.addProperty("ts", "1700000000.000100");
    event.addProperty("event_ts", "1700000000.000100");
    event.addProperty("channel_type", "im");
    return callback(eventId, event);
  }

  public static String callback(String eventId, JsonObject event) {
    JsonObject o = new JsonObject();
    o.addProperty("token", "legacy");
    o.addProperty("team_id", FakeSlackApi.TEAM);
    o.addProperty("api_app_id", "A0TRAME");
    o.add("event", event);
    o.addProperty("type", "event_callback");
    o.addProperty("event_id", eventId);
    o.addProperty("event_time", 1_700_000_000);
    return o.toString();
  }

  /** A block_actions payload: {@code action} clicked in the bot's message {@code message}. */
  public String blockActions(String user, String channel, String messageTs, String messageText, JsonObject action, JsonObject state) {
    JsonObject o = new JsonObject();
    o.addProperty("type", "block_actions");
    o.add("team", obj("id", FakeSlackApi.TEAM, "domain", "trame-test"));
    o.add("user", obj("id", user, "username", user.toLowerCase(), "name", user.toLowerCase(), "team_id", FakeSlackApi.TEAM));
    o.addProperty("api_app_id", "A0TRAME");
    o.addProperty("token", "legacy");
    o.add("container", obj("type", "message", "message_ts", messageTs, "channel_id", channel));
    o.addProperty("trigger_id", "trigger." + (++triggers));
    o.add("channel", obj("id", channel, "name", "directmessage"));
    o.add("message", obj("type", "message", "text", messageText, "ts", messageTs, "user", FakeSlackApi.BOT_USER));
    o.add("state", state == null ? obj() : state);
    o.addProperty("response_url", "https://hooks.slack.com/actions/x");
    JsonArray actions = new JsonArray();
    action.addProperty("action_ts", "1700000001." + String.format("%06d", triggers));
    actions.add(action);
    o.add("actions", actions);
    return "payload=" + URLEncoder.encode(o.toString(), StandardCharsets.UTF_8);
  }

  /** A view_submission payload for a form whose text input holds {@code typed}. */
  public String viewSubmission(String user, String viewId, String privateMetadata, String typed) {
    JsonObject o = new JsonObject();
    o.addProperty("type", "view_submission");
    o.add("team", obj("id", FakeSlackApi.TEAM, "domain", "trame-test"));
    o.add("user", obj("id", user, "username", user.toLowerCase(), "name", user.toLowerCase(), "team_id", FakeSlackApi.TEAM));
    o.addProperty("api_app_id", "A0TRAME");
    o.addProperty("token", "legacy");
    o.addProperty("trigger_id", "trigger." + (++triggers));
    JsonObject input = obj("type", "plain_text_input", "value", typed);
    JsonObject block = new JsonObject();
    block.add(BlockRenderer.FORM_INPUT, input);
    JsonObject values = new JsonObject();
    values.add(BlockRenderer.FORM_BLOCK, block);
    JsonObject state = new JsonObject();
    state.add("values", values);
    JsonObject view = obj("id", viewId, "team_id", FakeSlackApi.TEAM, "type", "modal", "callback_id", BlockRenderer.FORM_CALLBACK,
        "private_metadata", privateMetadata, "hash", "h." + triggers);
    view.add("state", state);
    o.add("view", view);
    return "payload=" + URLEncoder.encode(o.toString(), StandardCharsets.UTF_8);
  }

  public static JsonObject obj(String... keyValues) {
    JsonObject o = new JsonObject();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      o.addProperty(keyValues[i], keyValues[i + 1]);
    }
    return o;
  }

  public static String sign(String secret, String timestamp, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
    return "v0=" + HexFormat.of().formatHex(digest);
  }

  private static String form(String... keyValues) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      if (b.length() > 0) {
        b.append('&');
      }
      b.append(URLEncoder.encode(keyValues[i], StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(keyValues[i + 1], StandardCharsets.UTF_8));
    }
    return b.toString();
  }
}
