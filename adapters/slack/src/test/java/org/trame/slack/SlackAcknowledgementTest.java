package org.trame.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;

@DisplayName("Slack: a delivery is acknowledged once the core committed it, or early when the commit is late, and refused when it failed")
class SlackAcknowledgementTest {

  private static final String JSON = "application/json";
  private static final String FORM = "application/x-www-form-urlencoded";

  @TempDir
  static Path dir;
  private static Texts texts;
  private FakeSlackApi api;
  private SlackAdapter adapter;
  private SignedRequests slack;
  /** Each event the core got, with the future the test completes as the core would on commit. */
  private final LinkedBlockingQueue<CompletableFuture<Handled>> commits = new LinkedBlockingQueue<>();
  private final CountDownLatch reached = new CountDownLatch(1);

  @BeforeAll
  static void loadTexts() {
    try (Trame core = Trame.start(new TrameConfig(dir.resolve("t.db"), null, java.util.Set.of(), Lang.EN,
        java.time.Clock.systemUTC()), List.of())) {
      texts = core.texts();
    }
  }

  @BeforeEach
  void startApi() throws Exception {
    api = new FakeSlackApi();
    api.user("UALICE", "alice", "en-US", "Europe/Paris", false);
  }

  /** The adapter in front of a core whose commits the test controls; {@code ackWait} is how long Slack may be kept waiting. */
  private void start(Duration ackWait, boolean failing) throws Exception {
    SlackSettings settings = SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-test",
        "SLACK_SIGNING_SECRET", SignedRequests.SECRET, "TRAME_SLACK_PORT", "0", "TRAME_SLACK_API_URL", api.url())).orElseThrow();
    adapter = SlackAdapter.start(new SlackMessenger(settings), texts, (InboundEvent e) -> {
      reached.countDown();
      if (failing) {
        return CompletableFuture.failedFuture(new IllegalStateException("the database is unreachable"));
      }
      CompletableFuture<Handled> commit = new CompletableFuture<>();
      commits.add(commit);
      return commit;
    }, (team, user, lang) -> CompletableFuture.completedFuture(""), ackWait);
    slack = new SignedRequests(adapter.port());
  }

  @AfterEach
  void stop() throws Exception {
    // nothing may stay waiting on a commit that will never come
    commits.forEach(c -> c.complete(Handled.duplicate()));
    if (adapter != null) {
      adapter.close();
    }
    api.close();
  }

  @Test
  @DisplayName("given the core has not committed a DM yet, when Slack waits for its answer, then the 200 comes only once the commit is done")
  void answeredAfterTheCommit() throws Exception {
    // given: a wait far longer than this test needs, so only the commit can release the answer
    start(Duration.ofSeconds(30), false);

    // when
    var response = slack.postAsync(SignedRequests.directMessage("Ev.wait", "UALICE", "help"), JSON);
    assertTrue(reached.await(10, TimeUnit.SECONDS), "the event reached the core");
    CompletableFuture<Handled> commit = commits.poll(10, TimeUnit.SECONDS);
    Thread.sleep(300);

    // then: no answer while the event is not committed, the answer right after
    assertFalse(response.isDone(), "Slack was answered before the event was committed");
    commit.complete(new Handled(Handled.Outcome.ACCEPTED, List.of()));
    assertEquals(200, response.get(10, TimeUnit.SECONDS).statusCode());
  }

  @Test
  @DisplayName("given a commit slower than the wait, when a member clicks, then Slack is answered 200 in time and the answer is still applied afterwards")
  void lateCommitIsAnsweredEarly() throws Exception {
    // given: a short wait, and a core that commits only when the test says
    start(Duration.ofMillis(300), false);
    JsonObject button = SignedRequests.obj("action_id", BlockRenderer.CHOICE_PREFIX + "0", "block_id", "b", "type", "button",
        "value", ActionRef.choice("17", "purpose#4", "3", "en").encode());
    button.add("text", SignedRequests.obj("type", "plain_text", "text", "3"));

    // when
    long start = System.nanoTime();
    var response = slack.post(slack.blockActions("UALICE", "DUALICE", "1700000000.000009", "How clear?", button, null), FORM);
    long waitedMillis = (System.nanoTime() - start) / 1_000_000;
    CompletableFuture<Handled> commit = commits.poll(10, TimeUnit.SECONDS);

    // then: answered while the commit is still pending, within Slack's 3 seconds (a wide margin on a busy machine)
    assertEquals(200, response.statusCode());
    assertFalse(commit.isDone(), "answered without waiting for the commit");
    assertTrue(waitedMillis < 2_900, "answered in " + waitedMillis + " ms");
    assertTrue(api.calls("chat.update").isEmpty(), "not marked answered before the core has it");
    // and once committed, the click has its effect
    commit.complete(new Handled(Handled.Outcome.ACCEPTED, List.of()));
    FakeSlackApi.Call update = api.await(c -> c.method().equals("chat.update"), 1, Duration.ofSeconds(10)).get(0);
    assertTrue(update.param("blocks").contains("Your answer: 3"), update.param("blocks"));
  }

  @Test
  @DisplayName("given the core cannot save an event, when Slack delivers it, then the answer is an error, so Slack delivers it again")
  void failedCommitIsNotAcknowledged() throws Exception {
    // given
    start(Duration.ofSeconds(2), true);

    // when
    var response = slack.post(SignedRequests.directMessage("Ev.lost", "UALICE", "help"), JSON);

    // then
    assertNotEquals(200, response.statusCode());
    assertTrue(response.statusCode() >= 500, "status " + response.statusCode());
  }
}
