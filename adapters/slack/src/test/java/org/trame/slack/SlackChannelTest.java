package org.trame.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.MutableClock;
import org.trame.core.i18n.Lang;
import org.trame.core.stakes.StakesMsg;

@DisplayName("Slack: the collective's channel is chosen by a coordinator, and coordinators are who Slack says now")
class SlackChannelTest {

  @TempDir
  Path dir;
  private LoopbackSlack s;

  @AfterEach
  void stop() throws Exception {
    if (s != null) {
      s.close();
    }
  }

  private String synthesisHeader() {
    return LoopbackSlack.before(s.trame.texts().template(StakesMsg.STAKES_SYNTHESIS_HEADER, Lang.FR));
  }

  @Test
  @DisplayName("given no channel configured or chosen, when the admin closes a stakes round from a channel, then the synthesis goes to him privately with how to set a channel, and nothing is posted where he typed")
  void noChannelMeansCoordinatorsPrivately() throws Exception {
    s = new LoopbackSlack(dir);
    s.slack.sendCommand("UALICE", "DUALICE", "help");
    s.slack.sendCommand("UBOB", "CPROJECT", "stakes round");
    s.settle();
    s.slack.sendCommand("UBOB", "CPROJECT", "stakes round close");
    s.settle();

    assertTrue(s.posts("CPROJECT").isEmpty(), "nothing posted where the command was typed: " + s.posts("CPROJECT"));
    String toBob = String.join("\n", s.api.calls("chat.postMessage").stream().map(c -> c.param("text")).toList());
    assertTrue(toBob.contains(synthesisHeader()) && toBob.contains("/trame channel here"), toBob);
  }

  @Test
  @DisplayName("given the admin typed \"/trame channel here\" in #project, when a member types /trame in #random, then the next synthesis still goes to #project")
  void channelHereHolds() throws Exception {
    s = new LoopbackSlack(dir);
    s.slack.sendCommand("UBOB", "CPROJECT", "channel here");
    s.settle();
    s.slack.sendCommand("UALICE", "CRANDOM", "help");
    s.slack.sendCommand("UALICE", "CRANDOM", "channel here");
    s.slack.sendCommand("UBOB", "CRANDOM", "stakes round");
    s.settle();
    s.slack.sendCommand("UBOB", "CRANDOM", "stakes round close");
    s.settle();

    List<FakeSlackApi.Call> inProject = s.posts("CPROJECT");
    assertEquals(1, inProject.size(), "one synthesis in the chosen channel");
    assertTrue(inProject.get(0).param("text").startsWith(synthesisHeader()), inProject.get(0).param("text"));
    assertTrue(s.posts("CRANDOM").isEmpty(), "nothing in #random: " + s.posts("CRANDOM"));
  }

  @Test
  @DisplayName("given an admin who opened a round, when Slack no longer lists him as admin, then a minute later the coordinators' synthesis is not delivered to him")
  void demotedAdminReceivesNothing() throws Exception {
    MutableClock clock = new MutableClock(Instant.now());
    s = new LoopbackSlack(dir, clock);
    s.slack.sendCommand("UBOB", "CPROJECT", "channel here");
    s.slack.sendCommand("UBOB", "CPROJECT", "stakes round");
    s.settle();
    int before = s.api.calls("chat.postMessage").size();

    // when Slack demotes bob and a minute passes, and a member asks the coordinators for a conflict space
    s.api.user("UBOB", "bob", "fr-FR", "Europe/Brussels", false);
    clock.advance(Duration.ofMinutes(2));
    s.slack.sendCommand("UALICE", "DUALICE", "conflict request");
    s.settle();
    s.slack.post(SignedRequests.directMessage("Ev1", "UALICE", "It is about the van with bob"), "application/json");
    s.settle();
    s.slack.post(SignedRequests.directMessage("Ev2", "UALICE", "yes"), "application/json");
    s.settle();

    // then alice's request was made, and nothing of it reaches bob
    List<FakeSlackApi.Call> after = s.api.calls("chat.postMessage").stream().skip(before).toList();
    assertTrue(after.stream().anyMatch(c -> "DUALICE".equals(c.param("channel"))), after.toString());
    List<String> toBob = after.stream().filter(c -> !"DUALICE".equals(c.param("channel"))).map(c -> c.param("text")).toList();
    assertTrue(toBob.stream().noneMatch(t -> t.contains("van")), toBob.toString());
  }
}
