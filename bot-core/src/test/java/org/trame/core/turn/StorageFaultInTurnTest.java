package org.trame.core.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.trame.core.Features;
import org.trame.core.engine.FlowEngine;
import org.trame.core.i18n.Lang;
import org.trame.core.engine.PromptsLoader;
import org.trame.core.nlp.LanguageGuesser;
import org.trame.core.port.InboundEvent;
import org.trame.core.storage.Database;

/** A failure of the database file inside a turn refuses the whole event instead of marking it handled. */
class StorageFaultInTurnTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("a full disk met in the middle of a turn refuses the event, which keeps no dedup row and applies when sent again")
  void diskFullInsideTurn() throws Exception {
    // given a command whose work meets a full disk the first time only
    int[] calls = {0};
    Command flaky = new Command() {
      @Override
      public String name() {
        return "flaky";
      }

      @Override
      public void run(TurnContext t, List<String> args) throws Exception {
        if (calls[0]++ == 0) {
          throw new SQLiteException("[SQLITE_FULL] database or disk is full", SQLiteErrorCode.SQLITE_FULL);
        }
        t.say("done");
      }
    };
    Map<String, Command> commands = new HashMap<>(TurnHandler.kernelCommands());
    commands.put("flaky", flaky);
    FlowEngine engine = new FlowEngine(new PromptsLoader(Features.actionNames()).loadPackaged(), Map.of());
    TurnHandler turns = new TurnHandler(Clock.systemUTC(), engine, commands, LanguageGuesser.loadInBackground(), Set.of(), Lang.EN);
    Database db = Database.open(dir.resolve("trame.db"));
    InboundEvent event = InboundEvent.command("evt-full", "console", "test", "alice", "flaky");
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      // when the event is handled while the disk is full
      assertThrows(SQLException.class, () -> turns.handle(c, event));
      c.rollback();
      // then nothing records it as handled
      assertEquals(0, count(c, "SELECT COUNT(*) FROM inbound_event"));
      // and once there is room, the same event applies
      assertEquals("done", turns.handle(c, event).messages().get(0).text());
      c.commit();
      assertEquals(1, count(c, "SELECT COUNT(*) FROM inbound_event"));
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
