package org.trame.core.conflict;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The times a coordinator reads in "conflict status" say which clock they are on. */
class ConflictStatusTimesTest extends ConflictSpaceTest {

  @Test
  @DisplayName("a coordinator in Paris reads a step's deadline in Paris time, named; one without a zone reads it in UTC, named")
  void deadlineInTheCoordinatorsZone() {
    // given a case opened on Monday 2 March 09:00 UTC: its invitation step ends three days later
    s.command("carol", "conflict @alice @bob");
    // when a coordinator with no zone asks where it stands, then the deadline says UTC
    String utc = s.command("carol", "conflict status");
    assertTrue(utc.contains("deadline: March 5, 2026 at 09:00 UTC"), utc);
    // when the coordinator gives their zone, then the same deadline reads in Paris time
    s.command("carol", "tz Europe/Paris");
    String paris = s.command("carol", "conflict status");
    assertTrue(paris.contains("deadline: March 5, 2026 at 10:00 Europe/Paris"), paris);
  }
}
