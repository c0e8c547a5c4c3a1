package org.trame.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Slack: the Web API client on okhttp 5, with rate limits and named errors")
class SlackWebTest {

  private FakeSlackApi api;
  private final List<Long> sleeps = new ArrayList<>();
  private SlackWeb web;
  private Channels channels;

  @BeforeEach
  void start() throws Exception {
    api = new FakeSlackApi();
    SlackSettings settings = new SlackSettings("xoxb-test", "s", null, 0, api.url(), null);
    web = new SlackWeb(settings, sleeps::add);
    channels = new Channels(web);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  @DisplayName("given the JVM's okhttp, when the Slack client calls the API, then it is okhttp 5 (the one JDA needs) and the call works")
  void runsOnOkHttp5() throws Exception {
    // then: the only okhttp on the class path is 5.x, and the Slack SDK works on it
    assertTrue(okhttp3.OkHttp.VERSION.startsWith("5."), okhttp3.OkHttp.VERSION);
    assertEquals(FakeSlackApi.TEAM, web.call("auth.test", c -> c.authTest(r -> r)).getTeamId());
  }

  @Test
  @DisplayName("given 429 twice then success, when calling, then the client waits Retry-After each time and succeeds")
  void retriesAfterRateLimit() throws Exception {
    // given
    api.planNext("chat.postMessage", 429, Map.of("Retry-After", "2"), "{\"ok\":false,\"error\":\"ratelimited\"}");
    api.planNext("chat.postMessage", 429, Map.of("Retry-After", "1"), "{\"ok\":false,\"error\":\"ratelimited\"}");

    // when
    web.call("chat.postMessage", c -> c.chatPostMessage(r -> r.channel("C1").text("hi")));

    // then
    assertEquals(List.of(2_000L, 1_000L), sleeps);
    assertEquals(3, api.calls("chat.postMessage").size());
  }

  @Test
  @DisplayName("given 429 with Retry-After: 2, when the outbox posts, then it gets a retry-after of 2 s at once, without waiting in place")
  void outboxPostHandsRateLimitToTheSender() {
    // given
    api.planNext("chat.postMessage", 429, Map.of("Retry-After", "2"), "{\"ok\":false,\"error\":\"ratelimited\"}");

    // when
    var e = assertThrows(org.trame.core.port.RetryAfterException.class,
        () -> web.callFromOutbox("chat.postMessage", c -> c.chatPostMessage(r -> r.channel("C1").text("hi"))));

    // then: the sender is told how long to wait, and nothing slept here nor tried again
    assertEquals(java.time.Duration.ofSeconds(2), e.delay());
    assertEquals(List.of(), sleeps);
    assertEquals(1, api.calls("chat.postMessage").size());
  }

  @Test
  @DisplayName("given an error answer, when calling, then the exception names the method and Slack's error")
  void errorsNameTheMethod() {
    // given
    api.planNext("chat.postMessage", 200, Map.of(), "{\"ok\":false,\"error\":\"channel_not_found\"}");

    // then
    var e = assertThrows(SlackWeb.SlackCallException.class,
        () -> web.call("chat.postMessage", c -> c.chatPostMessage(r -> r.channel("C1").text("hi"))));
    assertEquals("chat.postMessage failed: channel_not_found", e.getMessage());
  }

  @Test
  @DisplayName("given Retry-After values, when read, then seconds become milliseconds, capped at a minute, with a default of one second")
  void retryAfterParsing() {
    assertEquals(1_000, SlackWeb.retryAfterMillis("1"));
    assertEquals(60_000, SlackWeb.retryAfterMillis("3600"));
    assertEquals(1_000, SlackWeb.retryAfterMillis(null));
    assertEquals(1_000, SlackWeb.retryAfterMillis("soon"));
  }

  @Test
  @DisplayName("given conversations.open is rate limited, when the outbox needs a member's DM, then it gets a retry-after and the DM opens on the next try")
  void openingDmRateLimitIsARetryAfter() throws Exception {
    // given
    api.planNext("conversations.open", 429, Map.of("Retry-After", "3"), "{\"ok\":false,\"error\":\"ratelimited\"}");

    // when / then
    var e = assertThrows(org.trame.core.port.RetryAfterException.class, () -> channels.directMessage("UALICE"));
    assertEquals(java.time.Duration.ofSeconds(3), e.delay());
    assertEquals(List.of(), sleeps);
    assertEquals("DUALICE", channels.directMessage("UALICE"));
  }

  @Test
  @DisplayName("given a member, when messaged twice, then the DM is opened once")
  void directMessageOpenedOnce() throws Exception {
    assertEquals("DUALICE", channels.directMessage("UALICE"));
    assertEquals("DUALICE", channels.directMessage("UALICE"));
    assertEquals(1, api.calls("conversations.open").size());
  }

  @Test
  @DisplayName("given a chart for the collective, when it is sent, then it is uploaded the way Slack wants (URL, bytes, completion) into the collective's channel with its text")
  void chartIsUploadedToTheChannel() throws Exception {
    // given
    SlackMessenger messenger = new SlackMessenger(new SlackSettings("xoxb-test", "s", null, 0, api.url(), "CREPORTS"), web);
    messenger.bind(org.mockito.Mockito.mock(org.trame.core.i18n.Texts.class));
    byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
    var report = new org.trame.core.port.OutboundMessage(3, "slack", FakeSlackApi.TEAM,
        org.trame.core.port.Audience.channel(FakeSlackApi.TEAM), "Check-in: alignment over time", null, null, null, null, "en",
        org.trame.core.port.Attachment.png("alignment.png", png));

    // when the core's message carries a chart
    messenger.send(report);

    // then
    // (the SDK also asks auth.test on its own before uploading)
    List<String> methods = api.calls().stream().map(FakeSlackApi.Call::method).filter(m -> !m.equals("auth.test")).toList();
    assertEquals(List.of("files.getUploadURLExternal", "upload", "files.completeUploadExternal"), methods);
    assertEquals("alignment.png", api.calls("files.getUploadURLExternal").get(0).param("filename"));
    assertEquals(Integer.toString(png.length), api.calls("files.getUploadURLExternal").get(0).param("length"));
    assertTrue(Integer.parseInt(api.calls("upload").get(0).param("bytes")) >= png.length);
    FakeSlackApi.Call complete = api.calls("files.completeUploadExternal").get(0);
    assertEquals("CREPORTS", complete.param("channel_id"));
    assertEquals("Check-in: alignment over time", complete.param("initial_comment"));
  }

  @Test
  @DisplayName("given a member's data export, when it is sent, then the JSON file goes whole, under its own name, into their direct messages")
  void exportIsUploadedToTheMember() throws Exception {
    // given
    SlackMessenger messenger = new SlackMessenger(new SlackSettings("xoxb-test", "s", null, 0, api.url(), "CREPORTS"), web);
    messenger.bind(org.mockito.Mockito.mock(org.trame.core.i18n.Texts.class));
    byte[] json = "{\"member_id\" : \"UALICE\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    var export = new org.trame.core.port.OutboundMessage(4, "slack", FakeSlackApi.TEAM,
        org.trame.core.port.Audience.member("UALICE"), "Here is everything I keep about you", null, null, null, null, "en",
        new org.trame.core.port.Attachment("mydata.json", "application/json", json));

    // when
    messenger.send(export);

    // then it is uploaded as mydata.json, all its bytes, into alice's DM and nowhere else
    assertEquals("mydata.json", api.calls("files.getUploadURLExternal").get(0).param("filename"));
    assertEquals(Integer.toString(json.length), api.calls("files.getUploadURLExternal").get(0).param("length"));
    FakeSlackApi.Call complete = api.calls("files.completeUploadExternal").get(0);
    assertEquals("DUALICE", complete.param("channel_id"));
    assertEquals("Here is everything I keep about you", complete.param("initial_comment"));
  }
}
