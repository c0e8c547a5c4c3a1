package org.trame.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Slack: a typed answer closes its question, and a command always answers where it was typed")
class SlackTypedAnswerTest {

  private static final String ALICE = "UALICE";
  private static final String DM = "DUALICE";
  private static final Duration WAIT = Duration.ofSeconds(20);

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

  private FakeSlackApi.Call question(int n) throws InterruptedException {
    return s.api.await(c -> c.method().equals("chat.postMessage") && DM.equals(c.param("channel"))
        && !LoopbackSlack.elements(c).isEmpty(), n, WAIT).get(n - 1);
  }

  private List<FakeSlackApi.Call> updates(FakeSlackApi.Call question) {
    return s.api.calls("chat.update").stream().filter(u -> question.ts().equals(u.param("ts"))).toList();
  }

  private static boolean hasActions(FakeSlackApi.Call update) {
    return LoopbackSlack.elements(update).size() > 0;
  }

  @Test
  @DisplayName("given a question with buttons, when the member types the answer in the DM, then the question shows her answer and keeps no buttons, as after a click")
  void typedAnswerClosesTheQuestion() throws Exception {
    s.slack.sendCommand(ALICE, "CPROJECT", "stakes");
    FakeSlackApi.Call why = question(1);
    s.settle(); // the adapter knows the question it posted before the member types (as a person reads it first)
    s.slack.post(SignedRequests.directMessage("Ev.why", ALICE, "I am here to learn"), "application/json");
    FakeSlackApi.Call share = question(2);
    s.settle();

    s.slack.post(SignedRequests.directMessage("Ev.one", ALICE, "1"), "application/json");
    question(3);
    s.settle();

    List<FakeSlackApi.Call> shareUpdates = updates(share);
    assertEquals(1, shareUpdates.size());
    assertTrue(shareUpdates.get(0).param("blocks").contains("Your answer: 1"), shareUpdates.get(0).param("blocks"));
    assertTrue(!hasActions(shareUpdates.get(0)), "no button left to click");
    // the free-text question answered by typing too: its Answer button is gone
    List<FakeSlackApi.Call> whyUpdates = updates(why);
    assertEquals(1, whyUpdates.size());
    assertTrue(whyUpdates.get(0).param("blocks").contains("Your answer: I am here to learn"), whyUpdates.get(0).param("blocks"));
    assertTrue(!hasActions(whyUpdates.get(0)));
  }

  @Test
  @DisplayName("given a question, when the member types a conversation word (help) or an answer the core re-asks, then the question keeps its buttons")
  void wordsAndRefusalsLeaveTheQuestion() throws Exception {
    s.slack.sendCommand(ALICE, "CPROJECT", "stakes");
    question(1);
    s.slack.post(SignedRequests.directMessage("Ev.why", ALICE, "I am here to learn"), "application/json");
    FakeSlackApi.Call share = question(2);
    s.settle();

    s.slack.post(SignedRequests.directMessage("Ev.help", ALICE, "help"), "application/json");
    s.slack.post(SignedRequests.directMessage("Ev.nine", ALICE, "9"), "application/json");
    s.settle();

    assertEquals(List.of(), updates(share).stream().map(u -> u.param("blocks")).toList());
  }

  @Test
  @DisplayName("given a command with a short answer, when typed in a channel, then Slack shows her the answer itself, ephemeral, and her DM keeps it")
  void shortAnswerIsShownWhereTyped() throws Exception {
    int before = s.posts(DM).size();

    var response = s.slack.sendCommand(ALICE, "CPROJECT", "lang en");
    s.settle();

    assertEquals(200, response.statusCode());
    JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
    assertEquals("ephemeral", body.get("response_type").getAsString());
    assertEquals("Noted: I will speak English with you.", body.get("text").getAsString());
    assertEquals("Noted: I will speak English with you.", s.posts(DM).get(before).param("text"));
  }

  @Test
  @DisplayName("given a command with a long answer or a question, when typed in a channel, then Slack shows her, ephemeral, that the answer is in her DM, where it is")
  void longAnswerIsSaidToBeInTheDm() throws Exception {
    var help = s.slack.sendCommand(ALICE, "CPROJECT", "help");
    var stakes = s.slack.sendCommand(ALICE, "CPROJECT", "enjeux");
    s.settle();

    for (var response : List.of(help, stakes)) {
      JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
      assertEquals("ephemeral", body.get("response_type").getAsString());
      assertTrue(body.get("text").getAsString().equals("Answered in your direct messages with Trame.")
          || body.get("text").getAsString().equals("Réponse envoyée dans vos messages privés avec Trame."), body.toString());
    }
    assertTrue(s.posts(DM).size() >= 2, "the answers are in the DM");
  }
}
