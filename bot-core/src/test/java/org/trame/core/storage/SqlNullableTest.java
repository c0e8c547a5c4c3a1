package org.trame.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlNullableTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("a NULL number is read as null, never as 0, while a stored 0 stays 0")
  void nullIsNotZero() throws Exception {
    Database db = Database.open(dir.resolve("n.db").toString());
    try (Connection c = db.connect();
        // given a row holding NULL and 0
        ResultSet rs = Sql.query(c, "SELECT NULL, 0, NULL, 0").executeQuery()) {
      rs.next();
      // when read through the shared helpers; then NULL and 0 stay apart
      assertNull(Sql.longOrNull(rs, 1));
      assertEquals(0L, Sql.longOrNull(rs, 2));
      assertNull(Sql.intOrNull(rs, 3));
      assertEquals(0, Sql.intOrNull(rs, 4));
    } finally {
      db.close();
    }
  }
}
