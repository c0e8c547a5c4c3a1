package org.trame.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Projects, the ethics grid and the right of withdrawal from a project, through the built jar. */
class ProjectEthicsIT {

  @TempDir
  Path dir;

  @Test
  @DisplayName("the project transcript: a black ball blocks, the channel reads counts without names, gus leaves the project with approved words")
  void projectTranscript() throws Exception {
    JarProcess bot = new JarProcess(Map.of("TRAME_DB", dir.resolve("trame.db").toString(), "TRAME_COORDINATORS", "carol"));
    bot.write(Files.readAllBytes(Path.of("..", "data", "transcripts", "project-ethics.txt")));
    assertEquals(0, bot.finish(), String.join("\n", bot.err));
    String all = String.join("\n", bot.out);

    // hana (French) was told the criteria in French when she joined
    assertTrue(all.contains("→ hana: 2. Interlocuteurs : les personnes et organisations impliquées"), all);
    // the verdict reaches the channel: blocked, counts per criterion, gus's shared feeling without his name
    List<String> channel = bot.out.stream().filter(l -> l.startsWith("# local: ")).toList();
    assertTrue(channel.contains("# local: 3 of 3 answered."), all);
    assertTrue(channel.stream().anyMatch(l -> l.startsWith("# local: Blocked: at least one black ball.")), all);
    assertTrue(channel.stream().anyMatch(l -> l.startsWith("# local: • Instrumentalisation:") && l.endsWith("— 2 ok, 1 black ball, 0 don't know")), all);
    assertTrue(channel.contains("# local: • \"I fear their sponsorship is mainly about their image.\""), all);
    assertFalse(channel.stream().anyMatch(l -> l.contains("gus") || l.contains("hana") || l.contains("ivo")), all);
    // gus leaves the project; hana and ivo read his words, and he is still in the collective's project list count
    assertTrue(all.contains("→ hana: gus withdraws from project \"Food bank\"."), all);
    assertTrue(all.contains("→ ivo: In their words: \"I stay around for everything else, good luck\""), all);
    assertTrue(all.contains("→ carol: • Food bank — 2 members"), all);
    // carol's audit holds the coordinator actions
    String audit = all.substring(all.lastIndexOf("→ carol: The collective's log"));
    assertTrue(audit.contains("carol — ethics add") && audit.contains("carol — project create") && audit.contains("carol — ethics"), audit);
  }
}
