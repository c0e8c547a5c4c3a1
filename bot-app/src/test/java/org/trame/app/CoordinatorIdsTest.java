package org.trame.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** On Slack and Discord, TRAME_COORDINATORS holds platform ids: a name there stops the start with one line. */
class CoordinatorIdsTest {

  @TempDir
  Path dir;

  private record Run(int code, String err) {}

  private Run start(Map<String, String> env) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new CommandLine(new Main(env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8))).execute();
    return new Run(code, err.toString(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("a display name in TRAME_COORDINATORS with Slack configured stops the bot with one line naming it")
  void slackRefusesNames() {
    Run run = start(Map.of("SLACK_BOT_TOKEN", "xoxb-test", "SLACK_SIGNING_SECRET", "s", "TRAME_COORDINATORS", "U0123ABCD,carol",
        "TRAME_DB", dir.resolve("t.db").toString(), "TRAME_SLACK_PORT", "0"));
    assertEquals(Main.STARTUP_FAILED, run.code(), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().contains("TRAME_COORDINATORS must list Slack user ids") && run.err().contains("'carol'")
        && !run.err().contains("U0123ABCD"), run.err());
  }

  @Test
  @DisplayName("with Discord configured, a Slack id or a name is refused, a snowflake accepted")
  void discordWantsSnowflakes() {
    Run run = start(Map.of("DISCORD_TOKEN", "t", "TRAME_COORDINATORS", "123456789012345678,U0123ABCD",
        "TRAME_DB", dir.resolve("t.db").toString()));
    assertEquals(Main.STARTUP_FAILED, run.code(), run.err());
    assertTrue(run.err().contains("Discord user ids") && run.err().contains("'U0123ABCD'")
        && !run.err().contains("'123456789012345678'"), run.err());
  }

  @Test
  @DisplayName("ids of either platform pass when both run; the terminal keeps names")
  void idsPass() {
    CoordinatorIds.check(java.util.Set.of("U0123ABCD", "123456789012345678"), true, true);
    CoordinatorIds.check(java.util.Set.of("carol"), false, false);
  }
}
