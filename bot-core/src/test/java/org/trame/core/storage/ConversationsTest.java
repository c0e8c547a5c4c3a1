package org.trame.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.engine.Answer;
import org.trame.core.engine.Conversation;

class ConversationsTest {

  @TempDir
  Path dir;
  private Database db;
  private Connection c;

  @BeforeEach
  void open() throws Exception {
    db = Database.open(dir.resolve("c.db"));
    c = db.connect();
  }

  @AfterEach
  void close() throws Exception {
    c.close();
    db.close();
  }

  @Test
  @DisplayName("a saved status change is read back, and a later save that keeps the status keeps it too")
  void statusSurvivesSavesWithAndWithoutChange() throws Exception {
    Conversation conv = savedAtWhy(c);
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

  @Test
  @DisplayName("of a member's open conversations, the one touched last is the one continued, whatever their status")
  void latestOpenIsTheLastTouched() throws Exception {
    Members.arrive(c, "console:t", "console", "t", "alice", null, false, false, 1);
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

  @Test
  @DisplayName("a state changed in the database behind a turn's back (a rollback, another process) is read as stored")
  void theDatabaseWinsOverTheLastParsedState() throws Exception {
    // given a conversation whose answer "first" was saved and read back
    Conversation conv = savedAtWhy(c);
    conv.state().answers.put("why", new Answer("first", null));
    Conversations.save(c, conv, 2);
    assertEquals("first", Conversations.latestOpen(c, "console:t", "alice").state().answers.get("why").value());
    // when the stored row is changed by something else than this process's last save
    c.createStatement().executeUpdate("UPDATE conversation SET state = '{\"step\":\"fear\",\"answers\":"
        + "{\"why\":{\"value\":\"second\"}},\"trail\":[\"why\"]}' WHERE id = " + conv.id());
    // then both ways of reading it see what the database holds
    Conversation open = Conversations.latestOpen(c, "console:t", "alice");
    assertEquals("fear", open.state().step);
    assertEquals("second", open.state().answers.get("why").value());
    assertEquals(List.of("why"), Conversations.find(c, conv.id()).state().trail);
  }

  @Test
  @DisplayName("each reader gets a state of its own: changing one in a turn that is not saved changes nothing for the next")
  void readersDoNotShareStates() throws Exception {
    // given a saved conversation
    Conversation conv = savedAtWhy(c);
    conv.state().trail.add("intro");
    Conversations.save(c, conv, 2);
    // when one reader, then the saver itself, change their states without saving
    Conversation first = Conversations.find(c, conv.id());
    first.state().step = "fear";
    first.state().trail.add("why");
    first.state().answers.put("why", new Answer("never saved", null));
    conv.state().trail.clear();
    // then the next reader sees the state as saved
    Conversation next = Conversations.latestOpen(c, "console:t", "alice");
    assertEquals("why", next.state().step);
    assertEquals(List.of("intro"), next.state().trail);
    assertEquals(Map.of(), next.state().answers);
  }

  @Test
  @DisplayName("after an erasure no answer stays in memory: the states kept to spare a parse are dropped")
  void erasureDropsParsedStates() throws Exception {
    // given a conversation saved and read, its state held in memory
    savedAtWhy(c);
    Conversations.latestOpen(c, "console:t", "alice");
    assertTrue(Conversations.parsedStatesHeld() > 0);
    // when answers are erased
    Conversations.forgetParsedStates();
    // then none is held, and the next read parses what the database holds
    assertEquals(0, Conversations.parsedStatesHeld());
    assertEquals("why", Conversations.latestOpen(c, "console:t", "alice").state().step);
  }

  /** Alice's stakes conversation, saved at its "why" step. */
  private static Conversation savedAtWhy(Connection c) throws Exception {
    Members.arrive(c, "console:t", "console", "t", "alice", null, false, false, 1);
    Conversation conv = Conversations.create(c, "console:t", "alice", "stakes", 1);
    conv.state().step = "why";
    Conversations.save(c, conv, 2);
    return conv;
  }
}
