package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The times a coordinator reads in "conflict status" say which clock they are on. */
class ConflictStatusTimesTest {

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
  @DisplayName("a coordinator in Paris reads a step's deadline in Paris time, named; one without a zone reads it in UTC, named")
  void deadlineInTheCoordinatorsZone() {
    // given a case opened on Monday 2 March 09:00 UTC: its invitation step ends three days later
    s.command("carol", "conflict @alice @bob");
    // when a coordinator with no zone asks where it stands, then the deadline says UTC
    String utc = s.command("carol", "conflict status");
    assertTrue(utc.contains("deadline: 2026-03-05 09:00 (UTC)"), utc);
    // when the coordinator gives their zone, then the same deadline reads in Paris time
    s.command("carol", "tz Europe/Paris");
    String paris = s.command("carol", "conflict status");
    assertTrue(paris.contains("deadline: 2026-03-05 10:00 (Europe/Paris)"), paris);
  }
}
