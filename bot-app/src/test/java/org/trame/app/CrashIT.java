package org.trame.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kill -9 in the middle of a conversation, then replay: nothing acknowledged is lost, nothing doubles. */
class CrashIT {

  @TempDir
  Path dir;

  static final List<String> DEMO = demo();

  static List<String> demo() {
    try {
      return Files.readAllLines(TranscriptIT.DEMO).stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  Map<String, String> env() {
    return Map.of("TRAME_DB", dir.resolve("trame.db").toString());
  }

  @Test
  @DisplayName("killed half-way through stakes, then replayed after restart, the flow finishes with every earlier answer kept")
  void killHalfWayThenReplay() throws Exception {
    // given the first half of the transcript, each line acknowledged by the bot's reply
    JarProcess first = new JarProcess(env());
    int half = DEMO.indexOf("alice: That our main funder backs the collective instead of us.") + 1;
    for (int i = 0; i < half; i++) {
      first.writeLine(DEMO.get(i));
    }
    first.awaitOutput("Who may see this answer?", 3);
    List<String> acknowledged = TranscriptIT.rows(dir.resolve("trame.db"),
        "SELECT step || '|' || json_extract(state, '$.awaitingSharing') FROM conversation");
    assertEquals(List.of("fear|1"), acknowledged, "the bot stands at the sharing question of 'fear'");
    // when the bot is killed with SIGKILL and the whole transcript is replayed into a new process
    first.kill();
    JarProcess second = new JarProcess(env());
    second.write(String.join("\n", DEMO).concat("\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(0, second.finish(), String.join("\n", second.err));
    // then the lines handled before the kill are skipped, the rest carry the flow to its end
    assertTrue(String.join("\n", second.err).contains("had already been handled in an earlier run"), String.join("\n", second.err));
    assertTrue(second.out.get(second.out.size() - 1).startsWith("→ alice: Saved."), String.join("\n", second.out));
    assertEquals(List.of(
            "why|We want our small association to weigh more in regional advocacy.|collective",
            "brings|Visibility, and know-how shared with bigger partners.|coordinators",
            "fear|That our main funder backs the collective instead of us.|private"),
        TranscriptIT.rows(dir.resolve("trame.db"),
            "SELECT question || '|' || answer || '|' || sharing FROM stakes_answer WHERE question IN ('why', 'brings', 'fear') ORDER BY id"));
    assertEquals(List.of("1|done"), TranscriptIT.rows(dir.resolve("trame.db"), "SELECT COUNT(*) || '|' || MAX(status) FROM conversation"));
  }

  @Test
  @DisplayName("killed at random moments while five members answer a check-in and the stakes questionnaire interleaved,"
      + " every acknowledged answer is kept once and the replay ends as a run never killed")
  void killAtRandomMoments() throws Exception {
    // given a seeded script (the seed is printed and named on failure; -Dcrash.seed=S repeats a run)
    long seed = Long.getLong("crash.seed", System.currentTimeMillis());
    // when the harness kills the bot twice at random moments, checks the file, and replays
    // then it finds nothing lost, nothing doubled, and the same final state as the reference run
    try {
      new CrashHarness(dir, seed).runs(2, System.out);
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
    }
  }
}
