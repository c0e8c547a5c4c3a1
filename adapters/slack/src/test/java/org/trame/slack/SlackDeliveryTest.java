package org.trame.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.i18n.Msg;

@DisplayName("Slack: requests are verified, acknowledged fast, handled once, and replies survive Slack's failures")
class SlackDeliveryTest {

  private static final String ALICE = "UALICE";
  private static final String DM = "DUALICE";
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String JSON = "application/json";

  @TempDir
  Path dir;
  private LoopbackSlack s;

  @BeforeEach
  void start() throws Exception {
    s = new LoopbackSlack(dir);
  }

  @AfterEach
  void stop() throws Exception {
    s.close();
  }

  @Test
  @DisplayName("given a request signed with the wrong secret, when it arrives, then it gets 401 and nothing is handled or sent")
  void forgedSignatureIsRefused() throws Exception {
    // when
    var response = s.slack.post(s.slack.command(ALICE, "CPROJECT", "stakes"), FORM, "not-the-secret", Instant.now(), Map.of());
    var event = s.slack.post(SignedRequests.directMessage("Ev.forged", ALICE, "help"), JSON, "not-the-secret", Instant.now(),
        Map.of());
    s.settle();

    // then
    assertEquals(401, response.statusCode());
    assertEquals(401, event.statusCode());
    assertTrue(s.api.calls("chat.postMessage").isEmpty(), "no reply was sent");
    assertTrue(s.api.calls("users.info").isEmpty(), "the request was not even looked at");
  }

  @Test
  @DisplayName("given a correctly signed request from more than 5 minutes ago, when it arrives, then it gets 401 and nothing is handled")
  void staleTimestampIsRefused() throws Exception {
    // given
    Instant sixMinutesAgo = Instant.now().minus(Duration.ofMinutes(6));

    // when
    var response = s.slack.post(s.slack.command(ALICE, "CPROJECT", "help"), FORM, SignedRequests.SECRET, sixMinutesAgo,
        Map.of());
    s.settle();

    // then
    assertEquals(401, response.statusCode());
    assertTrue(s.api.calls("chat.postMessage").isEmpty());
  }

  @Test
  @DisplayName("given a correctly signed request dated more than 5 minutes ahead, when it arrives, then it gets 401 and nothing is handled")
  void futureTimestampIsRefused() throws Exception {
    // given: a request captured and signed with a timestamp in the future, to be replayed later
    Instant sixMinutesAhead = Instant.now().plus(Duration.ofMinutes(6));

    // when
    var command = s.slack.post(s.slack.command(ALICE, "CPROJECT", "help"), FORM, SignedRequests.SECRET, sixMinutesAhead,
        Map.of());
    var event = s.slack.post(SignedRequests.directMessage("Ev.future", ALICE, "help"), JSON, SignedRequests.SECRET,
        sixMinutesAhead, Map.of());
    s.settle();

    // then
    assertEquals(401, command.statusCode());
    assertEquals(401, event.statusCode());
    assertTrue(s.api.calls("chat.postMessage").isEmpty(), "no reply was sent");
    assertTrue(s.api.calls("users.info").isEmpty(), "the request was not even looked at");
  }

  @Test
  @DisplayName("given one DM event, when Slack delivers it 4 times (retries with X-Slack-Retry-Num), then it has one effect")
  void retriedDeliveryHasOneEffect() throws Exception {
    // given
    String body = SignedRequests.directMessage("Ev.once", ALICE, "help");

    // when
    for (int attempt = 0; attempt < 4; attempt++) {
      Map<String, String> retry = attempt == 0 ? Map.of()
          : Map.of("X-Slack-Retry-Num", Integer.toString(attempt), "X-Slack-Retry-Reason", "http_timeout");
      var response = s.slack.post(body, JSON, SignedRequests.SECRET, Instant.now(), retry);
      assertEquals(200, response.statusCode());
    }
    s.settle();

    // then
    assertEquals(1, s.posts(DM).size(), "one help message, whatever the number of deliveries");
  }

  @Test
  @DisplayName("given a request, when it is delivered, then it is acknowledged well within Slack's 3 seconds even while Slack's API is slow to answer")
  void acknowledgedFast() throws Exception {
    // given: the API rate-limits the first post for a second, so the reply takes longer than the ack
    s.api.planNext("chat.postMessage", 429, Map.of("Retry-After", "1"), "{\"ok\":false,\"error\":\"ratelimited\"}");

    // when
    long start = System.nanoTime();
    var response = s.slack.sendCommand(ALICE, "CPROJECT", "help");
    long ackMillis = (System.nanoTime() - start) / 1_000_000;
    long ackedAt = System.currentTimeMillis();
    s.settle();

    // then
    assertEquals(200, response.statusCode());
    assertTrue(ackMillis < 2_500, "acknowledged in " + ackMillis + " ms, within Slack's 3 s");
    List<FakeSlackApi.Call> delivered = s.posts(DM).stream().filter(p -> p.reply().contains("\"ok\":true")).toList();
    assertEquals(1, delivered.size());
    assertTrue(ackedAt <= delivered.get(0).atMillis(), "the acknowledgement did not wait for the reply");
  }

  @Test
  @DisplayName("given a member's DM, when Slack gets its 200, then the core has already committed the event (a crash after the answer loses nothing)")
  void acknowledgedOnlyOnceCommitted() throws Exception {
    // when
    var response = s.slack.post(SignedRequests.directMessage("Ev.committed", ALICE, "help"), JSON);

    // then: the event's dedup row is in the database as the answer arrives
    assertEquals(200, response.statusCode());
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("trame.db"));
         var q = c.prepareStatement("SELECT count(*) FROM inbound_event WHERE event_id = ?")) {
      q.setString(1, "slack:Ev.committed");
      try (var rs = q.executeQuery()) {
        rs.next();
        assertEquals(1, rs.getInt(1), "the event was committed before Slack was answered");
      }
    }
    s.settle();
  }

  @Test
  @DisplayName("given Slack answers 429 with Retry-After: 1, when a reply is sent, then it is sent again after that second and delivered once")
  void rateLimitIsWaitedOut() throws Exception {
    // given
    s.api.planNext("chat.postMessage", 429, Map.of("Retry-After", "1"), "{\"ok\":false,\"error\":\"ratelimited\"}");

    // when
    s.slack.sendCommand(ALICE, "CPROJECT", "help");
    s.settle();

    // then
    List<FakeSlackApi.Call> posts = s.posts(DM);
    assertEquals(2, posts.size(), "one refused try, one delivered");
    long gap = posts.get(1).atMillis() - posts.get(0).atMillis();
    assertTrue(gap >= 950, "waited " + gap + " ms as Slack asked");
    assertTrue(posts.get(1).reply().contains("\"ok\":true"));
  }

  @Test
  @DisplayName("given the Web API fails once (HTTP 500, then ok:false), when a reply is sent, then the outbox keeps it and it is delivered when Slack recovers")
  void failureLosesNoAnswer() throws Exception {
    // given
    s.api.planNext("chat.postMessage", 500, Map.of(), "<html>oops</html>");
    s.api.planNext("chat.postMessage", 200, Map.of(), "{\"ok\":false,\"error\":\"internal_error\"}");

    // when
    s.slack.sendCommand(ALICE, "CPROJECT", "stakes");
    s.settle();

    // then: the two first tries failed, then the intro and the first question came, in order
    List<FakeSlackApi.Call> posts = s.posts(DM);
    List<FakeSlackApi.Call> delivered = posts.stream().filter(p -> p.reply().contains("\"ok\":true")).toList();
    assertEquals(posts.size() - 2, delivered.size());
    assertTrue(delivered.size() >= 2, "intro and first question delivered");
    assertTrue(delivered.get(0).param("text").startsWith("Let's talk about your own stakes"), delivered.get(0).param("text"));
    assertEquals(BlockRenderer.OPEN_FORM,
        LoopbackSlack.elements(delivered.get(1)).get(0).get("action_id").getAsString());
  }

  @Test
  @DisplayName("given messages from bots (ourselves included), when they arrive as events, then they are ignored")
  void botMessagesAreIgnored() throws Exception {
    // given
    JsonObject fromBot = SignedRequests.obj("type", "message", "channel", DM, "user", FakeSlackApi.BOT_USER, "text", "help",
        "ts", "1.1", "channel_type", "im", "bot_id", "BBOT");
    JsonObject subtyped = SignedRequests.obj("type", "message", "subtype", "bot_message", "channel", DM, "text", "help",
        "ts", "1.2", "channel_type", "im", "bot_id", "BOTHER");

    // when
    var one = s.slack.post(SignedRequests.callback("Ev.bot1", fromBot), JSON);
    var two = s.slack.post(SignedRequests.callback("Ev.bot2", subtyped), JSON);
    s.settle();

    // then
    assertEquals(200, one.statusCode());
    assertEquals(200, two.statusCode());
    assertTrue(s.api.calls("chat.postMessage").isEmpty());
  }

  @Test
  @DisplayName("given a member opens the bot's App Home, when the event arrives, then the home tab shows, in his Slack language, his open conversation")
  void appHomeIsPublished() throws Exception {
    // given: Bob's Slack locale is French, and he has started the stakes questionnaire
    s.slack.sendCommand("UBOB", "CPROJECT", "stakes");
    s.settle();
    JsonObject opened = SignedRequests.obj("type", "app_home_opened", "user", "UBOB", "channel", "DUBOB", "tab", "home",
        "event_ts", "1.3");

    // when
    s.slack.post(SignedRequests.callback("Ev.home", opened), JSON);
    s.settle();

    // then
    FakeSlackApi.Call publish = s.api.await(c -> c.method().equals("views.publish"), 1, Duration.ofSeconds(10)).get(0);
    assertEquals("UBOB", publish.param("user_id"));
    JsonObject view = publish.json("view").getAsJsonObject();
    assertEquals("home", view.get("type").getAsString());
    assertEquals(s.trame.texts().get(Msg.HELP_COMMANDS, org.trame.core.i18n.Lang.FR).split("\n")[0],
        view.getAsJsonArray("blocks").get(0).getAsJsonObject().getAsJsonObject("text").get("text").getAsString().split("\n")[0]);
    String page = view.toString();
    assertTrue(page.contains("Vos conversations en cours") && page.contains("mes enjeux"), page);
    assertTrue(page.contains("Vous n'avez rien partagé"), page);
  }

  @Test
  @DisplayName("given a question already answered by a click, when the member clicks a second button of it, then the second click is not a second answer")
  void secondClickIsNoSecondAnswer() throws Exception {
    // given: the sharing question after a first free-text answer
    s.slack.sendCommand(ALICE, "CPROJECT", "stakes");
    s.api.await(c -> c.method().equals("chat.postMessage") && !LoopbackSlack.elements(c).isEmpty(), 1, Duration.ofSeconds(20));
    s.slack.post(SignedRequests.directMessage("Ev.why", ALICE, "To learn from the others"), JSON);
    FakeSlackApi.Call share = s.api.await(c -> c.method().equals("chat.postMessage") && !LoopbackSlack.elements(c).isEmpty(),
        2, Duration.ofSeconds(20)).get(1);
    List<JsonObject> buttons = LoopbackSlack.elements(share);
    s.settle();
    int before = s.posts(DM).size();

    // when
    s.slack.post(s.slack.blockActions(ALICE, DM, share.ts(), share.param("text"), buttons.get(0), null), FORM);
    s.slack.post(s.slack.blockActions(ALICE, DM, share.ts(), share.param("text"), buttons.get(2), null), FORM);
    s.settle();

    // then: one update of the question, one next question (the first question was closed by the typed answer)
    List<FakeSlackApi.Call> updates = s.api.calls("chat.update").stream().filter(u -> share.ts().equals(u.param("ts"))).toList();
    assertEquals(1, updates.size());
    assertTrue(updates.get(0).param("blocks").contains(buttons.get(0).getAsJsonObject("text").get("text").getAsString()));
    assertEquals(before + 1, s.posts(DM).size(), "only the next question was posted");
  }

  @Test
  @DisplayName("given Slack checks the events URL, when it sends url_verification, then the challenge is answered")
  void urlVerificationIsAnswered() throws Exception {
    // when
    var response = s.slack.post("{\"token\":\"legacy\",\"challenge\":\"c-123\",\"type\":\"url_verification\"}", JSON);

    // then
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("c-123"), response.body());
  }

  @Test
  @DisplayName("given a member Slack says cannot be reached, when her reply and then another member's are sent, then hers is given up and the other is not held back")
  void undeliverableDoesNotBlockOthers() throws Exception {
    // given
    s.api.planNext("conversations.open", 200, Map.of(), "{\"ok\":false,\"error\":\"user_not_found\"}");

    // when
    s.slack.sendCommand(ALICE, "CPROJECT", "help");
    s.settle();
    s.slack.sendCommand("UBOB", "CPROJECT", "help");
    s.settle();

    // then
    assertTrue(s.posts(DM).isEmpty());
    assertEquals(1, s.posts("DUBOB").size());
    // and the outbox gave hers up, keeping Slack's reason, instead of marking it sent
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("trame.db"));
         var rs = c.createStatement().executeQuery("SELECT last_error FROM outbox WHERE given_up_at IS NOT NULL AND sent_at IS NULL")) {
      assertTrue(rs.next(), "no outbox message was given up");
      assertEquals("user_not_found", rs.getString(1));
    }
  }

  @Test
  @DisplayName("given Slack answers a post with is_archived, when the messenger sends it, then it says the message can never be delivered, with Slack's reason")
  void archivedChannelIsUndeliverable() throws Exception {
    // given
    s.api.planNext("chat.postMessage", 200, Map.of(), "{\"ok\":false,\"error\":\"is_archived\"}");
    var message = new org.trame.core.port.OutboundMessage(9001, "slack", FakeSlackApi.TEAM,
        org.trame.core.port.Audience.member(ALICE), "hello", org.trame.core.port.OutboundMessage.Expects.NOTHING,
        List.of(), null, null, "en");

    // when
    var refused = org.junit.jupiter.api.Assertions.assertThrows(org.trame.core.port.UndeliverableException.class,
        () -> s.messenger.send(message));

    // then
    assertEquals("is_archived", refused.reason());
  }

  @Test
  @DisplayName("given Slack refuses a message's blocks, when it is sent, then its text goes alone so the member can still answer by typing")
  void refusedBlocksFallBackToText() throws Exception {
    // given
    s.api.planNext("chat.postMessage", 200, Map.of(), "{\"ok\":false,\"error\":\"invalid_blocks\"}");

    // when
    s.slack.sendCommand(ALICE, "CPROJECT", "help");
    s.settle();

    // then
    List<FakeSlackApi.Call> posts = s.posts(DM);
    assertEquals(2, posts.size());
    assertEquals(posts.get(0).param("text"), posts.get(1).param("text"));
    assertTrue(posts.get(1).param("blocks") == null);
  }
}
