package org.trame.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.trame.core.Trame;
import org.trame.core.TrameConfig;
import org.trame.core.i18n.Lang;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;

@DisplayName("Slack: what Slack delivers becomes the right core event (core mocked, real Bolt app)")
class SlackTranslationTest {

  private static final String FORM = "application/x-www-form-urlencoded";

  @TempDir
  static Path dir;
  private static org.trame.core.i18n.Texts texts;
  private FakeSlackApi api;
  private Function<InboundEvent, CompletableFuture<Handled>> core;
  private SlackAdapter adapter;
  private SignedRequests slack;

  @org.junit.jupiter.api.BeforeAll
  static void loadTexts() {
    // The core's texts, without running the core: they come with its packaged prompts.
    try (Trame core = Trame.start(new TrameConfig(dir.resolve("t.db"), null, java.util.Set.of(), Lang.EN,
        java.time.Clock.systemUTC()), List.of())) {
      texts = core.texts();
    }
  }

  @BeforeEach
  @SuppressWarnings("unchecked")
  void start() throws Exception {
    api = new FakeSlackApi();
    api.user("UBOB", "bob", "fr-FR", "Europe/Brussels", true);
    api.user("UALICE", "alice", "en-US", "Europe/Paris", false);
    SlackSettings settings = SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-test",
        "SLACK_SIGNING_SECRET", SignedRequests.SECRET, "TRAME_SLACK_PORT", "0", "TRAME_SLACK_API_URL", api.url())).orElseThrow();
    core = mock(Function.class);
    when(core.apply(any())).thenReturn(CompletableFuture.completedFuture(new Handled(Handled.Outcome.ACCEPTED, List.of())));
    adapter = SlackAdapter.start(new SlackMessenger(settings), texts, core);
    slack = new SignedRequests(adapter.port());
  }

  @AfterEach
  void stop() throws Exception {
    adapter.close();
    api.close();
  }

  @Test
  @DisplayName("given a workspace admin with a French Slack locale, when he types /trame stakes round, then the core gets a COMMAND with his locale, time zone and coordinator role")
  void commandCarriesMemberHints() throws Exception {
    // when
    var response = slack.sendCommand("UBOB", "CPROJECT", "  stakes round ");

    // then
    assertEquals(200, response.statusCode());
    ArgumentCaptor<InboundEvent> event = ArgumentCaptor.forClass(InboundEvent.class);
    verify(core, timeout(5_000)).apply(event.capture());
    InboundEvent e = event.getValue();
    assertEquals("slack", e.platform());
    assertEquals(FakeSlackApi.TEAM, e.collective());
    assertEquals("UBOB", e.member());
    assertEquals("bob", e.memberName());
    assertEquals(InboundEvent.Kind.COMMAND, e.kind());
    assertEquals("stakes round", e.text());
    assertTrue(e.eventId().startsWith("command:trigger."));
    assertEquals("fr-FR", e.hints().locale());
    assertEquals("Europe/Brussels", e.hints().timeZone());
    assertTrue(e.hints().coordinator());
    assertEquals("CPROJECT", e.channel(), "the channel it was typed in, for `channel here`");
  }

  @Test
  @DisplayName("given /trame typed in a DM or a group DM, when it reaches the core, then it carries no channel: neither can be the collective's")
  void directMessageCommandHasNoChannel() throws Exception {
    // when
    slack.sendCommand("UBOB", "DUBOB", "channel here");
    slack.post(slack.command("UALICE", "GMPDM", "channel here").replace("channel_name=general", "channel_name=mpdm-alice--bob-1"),
        FORM);

    // then
    ArgumentCaptor<InboundEvent> event = ArgumentCaptor.forClass(InboundEvent.class);
    verify(core, timeout(5_000).times(2)).apply(event.capture());
    assertEquals(2, event.getAllValues().size());
    event.getAllValues().forEach(e -> assertNull(e.channel(), e.member()));
  }

  @Test
  @DisplayName("given a member who is not an admin, when she types in her DM with the bot, then the core gets TEXT with Slack's event id and no coordinator role")
  void directMessageIsText() throws Exception {
    // when
    slack.post(SignedRequests.directMessage("Ev0042", "UALICE", "pause"), "application/json");

    // then
    ArgumentCaptor<InboundEvent> event = ArgumentCaptor.forClass(InboundEvent.class);
    verify(core, timeout(5_000)).apply(event.capture());
    assertEquals("Ev0042", event.getValue().eventId());
    assertEquals(InboundEvent.Kind.TEXT, event.getValue().kind());
    assertEquals("pause", event.getValue().text());
    assertEquals(false, event.getValue().hints().coordinator());
  }

  @Test
  @DisplayName("given a member types a & b <3 > c in her DM and in /trame, when Slack delivers them escaped, then the core gets the words as she typed them")
  void typedTextIsUnescaped() throws Exception {
    // when: Slack sends &amp; &lt; &gt; (the fake escapes as Slack does)
    slack.post(SignedRequests.directMessage("Ev.amp", "UALICE", "a & b <3 > c &amp; d"), "application/json");
    slack.sendCommand("UALICE", "CPROJECT", "project Food & <drink>");

    // then
    ArgumentCaptor<InboundEvent> event = ArgumentCaptor.forClass(InboundEvent.class);
    verify(core, timeout(5_000).times(2)).apply(event.capture());
    var byKind = event.getAllValues().stream().collect(java.util.stream.Collectors.toMap(InboundEvent::kind, e -> e));
    assertEquals("a & b <3 > c &amp; d", byKind.get(InboundEvent.Kind.TEXT).text());
    assertEquals("project Food & <drink>", byKind.get(InboundEvent.Kind.COMMAND).text());
  }

  @Test
  @DisplayName("given a member types links, a channel name and @here in her DM, when Slack delivers them as its markup, then the core gets them as she typed them, a disguised link showing its address, and mentions intact")
  void slackMarkupBecomesTypedText() throws Exception {
    // given: the message as Slack encodes it (links, channel, special mention, user mention, escaped text)
    JsonObject dm = SignedRequests.obj("type", "message", "channel", "DUALICE", "user", "UALICE", "ts", "1.1",
        "channel_type", "im", "text", "see <https://example.com/a?b=1&amp;c=2> and <http://example.org|example.org> "
            + "or <https://evil.example|the minutes>, mail <mailto:a@b.example|a@b.example>, in <#C123|general> <!here> "
            + "<@UBOB|bob> &lt;3");

    // when
    slack.post(SignedRequests.callback("Ev.markup", dm), "application/json");

    // then
    ArgumentCaptor<InboundEvent> event = ArgumentCaptor.forClass(InboundEvent.class);
    verify(core, timeout(5_000)).apply(event.capture());
    assertEquals("see https://example.com/a?b=1&c=2 and example.org or the minutes (https://evil.example), mail a@b.example, "
        + "in #general @here <@UBOB|bob> <3", event.getValue().text());
  }

  @Test
  @DisplayName("given a member mentions someone in /trame, when Slack delivers the escaped command, then the mention reaches the core intact")
  void mentionsStayIntact() throws Exception {
    // when: Slack encodes a picked mention as <@U…|name>, around escaped typed text
    String body = slack.command("UBOB", "CPROJECT", "conflict").replace("text=conflict",
        "text=" + java.net.URLEncoder.encode("conflict <@UALICE|alice> <@UCAROL> &amp; budget", java.nio.charset.StandardCharsets.UTF_8));
    slack.post(body, FORM);

    // then
    ArgumentCaptor<InboundEvent> event = ArgumentCaptor.forClass(InboundEvent.class);
    verify(core, timeout(5_000)).apply(event.capture());
    assertEquals("conflict <@UALICE|alice> <@UCAROL> & budget", event.getValue().text());
  }

  @Test
  @DisplayName("given a form, when the member submits &amp; typed as such, then the core gets it unchanged: form values are not escaped by Slack")
  void formTextIsNotUnescaped() throws Exception {
    // given
    String metadata = ActionRef.choice("5", "why#1", null, "en").encode();

    // when
    slack.post(slack.viewSubmission("UALICE", "VAMP", metadata, "Tom &amp; Jerry <3"), FORM);

    // then
    ArgumentCaptor<InboundEvent> event = ArgumentCaptor.forClass(InboundEvent.class);
    verify(core, timeout(5_000)).apply(event.capture());
    assertEquals("Tom &amp; Jerry <3", event.getValue().text());
  }

  @Test
  @DisplayName("given a button of a question, when it is clicked, then the core gets a CHOICE with the question's conversation, step and the option's value")
  void clickIsChoice() throws Exception {
    // given
    JsonObject button = SignedRequests.obj("action_id", BlockRenderer.CHOICE_PREFIX + "2", "block_id", "b", "type", "button",
        "value", ActionRef.choice("17", "purpose#4", "3", "en").encode());
    button.add("text", SignedRequests.obj("type", "plain_text", "text", "3"));

    // when
    slack.post(slack.blockActions("UALICE", "DUALICE", "1700000000.000009", "How clear?", button, null), FORM);

    // then
    ArgumentCaptor<InboundEvent> event = ArgumentCaptor.forClass(InboundEvent.class);
    verify(core, timeout(5_000)).apply(event.capture());
    InboundEvent e = event.getValue();
    assertEquals(InboundEvent.Kind.CHOICE, e.kind());
    assertEquals("17", e.conversationRef());
    assertEquals("purpose#4", e.stepRef());
    assertEquals("3", e.text());
    assertTrue(e.eventId().startsWith("action:UALICE:"));
    FakeSlackApi.Call update = api.await(c -> c.method().equals("chat.update"), 1, Duration.ofSeconds(5)).get(0);
    assertEquals("1700000000.000009", update.param("ts"));
    assertTrue(update.param("blocks").contains("Your answer: 3"));
  }

  @Test
  @DisplayName("given a button or form whose value was tampered with, when it reaches the adapter, then it is acknowledged and nothing reaches the core")
  void tamperedValuesAreDropped() throws Exception {
    // given
    JsonObject button = SignedRequests.obj("action_id", BlockRenderer.CHOICE_PREFIX + "0", "block_id", "b", "type", "button",
        "value", "{not json");

    // when
    var click = slack.post(slack.blockActions("UALICE", "DUALICE", "1.1", "q", button, null), FORM);
    var form = slack.post(slack.viewSubmission("UALICE", "VX", "garbage", "text"), FORM);
    adapter.awaitIdle(Duration.ofSeconds(5));

    // then
    assertEquals(200, click.statusCode());
    assertEquals(200, form.statusCode());
    verify(core, never()).apply(any());
    assertTrue(api.calls("chat.update").isEmpty());
  }

  @Test
  @DisplayName("given a form opened from a question, when it is submitted, then the core gets a CHOICE with the typed text for that question's step")
  void formSubmissionIsChoiceWithText() throws Exception {
    // given
    String metadata = ActionRef.choice("5", "why#1", null, "en").inMessage("DUALICE", "1700000000.000001", "Why?").encode();

    // when
    slack.post(slack.viewSubmission("UALICE", "VFORM", metadata, "Because it matters"), FORM);

    // then
    ArgumentCaptor<InboundEvent> event = ArgumentCaptor.forClass(InboundEvent.class);
    verify(core, timeout(5_000)).apply(event.capture());
    assertEquals(InboundEvent.Kind.CHOICE, event.getValue().kind());
    assertEquals("why#1", event.getValue().stepRef());
    assertEquals("Because it matters", event.getValue().text());
    assertEquals("view:VFORM", event.getValue().eventId());
    FakeSlackApi.Call update = api.await(c -> c.method().equals("chat.update"), 1, Duration.ofSeconds(5)).get(0);
    assertEquals("DUALICE", update.param("channel"));
    assertTrue(update.param("blocks").contains("Because it matters"));
  }

  @Test
  @DisplayName("given Slack cannot describe the member, when she sends a command, then the event still reaches the core, without hints")
  void unknownProfileStillHandled() throws Exception {
    // when: UNOBODY is not known to users.info
    slack.sendCommand("UNOBODY", "DUNOBODY", "help");

    // then
    ArgumentCaptor<InboundEvent> event = ArgumentCaptor.forClass(InboundEvent.class);
    verify(core, timeout(5_000)).apply(event.capture());
    assertEquals("UNOBODY", event.getValue().member());
    assertNull(event.getValue().hints().locale());
  }
}
