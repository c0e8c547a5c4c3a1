package org.trame.core.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

  static final String TOKEN = "xoxb-1234-5678-SuperSecretValue";

  @TempDir
  Path dir;

  private Path file(String perms) throws Exception {
    Path f = dir.resolve("token");
    Files.writeString(f, TOKEN + "\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
    return f;
  }

  @Test
  @DisplayName("a token comes from its variable, or from a file readable by its owner only, trimmed")
  void fromEnvOrOwnerOnlyFile() throws Exception {
    assertEquals(TOKEN, Secrets.read(Map.of("SLACK_BOT_TOKEN", " " + TOKEN + " "), "SLACK_BOT_TOKEN"));
    assertEquals(TOKEN, Secrets.read(Map.of("SLACK_BOT_TOKEN_FILE", file("rw-------").toString()), "SLACK_BOT_TOKEN"));
    assertEquals(TOKEN, Secrets.read(Map.of("SLACK_BOT_TOKEN_FILE", file("r--------").toString()), "SLACK_BOT_TOKEN"));
    assertNull(Secrets.read(Map.of(), "SLACK_BOT_TOKEN"));
  }

  @Test
  @DisplayName("a token file others can read is refused with a clear message that never shows the token")
  void groupReadableFileRefused() throws Exception {
    Path f = file("rw-r-----");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Secrets.read(Map.of("DISCORD_TOKEN_FILE", f.toString()), "DISCORD_TOKEN"));
    assertTrue(e.getMessage().startsWith("DISCORD_TOKEN_FILE " + f + " can be read or changed by others than its owner"), e.getMessage());
    assertTrue(e.getMessage().endsWith("chmod 600 " + f), e.getMessage());
    assertFalse(e.getMessage().contains(TOKEN));
    Path world = file("rw-r--r--");
    assertThrows(IllegalArgumentException.class, () -> Secrets.read(Map.of("DISCORD_TOKEN_FILE", world.toString()), "DISCORD_TOKEN"));
  }

  @Test
  @DisplayName("both the variable and the file, a missing file or an empty one: refused, naming the variable, not the value")
  void ambiguousOrMissing() throws Exception {
    var both = assertThrows(IllegalArgumentException.class, () -> Secrets.read(Map.of("DISCORD_TOKEN", TOKEN,
        "DISCORD_TOKEN_FILE", "/nowhere"), "DISCORD_TOKEN"));
    assertEquals("set either DISCORD_TOKEN or DISCORD_TOKEN_FILE, not both", both.getMessage());
    var missing = assertThrows(IllegalArgumentException.class, () -> Secrets.read(Map.of("DISCORD_TOKEN_FILE",
        dir.resolve("absent").toString()), "DISCORD_TOKEN"));
    assertTrue(missing.getMessage().contains("not a readable file"));
    Path empty = dir.resolve("empty");
    Files.writeString(empty, "  \n");
    Files.setPosixFilePermissions(empty, PosixFilePermissions.fromString("rw-------"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Secrets.read(Map.of("DISCORD_TOKEN_FILE", empty.toString()),
        "DISCORD_TOKEN")).getMessage().endsWith("is empty"));
  }

  @Test
  @DisplayName("a member's words show in logs only as their length, unless TRAME_LOG_TEXTS=1")
  void logTexts() {
    assertEquals("[12 characters, hidden unless TRAME_LOG_TEXTS=1]", LogTexts.shown("my red lines", false));
    assertEquals("my red lines", LogTexts.shown("my red lines", true));
  }
}
