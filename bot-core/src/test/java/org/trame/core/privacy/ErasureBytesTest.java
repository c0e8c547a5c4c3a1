package org.trame.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.MutableClock;
import org.trame.core.TestBot;

/**
 * Erasure and "not kept" down to the bytes of the SQLite file: what a copy of the database, its
 * write-ahead log and its shared-memory index would give to whoever reads them raw (free pages, old
 * log frames), not only what a query returns.
 */
class ErasureBytesTest {

  @TempDir
  Path dir;

  private static String random(String prefix) {
    byte[] b = new byte[8];
    ThreadLocalRandom.current().nextBytes(b);
    return prefix + HexFormat.of().formatHex(b);
  }

  @Test
  @DisplayName("after mydata forget, and a check-in remark declined, neither the texts nor the member's id are in the bytes of the database, its log or its index")
  void forgottenAndDeclinedAreGoneFromTheBytes() throws Exception {
    // given a member who wrote a private stakes answer and a private conflict description, and bob, who wrote a check-in remark and declined to let it be shown
    String member = random("mbr");
    String stakesMarker = random("ZQXMARKER-stakes-");
    String conflictMarker = random("ZQXMARKER-conflict-");
    String remarkMarker = random("ZQXMARKER-remark-");
    Path db = dir.resolve("trame.db");
    TestBot bot = new TestBot(db, new MutableClock(Instant.parse("2026-03-02T09:00:00Z")), "carol");
    try {
      for (String m : List.of("carol", member, "bob")) {
        bot.command(m, "lang en");
      }
      PrivacyScenario.stakes(bot, member, "We came because " + stakesMarker, "Visibility for our advocacy work",
          "Never any money from weapon makers", "1");
      bot.command("carol", "checkin now");
      for (String line : List.of("4", "3", "2", "4", "I think " + remarkMarker)) {
        bot.say("bob", line);
      }
      // (checked before the answer too: a later checkpoint could hide that it was written)
      assertEquals(List.of(), filesHolding(db, remarkMarker), "a remark waiting for consent was written in plain text");
      bot.say("bob", "no");
      assertEquals(List.of(), filesHolding(db, remarkMarker), "a declined remark was written");
      bot.command("carol", "checkin close");
      bot.command("carol", "conflict @" + member + " @bob Sharing the van");
      for (String line : List.of("yes", "They keep the van every week, " + conflictMarker, "2")) {
        bot.say(member, line);
      }
      PrivacyScenario.delivered(bot);
      assertFalse(PrivacyScenario.cellsHolding(bot, stakesMarker).isEmpty(), "the scenario did not store the stakes answer");
      assertFalse(PrivacyScenario.cellsHolding(bot, conflictMarker).isEmpty(), "the scenario did not store the description");

      // when the member asks to forget and confirms
      bot.command(member, "mydata forget");
      assertTrue(TestBot.joined(bot.say(member, "yes")).contains("your data is erased"));
      PrivacyScenario.delivered(bot);

      // then, while the bot still runs, no file of the database holds any of the three texts
      for (String marker : List.of(stakesMarker, conflictMarker, remarkMarker)) {
        assertEquals(List.of(), filesHolding(db, marker), "still in the bytes while running: " + marker);
      }
    } finally {
      bot.close();
    }
    // and once it stopped, neither the texts nor the member's id
    for (String needle : List.of(stakesMarker, conflictMarker, remarkMarker, member)) {
      assertEquals(List.of(), filesHolding(db, needle), "still in the bytes: " + needle);
    }
  }

  /** The files of the database (itself, -wal, -shm) whose raw bytes hold {@code needle} in UTF-8 or UTF-16. */
  static List<String> filesHolding(Path db, String needle) throws Exception {
    List<String> found = new ArrayList<>();
    for (String suffix : List.of("", "-wal", "-shm")) {
      Path f = db.resolveSibling(db.getFileName() + suffix);
      if (!Files.exists(f)) {
        continue;
      }
      byte[] bytes = Files.readAllBytes(f);
      for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
        if (indexOf(bytes, needle.getBytes(cs)) >= 0) {
          found.add(f.getFileName() + " (" + cs + ")");
        }
      }
    }
    return found;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
