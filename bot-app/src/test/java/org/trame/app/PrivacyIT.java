package org.trame.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Withdrawal, export and erasure through the built jar, as a terminal user would do them. */
class PrivacyIT {

  static final String REMARK = "The agenda never leaves room for the smallest partners.";

  @TempDir
  Path dir;

  @Test
  @DisplayName("the privacy transcript: felix withdraws with approved words, erin exports to an owner-only JSON file (her check-in remark in it) then erases, carol audits")
  void privacyTranscript() throws Exception {
    Path db = dir.resolve("trame.db");
    JarProcess bot = new JarProcess(Map.of("TRAME_DB", db.toString(), "TRAME_COORDINATORS", "carol"));
    bot.write(Files.readAllBytes(Path.of("..", "data", "transcripts", "privacy.txt")));
    assertEquals(0, bot.finish(), String.join("\n", bot.err));
    String all = String.join("\n", bot.out);

    // felix's approved words reach the channel, his private reason does not; his audit is refused
    List<String> channel = bot.out.stream().filter(l -> l.startsWith("# local: ")).toList();
    assertTrue(channel.contains("# local: felix withdraws from the collective: please no longer ask them for stakes rounds and"
        + " check-ins. Withdrawing is a right; the door stays open."), all);
    assertTrue(channel.contains("# local: In their words: \"Thank you for these two years together\""), all);
    assertFalse(bot.out.stream().filter(l -> !l.startsWith("→ felix: ")).anyMatch(l -> l.contains("merging")), all);
    assertTrue(all.contains("→ felix: Only coordinators can run \"audit\"."), all);

    // erin's export is a readable JSON file that only she can read
    String fileLine = bot.out.stream().filter(l -> l.startsWith("→ erin: [mydata.json] ")).findFirst()
        .orElseThrow(() -> new AssertionError(all));
    Path file = Path.of(fileLine.substring(fileLine.indexOf("] ") + 2).strip());
    String json = Files.readString(file);
    assertTrue(json.contains("\"time_zone\" : \"Europe/Paris\""), json);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertTrue(json.contains("\"remark\" : \"" + REMARK + "\""), json);
    // found through her tag, whose key the jar keeps beside the database, owner-only
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("trame.db.key"))));

    // after her erasure, no cell of the database names her; carol's audit shows the refusal and the settings change
    assertTrue(all.contains("→ erin: Done: your data is erased."), all);
    assertEquals(List.of(), cellsHolding(db, "erin"));
    assertEquals(List.of(), cellsHolding(db, REMARK));
    String audit = all.substring(all.lastIndexOf("→ carol: The collective's log"));
    assertTrue(audit.contains("carol — privacy retention (6)") && audit.contains("felix — audit") && audit.contains("refused"), audit);
  }

  private static List<String> cellsHolding(Path db, String needle) throws Exception {
    List<String> found = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      List<String> tables = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + t + "\"")) {
          while (rs.next()) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
              if (String.valueOf(rs.getObject(i)).contains(needle)) {
                found.add(t + "." + rs.getMetaData().getColumnName(i));
              }
            }
          }
        }
      }
    }
    return found;
  }
}
