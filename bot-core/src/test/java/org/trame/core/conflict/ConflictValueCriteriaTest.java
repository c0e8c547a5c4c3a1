package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a party is promised before writing a criterion on the value path. */
class ConflictValueCriteriaTest {

  @TempDir
  Path dir;
  ConflictScenario s;

  @BeforeEach
  void start() {
    s = new ConflictScenario(dir, "alice", "bob");
  }

  @AfterEach
  void stop() {
    s.close();
  }

  @Test
  @DisplayName("the criterion question does not promise anonymity it cannot keep: with two parties, the other knows whose it is")
  void criterionPromiseIsHonest() throws Exception {
    // given a value path between two parties
    s.command("carol", "conflict @alice @bob Partnership with the energy company");
    s.joinAs("alice", "Taking money from this company goes against everything our association stands for.", "3");
    s.joinAs("bob", "We need the money from this partner to keep the programme running next year.", "2");
    // when alice reaches the criterion question
    s.says("alice", "yes", "For me, what matters is that we stay independent from big polluters.", "no", "1", "1", "1");
    String asked = s.to("alice");
    // then she is told that her name is not shown, and that between two parties the other will know it is hers
    assertTrue(asked.contains("Another criterion you would like to share"), asked);
    assertTrue(asked.contains("without your name") && asked.contains("between two parties, the other will know it is yours"), asked);
  }
}
