package org.trame.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database holds members' words: its files are the owner's alone, like the pseudonym key beside them. */
class SqliteFilePermissionsTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("a new SQLite database, its write-ahead log and its shared-memory index are readable and writable by their owner only")
  void ownerOnly() throws Exception {
    assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX permissions only");
    // given a new database, open and written to (so that its -wal and -shm exist)
    Path file = dir.resolve("trame.db");
    try (Database db = Database.open(file); Connection c = db.connect(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO inbound_event (event_id, received_at) VALUES ('console:e1', 1)");

      // then the three files are rw------- whatever the process's umask allows
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Path f = dir.resolve("trame.db" + suffix);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
      }
    }
  }
}
