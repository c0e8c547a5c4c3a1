package org.trame.core.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.TestBot;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;
import org.trame.core.storage.StorageException;

/** When the disk fills up or the file turns read-only: a clear error, nothing half-written, and recovery once fixed. */
class StorageFaultTest {

  @TempDir
  Path dir;

  /** What alice has committed: her conversation's step and answers, her events, her messages. */
  static List<String> traces(TestBot bot) throws Exception {
    List<String> rows = new java.util.ArrayList<>(bot.rows("SELECT step || '|' || state FROM conversation WHERE member_id = 'alice'"));
    rows.addAll(bot.rows("SELECT COUNT(*) FROM inbound_event"));
    rows.addAll(bot.rows("SELECT COUNT(*) FROM outbox"));
    return rows;
  }

  @Test
  @DisplayName("with the disk full, an answer is refused with an operator's message saying so and leaves no trace; sent again once there is room, it is applied at the right step")
  void diskFull() throws Exception {
    try (TestBot bot = new TestBot(dir.resolve("trame.db"))) {
      // given alice at the second question of the stakes questionnaire
      bot.command("alice", "lang en");
      bot.command("alice", "stakes");
      bot.say("alice", "To meet other organisations like ours.");
      bot.say("alice", "1");
      List<String> before = traces(bot);
      // when the disk is full: SQLite may not grow the file, and the free space in it is taken (a real SQLITE_FULL)
      fillDisk(bot);
      InboundEvent answer = InboundEvent.text("full-1", TestBot.PLATFORM, TestBot.COLLECTIVE, "alice",
          "Visibility, and know-how shared with bigger partners. ".repeat(30).strip());
      CompletionException refused = assertThrows(CompletionException.class, () -> bot.handle(answer));
      // then the operator reads why in one line, and nothing of the answer was kept
      assertTrue(refused.getCause() instanceof StorageException, String.valueOf(refused.getCause()));
      String said = refused.getCause().getMessage();
      assertTrue(said.contains("disk") && said.contains("full") && said.contains("nothing") && said.contains("saved") && !said.contains("\n"), said);
      assertEquals(before, traces(bot));
      // and when the same event comes again once there is room, it is applied, at the question it answered
      Handled again = bot.handle(answer);
      assertEquals(Handled.Outcome.ACCEPTED, again.outcome());
      assertEquals(List.of("brings|" + answer.text()), bot.rows("SELECT step || '|' || json_extract(state, '$.answers.brings.value')"
          + " FROM conversation WHERE member_id = 'alice'"));
      assertTrue(TestBot.joined(TestBot.texts(again)).contains("Who may see this answer?"), TestBot.texts(again).toString());
    }
  }

  /** Fills the file around alice's conversation and forbids the writer to grow it: her next long answer meets SQLITE_FULL. */
  void fillDisk(TestBot bot) throws Exception {
    try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("trame.db"));
        Statement s = other.createStatement()) {
      // two finished conversations beside alice's fill her page, so that her longer answer needs a new one
      for (int i = 0; i < 2; i++) {
        s.execute("INSERT INTO conversation (collective_id, member_id, flow, step, status, state, started_at, updated_at)"
            + " VALUES ('console:test', 'old" + i + "', 'stakes', NULL, 'done', '{\"pad\":\"" + "p".repeat(1200) + "\"}', 0, 0)");
      }
      s.execute("CREATE TABLE filler (b BLOB)"); // takes every free page the file had
      for (int i = 0; i < 40; i++) {
        s.execute("INSERT INTO filler VALUES (randomblob(4000))");
      }
    }
    bot.trame().write(c -> {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA max_page_count = " + pageCount(c));
      }
      return null;
    }).join();
  }

  static long pageCount(java.sql.Connection c) throws Exception {
    try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA page_count")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  @DisplayName("when the full disk makes SQLite undo the group transaction, the events batched with the failing one are refused too, none saved half-way, and all apply once sent again")
  void diskFullUndoesTheBatch() throws Exception {
    try (TestBot bot = new TestBot(dir.resolve("trame.db"))) {
      // given alice at the second question, and the disk full
      bot.command("alice", "lang en");
      bot.command("alice", "stakes");
      bot.say("alice", "To meet other organisations like ours.");
      bot.say("alice", "1");
      fillDisk(bot);
      List<String> before = traces(bot);
      // when alice's long answer and bob's first word reach the writer in the same group transaction
      TestBot.WriterHold held = bot.holdWriter();
      InboundEvent answer = InboundEvent.text("full-2", TestBot.PLATFORM, TestBot.COLLECTIVE, "alice",
          "Visibility, and know-how shared with bigger partners. ".repeat(30).strip());
      InboundEvent bob = InboundEvent.command("full-3", TestBot.PLATFORM, TestBot.COLLECTIVE, "bob", "lang en");
      var first = bot.trame().handle(answer);
      var second = bot.trame().handle(bob);
      held.release();
      // then both are refused, and neither left anything behind (bob's would otherwise be kept though refused)
      assertThrows(CompletionException.class, first::join);
      assertThrows(CompletionException.class, second::join);
      assertEquals(before, traces(bot));
      assertEquals(List.of("0"), bot.rows("SELECT COUNT(*) FROM member WHERE member_id = 'bob'"));
      // and sent again, both apply once
      assertEquals(Handled.Outcome.ACCEPTED, bot.handle(answer).outcome());
      assertEquals(Handled.Outcome.ACCEPTED, bot.handle(bob).outcome());
      assertEquals(List.of("1"), bot.rows("SELECT COUNT(*) FROM member WHERE member_id = 'bob'"));
    }
  }

  @Test
  @DisplayName("on a read-only database file every event is refused with one line saying so, nothing is half-saved, and all apply once the file is writable again")
  void readOnlyFile() throws Exception {
    Path db = dir.resolve("trame.db");
    try (TestBot bot = new TestBot(db)) {
      // given alice at the second question, and the bot stopped
      bot.command("alice", "lang en");
      bot.command("alice", "stakes");
      bot.say("alice", "To meet other organisations like ours.");
      bot.say("alice", "1");
    }
    ReadOnly file = ReadOnly.make(db);
    try (TestBot bot = new TestBot(db)) {
      List<String> before = traces(bot);
      // when the bot starts on the file made read-only and two events arrive together
      InboundEvent answer = InboundEvent.text("ro-1", TestBot.PLATFORM, TestBot.COLLECTIVE, "alice", "Visibility.");
      InboundEvent bob = InboundEvent.command("ro-2", TestBot.PLATFORM, TestBot.COLLECTIVE, "bob", "lang en");
      var first = bot.trame().handle(answer);
      var second = bot.trame().handle(bob);
      // then each is refused with the same one line an operator can act on, and nothing changed
      for (var refused : List.of(first, second)) {
        CompletionException e = assertThrows(CompletionException.class, refused::join);
        assertTrue(e.getCause().getMessage().contains("is read-only") && !e.getCause().getMessage().contains("\n"), e.getCause().getMessage());
      }
      file.undo();
      assertEquals(before, traces(bot));
      // and once the file is writable again, the same events apply, alice's at the question it answered
      assertEquals(Handled.Outcome.ACCEPTED, bot.handle(answer).outcome());
      assertEquals(Handled.Outcome.ACCEPTED, bot.handle(bob).outcome());
      assertEquals(List.of("brings|Visibility."), bot.rows("SELECT step || '|' || json_extract(state, '$.answers.brings.value')"
          + " FROM conversation WHERE member_id = 'alice'"));
    } finally {
      file.undo();
    }
  }

  /** A file the bot's user cannot write: its permissions, or for root (whom they do not stop) the immutable attribute. */
  record ReadOnly(Path file, boolean immutable) {
    static ReadOnly make(Path file) throws Exception {
      if (file.toFile().setWritable(false, false) && !java.nio.file.Files.isWritable(file)) {
        return new ReadOnly(file, false);
      }
      Process chattr = new ProcessBuilder("chattr", "+i", file.toString()).redirectErrorStream(true).start();
      org.junit.jupiter.api.Assumptions.assumeTrue(chattr.waitFor() == 0,
          "running as root without chattr: a read-only file cannot be made here");
      return new ReadOnly(file, true);
    }

    void undo() throws Exception {
      if (immutable) {
        new ProcessBuilder("chattr", "-i", file.toString()).start().waitFor();
      }
      file.toFile().setWritable(true, true);
    }
  }
}
