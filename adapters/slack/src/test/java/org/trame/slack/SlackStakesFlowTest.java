package org.trame.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

@DisplayName("Slack: the stakes flow end to end through the real Bolt app, on loopback")
class SlackStakesFlowTest {

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

  @Test
  @DisplayName("given a member in Slack, when she runs /trame stakes and answers with buttons, forms and DMs, then every question comes to her DM and her answers are saved")
  void wholeStakesFlow() throws Exception {
    // when: the command, typed in a channel
    var ack = s.slack.sendCommand(ALICE, "CPROJECT", "stakes");
    assertEquals(200, ack.statusCode());

    int answered = 0;
    int clicks = 0;
    int forms = 0;
    int typed = 0;
    boolean saved = false;
    for (int round = 0; round < 40 && !saved; round++) {
      int questionsSoFar = answered;
      List<FakeSlackApi.Call> questions = s.api.await(c -> c.method().equals("chat.postMessage") && DM.equals(c.param("channel"))
          && !LoopbackSlack.elements(c).isEmpty(), questionsSoFar + 1, WAIT);
      FakeSlackApi.Call question = questions.get(questionsSoFar);
      List<JsonObject> elements = LoopbackSlack.elements(question);
      String first = elements.get(0).get("action_id").getAsString();
      if (first.equals(BlockRenderer.OPEN_FORM)) {
        if (typed <= forms) {
          // a free-text answer typed in the DM
          typed++;
          s.slack.post(SignedRequests.directMessage("Ev.typed." + typed, ALICE, "I am here to learn, answer " + typed),
              "application/json");
        } else {
          // a free-text answer through the form its button opens
          forms++;
          int formsBefore = s.api.calls("views.open").size();
          s.slack.post(s.slack.blockActions(ALICE, DM, question.ts(), question.param("text"), elements.get(0), null),
              "application/x-www-form-urlencoded");
          FakeSlackApi.Call open = s.api.await(c -> c.method().equals("views.open"), formsBefore + 1, WAIT).get(formsBefore);
          JsonObject view = open.json("view").getAsJsonObject();
          assertEquals(BlockRenderer.FORM_CALLBACK, view.get("callback_id").getAsString());
          var submitted = s.slack.post(s.slack.viewSubmission(ALICE, "VFORM" + forms,
              view.get("private_metadata").getAsString(), "Because together we reach further, form " + forms),
              "application/x-www-form-urlencoded");
          assertEquals(200, submitted.statusCode());
        }
      } else if (first.equals(BlockRenderer.PICK)) {
        // multi-choice: tick the first option, then press the submit button
        JsonObject option = elements.get(0).getAsJsonArray("options").get(0).getAsJsonObject();
        JsonObject picked = new JsonObject();
        picked.addProperty("type", "checkboxes");
        picked.add("selected_options", LoopbackSlack.array(option));
        JsonObject inBlock = new JsonObject();
        inBlock.add(BlockRenderer.PICK, picked);
        JsonObject values = new JsonObject();
        values.add("b1", inBlock);
        JsonObject state = new JsonObject();
        state.add("values", values);
        s.slack.post(s.slack.blockActions(ALICE, DM, question.ts(), question.param("text"), elements.get(1), state),
            "application/x-www-form-urlencoded");
        clicks++;
      } else {
        assertTrue(first.startsWith(BlockRenderer.CHOICE_PREFIX), first);
        s.slack.post(s.slack.blockActions(ALICE, DM, question.ts(), question.param("text"), elements.get(0), null),
            "application/x-www-form-urlencoded");
        clicks++;
      }
      answered++;
      s.settle();
      saved = s.posts(DM).stream().anyMatch(p -> p.param("text").startsWith("Saved."));
    }

    // then
    assertTrue(saved, "the flow ended with its 'saved' message");
    assertTrue(typed >= 1 && forms >= 1 && clicks >= 5, "typed " + typed + ", forms " + forms + ", clicks " + clicks);
    List<FakeSlackApi.Call> updates = s.api.calls("chat.update");
    assertTrue(updates.size() >= clicks + forms, "each clicked or form-answered question was marked answered");
    assertTrue(updates.stream().allMatch(u -> u.param("blocks").contains("Your answer: ")
        && !u.param("blocks").contains("\"actions\"")), "answered questions show the answer and no buttons");
    assertTrue(s.posts("CPROJECT").isEmpty(), "nothing private went to the channel");
    assertFalse(s.api.calls("users.info").isEmpty(), "the member's Slack profile was asked for her language and time zone");
  }
}
