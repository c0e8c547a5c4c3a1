package org.trame.slack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Msg;
import org.trame.core.stakes.StakesMsg;

@DisplayName("Slack: workspace admins and owners are coordinators")
class SlackCoordinatorTest {

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
  @DisplayName("given Alice, a member, and Bob, a French-speaking workspace admin, when each runs /trame stakes round, then only Bob opens it, in French, and Alice is invited in her DM")
  void adminsAreCoordinators() throws Exception {
    // given: Alice is known to the collective
    s.slack.sendCommand("UALICE", "CPROJECT", "help");
    s.settle();

    // when
    s.slack.sendCommand("UALICE", "CPROJECT", "stakes round");
    s.settle();
    s.slack.sendCommand("UBOB", "CPROJECT", "stakes round");
    s.settle();

    // then
    var texts = s.trame.texts();
    List<String> toAlice = s.posts("DUALICE").stream().map(p -> p.param("text")).toList();
    List<String> toBob = s.posts("DUBOB").stream().map(p -> p.param("text")).toList();
    assertTrue(toAlice.stream().anyMatch(t -> t.startsWith(LoopbackSlack.before(texts.template(Msg.NOT_A_COORDINATOR, Lang.EN)))), toAlice.toString());
    assertTrue(toBob.stream().anyMatch(t -> t.startsWith(LoopbackSlack.before(texts.template(StakesMsg.STAKES_ROUND_OPENED, Lang.FR)))), toBob.toString());
    assertTrue(toAlice.stream().anyMatch(t -> t.startsWith(LoopbackSlack.before(texts.template(StakesMsg.STAKES_ROUND_INVITE, Lang.EN)))), toAlice.toString());
  }
}
