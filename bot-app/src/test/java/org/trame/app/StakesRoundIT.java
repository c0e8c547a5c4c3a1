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

/** A coordinator runs a stakes round in the terminal and reads a synthesis that respects every sharing choice. */
class StakesRoundIT {

  @TempDir
  Path dir;

  @Test
  @DisplayName("three members, three sharing choices: each output line goes only where its author allowed")
  void threeMemberRound() throws Exception {
    JarProcess bot = new JarProcess(Map.of("TRAME_DB", dir.resolve("trame.db").toString(), "TRAME_COORDINATORS", "carol"));
    bot.write(Files.readAllBytes(Path.of("..", "data", "transcripts", "stakes-round.txt")));
    assertEquals(0, bot.finish(), String.join("\n", bot.err));
    List<String> channel = bot.out.stream().filter(l -> l.startsWith("# local: ")).toList();
    String shared = String.join("\n", channel);
    assertTrue(shared.contains("Participation: 2 of 4 members answered."), shared);
    assertTrue(shared.contains("We want our association to weigh more in regional advocacy."), shared);
    assertTrue(shared.contains("• alice : No funding from arms makers"), shared);
    assertTrue(shared.contains("Make the region fund youth mentoring"), shared);
    assertFalse(shared.contains("bob") || shared.contains("Quietly") || shared.contains("merger"), shared);
    String toCarol = String.join("\n", bot.out.stream().filter(l -> l.startsWith("→ carol: ")).toList());
    assertTrue(toCarol.contains("Quietly hoping to take over the regional youth programme.") && toCarol.contains("• bob : No merger"), toCarol);
    // what bob kept for the coordinators never reaches alice or dan
    for (String other : List.of("alice", "dan")) {
      String theirs = String.join("\n", bot.out.stream().filter(l -> l.startsWith("→ " + other + ": ")).toList());
      assertFalse(theirs.contains("Quietly") || theirs.contains("merger"), other + " saw bob's answer:\n" + theirs);
    }
    // every line is addressed to a member or the channel
    assertTrue(bot.out.stream().allMatch(l -> l.startsWith("→ ") || l.startsWith("# local: ")), String.join("\n", bot.out));
  }
}
