package org.trame.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundPayloadTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("a round job stored by an earlier version, written by hand as {\"round\":n}, is still cancelled by its round")
  void storedRoundJobIsCancelledByItsRound() throws Exception {
    Database db = Database.open(dir.resolve("r.db").toString());
    try (Connection c = db.connect()) {
      // given a reminder job stored in the hand-written form of earlier versions
      Members.arrive(c, "console:test", "console", "test", "alice", "alice", false, false, 1_000);
      Jobs.schedule(c, "console:test", "stakes.remind", 10_000, "{\"round\":42}", 1_000);
      // when the round's jobs are cancelled with the shared payload
      Jobs.cancel(c, "console:test", "stakes.remind", Jobs.roundPayload(42), 2_000);
      // then the job never comes due
      assertEquals(List.of(), Jobs.due(c, 99_999, 10));
    } finally {
      db.close();
    }
  }

  @Test
  @DisplayName("the round is read from a stakes payload and from a check-in payload that also names a zone group")
  void roundIsReadFromEitherFeaturesPayload() {
    // given the payloads the two features store; when read; then the round comes out of both
    assertEquals(7, Jobs.roundOf("{\"round\":7}"));
    assertEquals(12, Jobs.roundOf("{\"round\":12,\"zone\":\"Europe/Paris\"}"));
    assertEquals(12, Jobs.roundOf(Jobs.roundPayload(12)));
  }
}
