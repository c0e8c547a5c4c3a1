package org.trame.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.engine.Conversation;

class ConversationsTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("a saved status change is read back, and a later save that keeps the status keeps it too")
  void statusSurvivesSavesWithAndWithoutChange() throws Exception {
    Database db = Database.open(dir.resolve("c.db"));
    try (Connection c = db.connect()) {
      Members.arrive(c, "console:t", "console", "t", "alice", null, false, 1);
      Conversation conv = Conversations.create(c, "console:t", "alice", "stakes", 1);
      conv.state().step = "why";
      Conversations.save(c, conv, 2);
      conv.status(Conversation.Status.PAUSED);
      Conversations.save(c, conv, 3);

      Conversation paused = Conversations.find(c, conv.id());
      assertEquals(Conversation.Status.PAUSED, paused.status());
      paused.state().step = "fear";
      Conversations.save(c, paused, 4);
      assertEquals(Conversation.Status.PAUSED, Conversations.find(c, conv.id()).status());
      assertEquals("fear", Conversations.find(c, conv.id()).state().step);

      paused.status(Conversation.Status.DONE);
      Conversations.save(c, paused, 5);
      assertEquals(Conversation.Status.DONE, Conversations.find(c, conv.id()).status());
      assertNull(Conversations.latestOpen(c, "console:t", "alice"), "a finished conversation is no longer open");
    }
  }

  @Test
  @DisplayName("of a member's open conversations, the one touched last is the one continued, whatever their status")
  void latestOpenIsTheLastTouched() throws Exception {
    Database db = Database.open(dir.resolve("c.db"));
    try (Connection c = db.connect()) {
      Members.arrive(c, "console:t", "console", "t", "alice", null, false, 1);
      Conversation stakes = Conversations.create(c, "console:t", "alice", "stakes", 1);
      Conversation checkin = Conversations.create(c, "console:t", "alice", "checkin", 2);
      Conversation done = Conversations.create(c, "console:t", "alice", "sheet", 3);
      done.status(Conversation.Status.DONE);
      Conversations.save(c, done, 10);
      assertEquals(checkin.id(), Conversations.latestOpen(c, "console:t", "alice").id());

      stakes.status(Conversation.Status.PAUSED);
      Conversations.save(c, stakes, 5);
      assertEquals(stakes.id(), Conversations.latestOpen(c, "console:t", "alice").id());

      Conversations.save(c, checkin, 6);
      assertEquals(checkin.id(), Conversations.latestOpen(c, "console:t", "alice").id());

      Conversations.save(c, checkin, 7);
      Conversations.save(c, stakes, 7);
      assertEquals(checkin.id(), Conversations.latestOpen(c, "console:t", "alice").id(), "on a tie, the newer conversation");
      assertEquals(Conversation.Status.ACTIVE, Conversations.latestOpen(c, "console:t", "alice").status());
      assertNull(Conversations.latestOpen(c, "console:t", "bob"));
    }
  }
}
