package org.trame.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.Trame;
import org.trame.core.TrameConfig;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Texts;
import org.trame.core.port.Attachment;
import org.trame.core.port.Audience;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.Mentions;
import org.trame.core.port.OutboundMessage;
import org.trame.core.port.OutboundMessage.Expects;

@DisplayName("Slack: a member's words reach Slack escaped, so they can neither ping, link nor format as the bot")
class SlackEscapingTest {

  private static final String FORM = "application/x-www-form-urlencoded";
  /** What a member may write to make the bot ping everyone and post a disguised link. */
  private static final String HOSTILE = "<!channel> <https://evil.example|the minutes> & co";
  /** The same words as Slack must receive them in a mrkdwn field. */
  private static final String ESCAPED = "&lt;!channel&gt; &lt;https://evil.example|the minutes&gt; &amp; co";

  @TempDir
  static Path dir;
  private static Texts texts;
  private FakeSlackApi api;
  private SlackMessenger messenger;
  private SlackAdapter adapter;
  private SignedRequests slack;

  @BeforeAll
  static void loadTexts() {
    try (Trame core = Trame.start(new TrameConfig(dir.resolve("t.db"), null, java.util.Set.of(), Lang.EN,
        java.time.Clock.systemUTC()), List.of())) {
      texts = core.texts();
    }
  }

  @BeforeEach
  @SuppressWarnings("unchecked")
  void start() throws Exception {
    api = new FakeSlackApi();
    api.user("UALICE", "alice", "en-US", "Europe/Paris", false);
    SlackSettings settings = SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-test",
        "SLACK_SIGNING_SECRET", SignedRequests.SECRET, "TRAME_SLACK_PORT", "0", "TRAME_SLACK_API_URL", api.url(),
        "TRAME_SLACK_CHANNEL", "CTEAM")).orElseThrow();
    Function<InboundEvent, CompletableFuture<Handled>> core = mock(Function.class);
    when(core.apply(any())).thenReturn(CompletableFuture.completedFuture(new Handled(Handled.Outcome.ACCEPTED, List.of())));
    messenger = new SlackMessenger(settings);
    // App Home shows what the core says of the member, which holds what she shared.
    adapter = SlackAdapter.start(messenger, texts, core,
        (team, user, lang) -> CompletableFuture.completedFuture("You shared: " + HOSTILE));
    slack = new SignedRequests(adapter.port());
  }

  @AfterEach
  void stop() throws Exception {
    adapter.close();
    api.close();
  }

  private static OutboundMessage toChannel(long id, String text, Attachment image) {
    return new OutboundMessage(id, "slack", FakeSlackApi.TEAM, Audience.channel("CTEAM"), text, Expects.NOTHING, List.of(),
        null, null, "en", image);
  }

  /** Every text object of a block list, as JSON. */
  private static List<JsonObject> textObjects(JsonElement blocks) {
    List<JsonObject> found = new ArrayList<>();
    for (JsonElement b : blocks.getAsJsonArray()) {
      JsonObject block = b.getAsJsonObject();
      if (block.has("text")) {
        found.add(block.getAsJsonObject("text"));
      }
      if (block.has("elements")) {
        for (JsonElement e : block.getAsJsonArray("elements")) {
          if (e.getAsJsonObject().has("type") && e.getAsJsonObject().has("text")
              && e.getAsJsonObject().get("text").isJsonPrimitive()) {
            found.add(e.getAsJsonObject());
          }
        }
      }
    }
    return found;
  }

  @Test
  @DisplayName("given a synthesis quoting a member's <!channel> and disguised link, when posted, then text and blocks carry them escaped, as mrkdwn, and the bot's own mention of a member is a real one")
  void postedTextIsEscaped() throws Exception {
    // given: a member's words and a member the bot names
    String synthesis = "Shared: " + HOSTILE + " (from " + Mentions.of("UBOB") + ")";

    // when
    messenger.send(toChannel(1, synthesis, null));

    // then
    FakeSlackApi.Call post = api.calls("chat.postMessage").get(0);
    String expected = "Shared: " + ESCAPED + " (from <@UBOB>)";
    assertEquals(expected, post.param("text"));
    List<JsonObject> sections = textObjects(post.json("blocks"));
    assertEquals(1, sections.size());
    assertEquals("mrkdwn", sections.get(0).get("type").getAsString());
    assertEquals(expected, sections.get(0).get("text").getAsString());
    assertTrue(sections.get(0).get("verbatim").getAsBoolean(), "Slack guesses no links nor mentions in it");
  }

  @Test
  @DisplayName("given a check-in report whose anonymous remark is <!channel> and a disguised link, when the chart is posted, then its comment carries them escaped")
  void reportCommentIsEscaped() throws Exception {
    // given
    byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};

    // when
    messenger.send(toChannel(2, "Remarks:\n" + HOSTILE, Attachment.png("trend.png", png)));

    // then
    FakeSlackApi.Call complete = api.await(c -> c.method().equals("files.completeUploadExternal"), 1, Duration.ofSeconds(5))
        .get(0);
    assertEquals("Remarks:\n" + ESCAPED, complete.param("initial_comment"));
  }

  @Test
  @DisplayName("given a question whose posted text Slack gives back escaped, when the member answers it by a form with <!here> & co, then the update shows the question escaped once and the answer escaped")
  void answeredQuestionIsEscapedOnce() throws Exception {
    // given: the question as Slack holds it (escaped when it was posted)
    String question = "Why &lt;really&gt; here &amp; now?";
    String metadata = ActionRef.choice("5", "why#1", null, "en").inMessage("DUALICE", "1700000000.000001", question).encode();

    // when
    slack.post(slack.viewSubmission("UALICE", "VFORM", metadata, "<!here> & co"), FORM);

    // then
    FakeSlackApi.Call update = api.await(c -> c.method().equals("chat.update"), 1, Duration.ofSeconds(5)).get(0);
    assertEquals(question, update.param("text"), "the question is not escaped a second time");
    List<JsonObject> shown = textObjects(update.json("blocks"));
    assertEquals(question, shown.get(0).get("text").getAsString());
    JsonObject answer = shown.get(shown.size() - 1);
    assertEquals("mrkdwn", answer.get("type").getAsString());
    assertTrue(answer.get("text").getAsString().endsWith("&lt;!here&gt; &amp; co"), answer.toString());
    assertFalse(update.params().toString().contains("&amp;lt;"), "nothing escaped twice: " + update.params());
  }

  @Test
  @DisplayName("given App Home shows what a member shared, when she opens it, then her words are escaped there too")
  void appHomeIsEscaped() throws Exception {
    // given
    JsonObject opened = SignedRequests.obj("type", "app_home_opened", "user", "UALICE", "channel", "DUALICE", "tab", "home",
        "event_ts", "1.3");

    // when
    slack.post(SignedRequests.callback("Ev.home", opened), "application/json");

    // then
    FakeSlackApi.Call publish = api.await(c -> c.method().equals("views.publish"), 1, Duration.ofSeconds(10)).get(0);
    JsonArray blocks = publish.json("view").getAsJsonObject().getAsJsonArray("blocks");
    assertEquals("You shared: " + ESCAPED, textObjects(blocks).get(0).get("text").getAsString());
  }

  @Test
  @DisplayName("given a line of ampersands too long for one section, when split, then no section ends inside an escape and nothing is lost")
  void splitKeepsEscapesWhole() {
    // given: 4,000 '&' are 20,000 characters once escaped; the 'x' puts a cut at 3,000 inside one
    String text = BlockRenderer.mrkdwn("x" + "&".repeat(4_000));

    // when
    List<LayoutBlock> blocks = BlockRenderer.sections(text);

    // then
    StringBuilder back = new StringBuilder();
    for (LayoutBlock b : blocks) {
      String t = ((SectionBlock) b).getText().getText();
      assertTrue(t.length() <= 3_000, "section of " + t.length());
      assertTrue(t.replace("&amp;", "").replace("x", "").isEmpty(), "a section split an escape: …" + t.substring(Math.max(0, t.length() - 8)));
      back.append(t);
    }
    assertEquals(text, back.toString());
  }

  @Test
  @DisplayName("given a mention token holding something else than a Slack user id, when rendered, then it is shown as escaped text, not as markup")
  void oddMentionIsText() {
    // when
    String shown = BlockRenderer.mrkdwn("by " + Mentions.of("x><!channel") + " and " + Mentions.of("W0CAROL"));

    // then
    assertEquals("by @x&gt;&lt;!channel and <@W0CAROL>", shown);
  }
}
