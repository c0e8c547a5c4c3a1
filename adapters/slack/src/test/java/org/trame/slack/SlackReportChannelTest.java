package org.trame.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.port.Attachment;
import org.trame.core.port.Audience;
import org.trame.core.port.OutboundMessage;
import org.trame.core.port.UndeliverableException;

/**
 * A check-in report with its chart, into the collective's channel, against a fake Web API that
 * keeps Slack's membership rules: files.completeUploadExternal answers not_in_channel where the bot
 * is not a member, conversations.join needs channels:join and opens public channels only.
 */
@DisplayName("Slack: a report with a chart reaches the channel whole, joining it when allowed")
class SlackReportChannelTest {

  private static final String CHANNEL = "CREPORTS";
  private static final String BOB_DM = "DUBOB";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
  private static final String ALT = "Line chart \"Check-ins: averages per round\": alignment 3.0 → 3.5 → 4.0.";

  @TempDir
  Path dir;
  private LoopbackSlack s;

  @BeforeEach
  void start() throws Exception {
    s = new LoopbackSlack(dir);
    // bob, a workspace admin, has used the bot: the core knows him as a coordinator (French)
    s.slack.sendCommand("UBOB", "CPROJECT", "help");
    s.settle();
  }

  @AfterEach
  void stop() throws Exception {
    s.close();
  }

  private static OutboundMessage report(long id, String text) {
    return new OutboundMessage(id, "slack", FakeSlackApi.TEAM, Audience.channel(CHANNEL), text, null, null, null, null, "en",
        Attachment.png("checkin-trend.png", PNG, ALT));
  }

  /** The methods called since the {@code before}-th call, but the SDK's auth.test and the DM openings. */
  private List<String> since(int before) {
    List<FakeSlackApi.Call> all = s.api.calls();
    return all.subList(before, all.size()).stream().map(FakeSlackApi.Call::method)
        .filter(m -> !m.equals("auth.test") && !m.equals("conversations.open")).toList();
  }

  @Test
  @DisplayName("given a public channel the bot is not in and the channels:join scope, when a report with a chart is sent, then the bot joins and shares the chart it already uploaded, once")
  void joinsAPublicChannel() throws Exception {
    s.api.channel(CHANNEL, false, false);

    int before = s.api.calls().size();
    s.messenger.send(report(9001, "Check-in of 2026-12-01\nAlignment 4.0"));

    assertEquals(List.of("files.getUploadURLExternal", "upload", "files.completeUploadExternal", "conversations.join",
        "files.completeUploadExternal"), since(before));
    assertTrue(s.api.botIsMember(CHANNEL));
    var shared = s.api.calls("files.completeUploadExternal").get(1);
    assertTrue(shared.reply().contains("\"ok\":true"), shared.reply());
    assertEquals(CHANNEL, shared.param("channel_id"));
    assertEquals("Check-in of 2026-12-01\nAlignment 4.0", shared.param("initial_comment"));
  }

  @Test
  @DisplayName("given a public channel the bot is not in and an install without channels:join, when a report with a chart is sent, then the report is posted without its chart, the coordinators are told why in their language, and nothing is left to retry")
  void cannotJoinPostsWithoutTheChart() throws Exception {
    s.api.channel(CHANNEL, false, false);
    s.api.withoutScope("channels:join");

    int before = s.api.calls().size();
    var logged = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
    logged.start();
    var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(SlackMessenger.class);
    logger.addAppender(logged);
    // when: send returns, so the outbox marks it sent instead of retrying it for a day
    try {
      s.messenger.send(report(9002, "Check-in of 2026-12-01\nAlignment 4.0"));
    } finally {
      logger.detachAppender(logged);
    }
    // the log names Slack's methods and their error codes
    assertTrue(logged.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).anyMatch(l ->
        l.contains("files.completeUploadExternal answered not_in_channel") && l.contains("conversations.join answered missing_scope")),
        logged.list.toString());

    assertEquals(List.of("files.getUploadURLExternal", "upload", "files.completeUploadExternal", "conversations.join",
        "chat.postMessage", "chat.postMessage"), since(before));
    assertTrue(s.api.calls("conversations.join").get(0).reply().contains("missing_scope"));
    List<FakeSlackApi.Call> inChannel = s.posts(CHANNEL);
    assertEquals(1, inChannel.size());
    assertEquals("Check-in of 2026-12-01\nAlignment 4.0", inChannel.get(0).param("text"));
    FakeSlackApi.Call told = s.posts(BOB_DM).get(s.posts(BOB_DM).size() - 1);
    assertTrue(told.param("text").startsWith("Un bilan pour <#" + CHANNEL + "> n'a pas pu y être publié avec son graphique"),
        told.param("text"));
    assertTrue(told.param("text").contains("(missing_scope)") && told.param("text").contains("publié sans le graphique"),
        told.param("text"));
  }

  @Test
  @DisplayName("given a private channel the bot is not in, when a report with a chart is sent, then it is given up at once (not retried for a day) and the coordinators are told it was not posted")
  void privateChannelIsGivenUpAndSaid() throws Exception {
    s.api.channel(CHANNEL, true, false);

    var e = assertThrows(UndeliverableException.class, () -> s.messenger.send(report(9003, "Check-in of 2026-12-01")));

    assertEquals("not_in_channel", e.reason());
    assertTrue(s.api.calls("conversations.join").get(0).reply().contains("method_not_supported_for_channel_type"));
    assertEquals(1, s.api.calls("upload").size());
    FakeSlackApi.Call told = s.posts(BOB_DM).get(s.posts(BOB_DM).size() - 1);
    assertTrue(told.param("text").contains("(method_not_supported_for_channel_type)")
        && told.param("text").contains("n'y a pas été publié du tout"), told.param("text"));
  }

  @Test
  @DisplayName("given a completion Slack fails once, when the outbox sends the report again, then the chart is shared without being uploaded again")
  void retryDoesNotUploadAgain() throws Exception {
    s.api.planNext("files.completeUploadExternal", 200, Map.of(), "{\"ok\":false,\"error\":\"internal_error\"}");

    assertThrows(Exception.class, () -> s.messenger.send(report(9004, "Check-in")));
    s.messenger.send(report(9004, "Check-in"));

    assertEquals(1, s.api.calls("files.getUploadURLExternal").size());
    assertEquals(1, s.api.calls("upload").size());
    assertEquals(2, s.api.calls("files.completeUploadExternal").size());
  }

  @Test
  @DisplayName("given a text beyond one message's 50 blocks, when it is sent, then it goes whole across several messages within Slack's limits")
  void veryLongTextIsSplitAcrossMessages() throws Exception {
    String line = "x".repeat(2_990);
    String text = String.join("\n", java.util.Collections.nCopies(60, line)) + "\nThe end.";

    s.messenger.send(new OutboundMessage(9006, "slack", FakeSlackApi.TEAM, Audience.channel(CHANNEL), text, null, null, null,
        null, "en"));

    List<FakeSlackApi.Call> posts = s.posts(CHANNEL);
    assertEquals(2, posts.size());
    StringBuilder posted = new StringBuilder();
    for (FakeSlackApi.Call post : posts) {
      assertTrue(post.reply().contains("\"ok\":true"), post.reply());
      for (JsonElement b : post.json("blocks").getAsJsonArray()) {
        posted.append(posted.length() > 0 ? "\n" : "").append(b.getAsJsonObject().getAsJsonObject("text").get("text").getAsString());
      }
    }
    assertEquals(text, posted.toString());
  }

  @Test
  @DisplayName("given a report longer than a comment, when it is sent with its chart, then every line of it is posted (split where Slack's limits require), then the chart with its description as alt_txt")
  void longReportIsPostedWhole() throws Exception {
    StringBuilder text = new StringBuilder("Check-in of 2026-12-01\nRemarks:");
    for (int i = 0; i < 120; i++) {
      text.append("\n• \"Remark number ").append(i).append(": we should meet more often, & share <the> minutes.\"");
    }
    text.append("\nChart: the last 3 rounds.\nNext check-in: 2026-12-15.");
    assertTrue(text.length() > 8_000);

    int before = s.api.calls().size();
    s.messenger.send(report(9005, text.toString()));

    // then the text is in the channel whole, in order, escaped, before the chart
    StringBuilder posted = new StringBuilder();
    for (FakeSlackApi.Call post : s.posts(CHANNEL)) {
      for (JsonElement b : post.json("blocks").getAsJsonArray()) {
        if (posted.length() > 0) {
          posted.append('\n');
        }
        posted.append(b.getAsJsonObject().getAsJsonObject("text").get("text").getAsString());
      }
    }
    assertEquals(BlockRenderer.mrkdwn(text.toString()), posted.toString());
    assertTrue(posted.toString().endsWith("Chart: the last 3 rounds.\nNext check-in: 2026-12-15."));
    List<String> order = since(before);
    assertEquals("files.completeUploadExternal", order.get(order.size() - 1));
    assertFalse(order.subList(order.indexOf("files.getUploadURLExternal"), order.size()).contains("chat.postMessage"));
    // the chart comes after it, with no cut comment, described for screen readers
    assertNull(s.api.calls("files.completeUploadExternal").get(0).param("initial_comment"));
    assertEquals(ALT, s.api.calls("files.getUploadURLExternal").get(0).param("alt_txt"));
  }
}
