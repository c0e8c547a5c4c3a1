package org.trame.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Slack: a question is shown answered only when the core took the answer")
class SlackStaleClickTest {

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

  /** The n-th question (a message with buttons) posted in alice's DM, waiting for it. */
  private FakeSlackApi.Call question(int n) throws InterruptedException {
    return s.api.await(c -> c.method().equals("chat.postMessage") && DM.equals(c.param("channel"))
        && !LoopbackSlack.elements(c).isEmpty(), n, WAIT).get(n - 1);
  }

  private static JsonObject button(FakeSlackApi.Call question, String label) {
    return LoopbackSlack.elements(question).stream()
        .filter(e -> e.has("text") && label.equals(e.getAsJsonObject("text").get("text").getAsString())).findFirst()
        .orElseThrow(() -> new AssertionError("no button '" + label + "' in " + question.param("blocks")));
  }

  @Test
  @DisplayName("given a member who answered the sharing question by typing 1 (Only me), when she clicks 'The whole collective' on that question, then it is not shown as that answer and she is told it is an earlier question")
  void typedThenClickedTheOldButtons() throws Exception {
    // given alice's stakes conversation, her first answer typed in the DM
    s.slack.sendCommand(ALICE, "CPROJECT", "stakes");
    question(1);
    s.slack.post(SignedRequests.directMessage("Ev.why", ALICE, "I am here to learn"), "application/json");
    FakeSlackApi.Call share = question(2);
    assertTrue(share.param("text").startsWith("Who may see this answer?"), share.param("text"));
    // and the sharing question answered by typing "1" (Only me)
    s.slack.post(SignedRequests.directMessage("Ev.one", ALICE, "1"), "application/json");
    question(3);
    s.settle();
    int postsBefore = s.posts(DM).size();

    // when she clicks "The whole collective" on the sharing question's buttons
    var clicked = s.slack.post(s.slack.blockActions(ALICE, DM, share.ts(), share.param("text"),
        button(share, "The whole collective"), null), "application/x-www-form-urlencoded");
    assertEquals(200, clicked.statusCode());
    s.settle();

    // then the click rewrites nothing: the question shows the typed answer only (it lost its buttons when she typed it)
    List<FakeSlackApi.Call> rewritten = s.api.calls("chat.update").stream().filter(u -> share.ts().equals(u.param("ts"))).toList();
    assertEquals(1, rewritten.size(), rewritten.stream().map(u -> u.param("blocks")).toList().toString());
    assertTrue(rewritten.get(0).param("blocks").contains("Your answer: 1"), rewritten.get(0).param("blocks"));
    assertTrue(rewritten.stream().noneMatch(u -> u.param("blocks").contains("The whole collective")));
    // and she reads that the button belongs to an earlier question, then the current question again
    List<FakeSlackApi.Call> replies = s.posts(DM).subList(postsBefore, s.posts(DM).size());
    assertTrue(replies.stream().anyMatch(p -> p.param("text").startsWith("That button belongs to an earlier question")),
        replies.stream().map(p -> p.param("text")).toList().toString());
  }
}
