package org.trame.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.engine.Lang;
import org.trame.core.i18n.Msg;

@DisplayName("Slack: the collective's messages reach its channel")
class SlackChannelTest {

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
  @DisplayName("given no channel configured or chosen, when the admin runs and closes a stakes round from another channel, then the synthesis does not follow him there")
  void synthesisDoesNotFollowWhereTheCommandWasTyped() throws Exception {
    // given
    s.slack.sendCommand("UALICE", "DUALICE", "help");
    s.settle();
    s.slack.sendCommand("UBOB", "CPROJECT", "stakes round");
    s.settle();

    // when
    s.slack.sendCommand("UBOB", "CPROJECT", "stakes round close");
    s.settle();

    // then: typing /trame somewhere is no way to move the collective's messages there
    assertTrue(s.posts("CPROJECT").isEmpty(), "nothing posted where the command was typed: " + s.posts("CPROJECT"));
    List<FakeSlackApi.Call> inChannel = s.posts("CGENERAL");
    assertEquals(1, inChannel.size(), "one synthesis in the bot's channel");
    assertTrue(inChannel.get(0).param("text").startsWith(LoopbackSlack.before(s.trame.texts().get(Msg.STAKES_SYNTHESIS_HEADER, Lang.FR))),
        inChannel.get(0).param("text"));
  }
}
