package org.trame.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trame.core.privacy.PrivacyScenario.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.MutableClock;
import org.trame.core.TestBot;
import org.trame.core.storage.StorageException;

/**
 * Check-in answers carry their author's keyed tag for the round: the bot finds them again with the
 * key kept in a file beside the database, while the database alone links them to no one.
 */
class CheckinAuthorTagTest {

  static final String PLATFORM = TestBot.PLATFORM;
  static final String COLLECTIVE = PLATFORM + ":" + TestBot.COLLECTIVE;

  @TempDir
  Path dir;
  MutableClock clock;
  TestBot bot;
  Path database;

  @BeforeEach
  void start() {
    clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    database = dir.resolve("trame.db");
    bot = new TestBot(database, clock, CAROL);
    for (String m : List.of(ALICE, BOB, CAROL)) {
      bot.command(m, "lang en");
    }
  }

  @AfterEach
  void stop() {
    if (bot != null) {
      bot.close();
    }
  }

  private void answer(String member, int alignment, String remark) {
    for (String line : List.of(Integer.toString(alignment), "3", "3", "3", remark, "yes")) {
      bot.say(member, line);
    }
  }

  /** The key as the bot reads it: the file beside the database. */
  private Pseudonyms fileKey() throws Exception {
    return Pseudonyms.of(Files.readString(Pseudonyms.keyFile(database)));
  }

  private List<Long> rounds() throws Exception {
    return bot.rows("SELECT id FROM checkin_round ORDER BY id").stream().map(Long::valueOf).toList();
  }

  private String tagOf(long round, int alignment) throws Exception {
    return bot.rows("SELECT author_tag FROM checkin_answer WHERE round_id = ? AND alignment = ?", round, alignment).get(0);
  }

  @Test
  @DisplayName("two members' answers in one round carry different tags, one member's tags differ from round to round, and each is the HMAC under the key file")
  void tagsPerMemberAndRound() throws Exception {
    // given a round where alice and bob answer, then a second round where alice answers again
    bot.command(CAROL, "checkin now");
    answer(ALICE, 4, ALICE_REMARK);
    answer(BOB, 2, BOB_REMARK);
    bot.command(CAROL, "checkin close");
    clock.advance(Duration.ofMinutes(1));
    bot.command(CAROL, "checkin now");
    answer(ALICE, 5, "A second remark, for the second round");

    // when the tags are read
    List<Long> rounds = rounds();
    assertEquals(2, rounds.size());
    String aliceFirst = tagOf(rounds.get(0), 4);
    String bobFirst = tagOf(rounds.get(0), 2);
    String aliceSecond = tagOf(rounds.get(1), 5);

    // then they are all different: neither members nor one member's rounds can be matched without the key
    assertNotEquals(aliceFirst, bobFirst);
    assertNotEquals(aliceFirst, aliceSecond);
    assertTrue(aliceFirst.matches("[0-9a-f]{64}"), aliceFirst);
    // and the key file re-creates each of them, and no other member's
    Pseudonyms key = fileKey();
    assertEquals(aliceFirst, key.tag(PLATFORM, COLLECTIVE, ALICE, rounds.get(0)));
    assertEquals(bobFirst, key.tag(PLATFORM, COLLECTIVE, BOB, rounds.get(0)));
    assertEquals(aliceSecond, key.tag(PLATFORM, COLLECTIVE, ALICE, rounds.get(1)));
    assertNotEquals(aliceFirst, key.tag(PLATFORM, COLLECTIVE, CAROL, rounds.get(0)));
  }

  @Test
  @DisplayName("the key file is created beside the database, readable by its owner only, and reused after a restart: forget still finds a remark written before it")
  void keyFileOwnerOnlyAndReused() throws Exception {
    // given a fresh bot: its key file sits beside the database, owner-only
    Path keyFile = dir.resolve("trame.db.key");
    assertTrue(Files.isRegularFile(keyFile));
    if (Files.getFileStore(keyFile).supportsFileAttributeView("posix")) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
    }
    String key = Files.readString(keyFile);
    assertTrue(key.strip().matches("[0-9a-f]{64}"), "32 random bytes, in hex");
    // and alice answers a check-in with a remark she lets the report show
    bot.command(CAROL, "checkin now");
    answer(ALICE, 4, ALICE_REMARK);

    // when the bot restarts, then alice asks to forget and confirms
    bot.restart();
    assertEquals(key, Files.readString(keyFile), "the key is kept, not made anew");
    bot.command(ALICE, "mydata forget");
    bot.say(ALICE, "yes");
    delivered(bot);

    // then her remark is gone, her scores stay, and nothing links them to her
    assertEquals(List.of(), cellsHolding(bot, ALICE_REMARK));
    assertEquals(List.of("4|null|null"), bot.rows("SELECT alignment, remark, author_tag FROM checkin_answer"));
  }

  @Test
  @DisplayName("a key file others can read, or an empty one, is refused at start with one clear line naming the file and what to do, never the key")
  void sharedOrDamagedKeyFileRefused() throws Exception {
    Path keyFile = Pseudonyms.keyFile(database);
    String key = Files.readString(keyFile).strip();
    bot.close();
    bot = null;
    if (Files.getFileStore(keyFile).supportsFileAttributeView("posix")) {
      // given the key file was made readable by everyone
      Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

      // when the bot starts, then it refuses, saying which file and how to fix it
      StorageException refused = assertThrows(StorageException.class, () -> new TestBot(database, clock, CAROL));
      assertTrue(refused.getMessage().contains(keyFile.toString()) && refused.getMessage().contains("chmod 600"),
          refused.getMessage());
      assertFalse(refused.getMessage().contains(key), "the message shows the key");
      assertFalse(refused.getMessage().contains("\n"), "one line");
      assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)), "left as found");
      Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    }
    // and an emptied key file is not silently replaced: answers tagged under the old key would be lost
    Files.writeString(keyFile, "");
    StorageException damaged = assertThrows(StorageException.class, () -> new TestBot(database, clock, CAROL));
    assertTrue(damaged.getMessage().contains("empty or damaged"), damaged.getMessage());
    assertEquals("", Files.readString(keyFile));
  }

  @Test
  @DisplayName("the database alone holds nothing equal to the member's id or a plain hash of it, and a tag under another key does not match")
  void databaseAloneLinksNoOne() throws Exception {
    // given alice answered a check-in with a remark
    bot.command(CAROL, "checkin now");
    answer(ALICE, 4, ALICE_REMARK);
    long round = rounds().get(0);
    String tag = tagOf(round, 4);

    // then her answer row holds neither her id nor any plain hash of what the tag is made of
    assertEquals(List.of(), bot.rows("SELECT id FROM checkin_answer WHERE author_tag LIKE ? OR remark LIKE ?", "%" + ALICE + "%",
        "%" + ALICE + "%"));
    for (String plain : List.of(ALICE, PLATFORM + COLLECTIVE + ALICE + round, PLATFORM + ":" + COLLECTIVE + ":" + ALICE + ":" + round,
        COLLECTIVE + ":" + ALICE, ALICE + ":" + round)) {
      for (String hashed : hashes(plain)) {
        assertEquals(List.of(), cellsHolding(bot, hashed), "a plain hash of '" + plain + "' is stored");
      }
    }
    // and the same computation under another key gives another tag: the key, kept outside the database, is what links
    Pseudonyms other = Pseudonyms.of("another key, of the right length but not this bot's");
    assertNotEquals(tag, other.tag(PLATFORM, COLLECTIVE, ALICE, round));
    assertEquals(tag, fileKey().tag(PLATFORM, COLLECTIVE, ALICE, round));
    assertEquals(List.of(), cellsHolding(bot, Files.readString(Pseudonyms.keyFile(database)).strip()), "the key is in the database");
  }

  /** SHA-256 and SHA-1 of a text, in lower and upper hex and in base64. */
  private static List<String> hashes(String plain) throws Exception {
    List<String> out = new ArrayList<>();
    for (String algorithm : List.of("SHA-256", "SHA-1")) {
      byte[] d = MessageDigest.getInstance(algorithm).digest(plain.getBytes(StandardCharsets.UTF_8));
      out.add(HexFormat.of().formatHex(d));
      out.add(HexFormat.of().withUpperCase().formatHex(d));
      out.add(Base64.getEncoder().encodeToString(d));
    }
    return out;
  }
}
