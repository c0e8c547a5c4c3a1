package org.trame.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations only SQLite runs, on a file an earlier version of the bot left. */
class SqliteMigrationTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("an event recorded before the dedup table was re-keyed is still known as a duplicate after it")
  void dedupRecordsSurviveTheRekeying() throws Exception {
    // given a file as version 7 of the schema left it, with an event already handled
    String url = "jdbc:sqlite:" + dir.resolve("trame.db");
    Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("7").load().migrate();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("INSERT INTO inbound_event (event_id, received_at) VALUES ('slack:Ev-before', 1000)");
    }

    // when the bot opens it now
    try (Database db = Database.open(dir.resolve("trame.db").toString()); Writer writer = new Writer(db)) {
      // then the old event is a duplicate, a new one is not, and the table has no rowid any more
      assertFalse(writer.submit(c -> EventLog.record(c, "slack:Ev-before", 2_000)).join());
      assertTrue(writer.submit(c -> EventLog.record(c, "slack:Ev-after", 3_000)).join());
      try (Connection c = db.connectReadOnly(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'inbound_event'")) {
        assertTrue(rs.next());
        assertTrue(rs.getString(1).contains("WITHOUT ROWID"), rs.getString(1));
      }
      try (Connection c = db.connectReadOnly(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM inbound_event")) {
        rs.next();
        assertEquals(2, rs.getInt(1));
      }
    }
  }
}
