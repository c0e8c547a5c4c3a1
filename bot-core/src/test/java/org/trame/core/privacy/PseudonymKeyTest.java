package org.trame.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.Trame;
import org.trame.core.TrameConfig;
import org.trame.core.i18n.Lang;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.Messenger;
import org.trame.core.port.OutboundMessage;
import org.trame.core.storage.LocalPostgres;
import org.trame.core.storage.StorageException;

/** Where the pseudonym key comes from: the operator's secret, else a file beside an SQLite database; never made up on PostgreSQL. */
class PseudonymKeyTest {

  static final String SECRET = "0123456789abcdef0123456789abcdef-operator-secret";

  @TempDir
  Path dir;

  private static Messenger quiet() {
    return new Messenger() {
      @Override
      public String platform() {
        return "console";
      }

      @Override
      public void send(OutboundMessage message) {
        // what is sent is not what this test looks at
      }
    };
  }

  private static void say(Trame trame, String member, String words) {
    trame.handle(InboundEvent.text(UUID.randomUUID().toString(), "console", "local", member, words)).join();
  }

  private static void command(Trame trame, String member, String words) {
    trame.handle(InboundEvent.command(UUID.randomUUID().toString(), "console", "local", member, words)).join();
  }

  @Test
  @DisplayName("with TRAME_PSEUDONYM_KEY set, answers are tagged under it and no key file is written beside the database")
  void secretWins() throws Exception {
    // given the operator's secret in the environment
    TrameConfig config = TrameConfig.fromEnvironment(Map.of("TRAME_DB", dir.resolve("trame.db").toString(),
        "TRAME_PSEUDONYM_KEY", SECRET, "TRAME_COORDINATORS", "carol"));
    config = new TrameConfig(config.database(), null, config.coordinators(), Lang.EN, Clock.systemUTC(), null)
        .withPseudonyms(config.pseudonyms());
    // when alice answers a check-in
    try (Trame trame = Trame.start(config, List.of(quiet()))) {
      command(trame, "alice", "lang en");
      command(trame, "carol", "checkin now");
      for (String line : List.of("4", "3", "3", "3", "skip")) {
        say(trame, "alice", line);
      }
      // then her answer's tag is the HMAC under the secret
      String tag;
      long round;
      try (Connection c = trame.read(); ResultSet rs = c.createStatement().executeQuery("SELECT author_tag, round_id FROM checkin_answer")) {
        assertTrue(rs.next());
        tag = rs.getString(1);
        round = rs.getLong(2);
      }
      assertEquals(Pseudonyms.of(SECRET).tag("console", "console:local", "alice", round), tag);
    }
    // and no key file was made
    assertFalse(Files.exists(dir.resolve("trame.db.key")));
    assertFalse(config.toString().contains(SECRET), "the configuration shows the key");
  }

  @Test
  @DisplayName("a TRAME_PSEUDONYM_KEY too short, or a TRAME_PSEUDONYM_KEY_FILE others can read, is refused with a clear line that never shows it")
  void badSecretRefused() throws Exception {
    IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
        () -> TrameConfig.fromEnvironment(Map.of("TRAME_PSEUDONYM_KEY", "tooShortSecret")));
    assertTrue(shortKey.getMessage().contains("at least 32 characters"), shortKey.getMessage());
    assertFalse(shortKey.getMessage().contains("tooShortSecret"));

    Path file = Files.writeString(dir.resolve("pseudonym.key"), SECRET);
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
      IllegalArgumentException shared = assertThrows(IllegalArgumentException.class,
          () -> TrameConfig.fromEnvironment(Map.of("TRAME_PSEUDONYM_KEY_FILE", file.toString())));
      assertTrue(shared.getMessage().contains("TRAME_PSEUDONYM_KEY_FILE") && shared.getMessage().contains("chmod 600"),
          shared.getMessage());
      assertFalse(shared.getMessage().contains(SECRET));
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
    // and the same file, owner-only, is the key
    assertEquals(Pseudonyms.of(SECRET).tag("p", "k", "m", 1),
        TrameConfig.fromEnvironment(Map.of("TRAME_PSEUDONYM_KEY_FILE", file.toString())).pseudonyms().tag("p", "k", "m", 1));
  }

  @Test
  @DisplayName("on PostgreSQL without TRAME_PSEUDONYM_KEY the bot refuses to start, naming TRAME_PSEUDONYM_KEY_FILE: each process would make up its own key")
  void postgresqlNeedsTheSecret() {
    // given a PostgreSQL database and no secret
    String url = LocalPostgres.require().newDatabase();
    TrameConfig config = new TrameConfig(dir.resolve("trame.db"), null, Set.of(), Lang.EN, Clock.systemUTC(), null)
        .onPostgresql(url, TrameConfig.DEFAULT_OUTBOX_LEASE);

    // when the bot starts, then it refuses with one line saying what to set
    StorageException refused = assertThrows(StorageException.class, () -> Trame.start(config, List.of(quiet())).close());
    assertTrue(refused.getMessage().contains("TRAME_PSEUDONYM_KEY_FILE") && refused.getMessage().contains("same"),
        refused.getMessage());
    // and no key was made up in a file either
    assertFalse(Files.exists(dir.resolve("trame.db.key")));
  }

  @Test
  @DisplayName("a database holding tagged check-in answers whose key file is missing stops the bot at start with one line naming the file to restore; no new key is made")
  void missingKeyFileStopsTheStart() throws Exception {
    // given a database where alice answered a check-in (her answer tagged under the key file beside it)
    Path db = dir.resolve("trame.db");
    TrameConfig config = new TrameConfig(db, null, Set.of("carol"), Lang.EN, Clock.systemUTC(), null);
    try (Trame trame = Trame.start(config, List.of(quiet()))) {
      command(trame, "alice", "lang en");
      command(trame, "carol", "checkin now");
      for (String line : List.of("4", "4", "4", "4", "skip")) {
        say(trame, "alice", line);
      }
    }
    Path key = dir.resolve("trame.db.key");
    assertTrue(Files.exists(key));

    // when the key file is lost and the bot starts again
    Files.delete(key);
    StorageException refused = assertThrows(StorageException.class, () -> Trame.start(config, List.of(quiet())).close());

    // then it refuses with one line naming the missing file and what to do, and makes no new key
    assertTrue(refused.getMessage().contains(key.toString()) && refused.getMessage().contains("restore"), refused.getMessage());
    assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
    assertFalse(Files.exists(key), "a new key was made up");
  }

  @Test
  @DisplayName("a new database with no tagged answer still gets its key file made at the first start")
  void newDatabaseGetsItsKey() {
    TrameConfig config = new TrameConfig(dir.resolve("fresh.db"), null, Set.of(), Lang.EN, Clock.systemUTC(), null);
    Trame.start(config, List.of(quiet())).close();
    assertTrue(Files.exists(dir.resolve("fresh.db.key")));
  }
}
