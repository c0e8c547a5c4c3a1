package org.trame.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("a cached statement handed out again has its parameters cleared: one left unset is NULL, not the last value")
  void cachedStatementStartsCleared() throws Exception {
    Database db = Database.open(dir.resolve("s.db"));
    try (Connection c = db.connect()) {
      PreparedStatement first = Sql.prepare(c, "SELECT ?, ?");
      first.setString(1, "a");
      first.setString(2, "b");
      try (ResultSet rs = first.executeQuery()) {
        rs.next();
        assertEquals("a|b", rs.getString(1) + "|" + rs.getString(2));
      }
      PreparedStatement again = Sql.prepare(c, "SELECT ?, ?");
      assertSame(first, again, "the statement is prepared once per connection");
      again.setString(1, "c");
      try (ResultSet rs = again.executeQuery()) {
        rs.next();
        assertEquals("c", rs.getString(1));
        assertNull(rs.getString(2));
      }
    }
  }

  @Test
  @DisplayName("a savepoint rolled back undoes only what was done since it opened; the enclosing one keeps the rest")
  void savepointRollsBackOnlyItsOwnPart() throws Exception {
    Database db = Database.open(dir.resolve("s.db"));
    NamedSavepoint outer = new NamedSavepoint("job");
    NamedSavepoint inner = new NamedSavepoint("turn_start");
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      outer.open(c);
      EventLog.record(c, "kept", 1);
      inner.open(c);
      EventLog.record(c, "undone", 1);
      inner.rollback(c);
      EventLog.record(c, "after", 1);
      outer.release(c);
      outer.open(c);
      EventLog.record(c, "failed job", 1);
      outer.rollback(c);
      c.commit();
    }
    assertEquals(List.of("after", "kept"), events(db));
  }

  @Test
  @DisplayName("savepoints of the same name nest: a rollback goes back to the latest one only")
  void sameNameNests() throws Exception {
    Database db = Database.open(dir.resolve("s.db"));
    NamedSavepoint job = new NamedSavepoint("job");
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      job.open(c);
      EventLog.record(c, "outer", 1);
      job.open(c);
      EventLog.record(c, "inner", 1);
      job.rollback(c);
      job.release(c);
      c.commit();
    }
    assertEquals(List.of("outer"), events(db));
  }

  private static List<String> events(Database db) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection c = db.connectReadOnly();
        ResultSet rs = c.createStatement().executeQuery("SELECT event_id FROM inbound_event ORDER BY event_id")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }
}
