package org.trame.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.sqlite.SQLiteConfig;

/**
 * The denominator: the same rows a turn writes (dedup row, conversation state update, outbox row),
 * with plain JDBC, prepared statements kept open, in the same mode (WAL, synchronous=FULL):
 * one transaction per turn in one conversation, and 100 turns per transaction in 100
 * conversations, one each, as the core's burst has 100 members answer once each.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@Threads(1)
public class RawSqliteBenchmark {

  @State(Scope.Benchmark)
  public static class Db {
    Path dir;
    Connection c;
    PreparedStatement dedup;
    PreparedStatement state;
    PreparedStatement outbox;
    long n;

    @Setup(Level.Trial)
    public void open() throws Exception {
      dir = Files.createTempDirectory("trame-raw");
      // Without the driver's generated-keys query after each insert, as the core runs.
      SQLiteConfig config = new SQLiteConfig();
      config.setGetGeneratedKeys(false);
      c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("raw.db"), config.toProperties());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        // Keyed as the core keys it on SQLite (migration V8): one b-tree, no rowid.
        s.execute("CREATE TABLE inbound_event (event_id TEXT PRIMARY KEY, received_at INTEGER NOT NULL) WITHOUT ROWID");
        s.execute("CREATE TABLE conversation (id INTEGER PRIMARY KEY, step TEXT, status TEXT, state TEXT, updated_at INTEGER)");
        s.execute("CREATE TABLE outbox (id INTEGER PRIMARY KEY, platform TEXT, collective_id TEXT, audience TEXT, recipient TEXT,"
            + " payload TEXT, created_at INTEGER, sent_at INTEGER)");
        // As many conversations as the core's benchmark opens.
        s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)"
            + " INSERT INTO conversation (id, step, status, state, updated_at) SELECT i, 'say', 'active', '{}', 0 FROM n");
      }
      c.setAutoCommit(false);
      dedup = c.prepareStatement("INSERT INTO inbound_event (event_id, received_at) VALUES (?, ?)");
      // As a turn writes it: the status only when it changes, which an answered step does not.
      state = c.prepareStatement("UPDATE conversation SET step = ?, state = ?, updated_at = ? WHERE id = ?");
      outbox = c.prepareStatement("INSERT INTO outbox (platform, collective_id, audience, recipient, payload, created_at)"
          + " VALUES ('bench', 'bench:c', 'member', 'm0', ?, ?)");
    }

    /**
     * {@code turns} turns in one transaction, not committed: one turn in conversation 1, or each
     * of a burst's turns in a conversation of its own (101, 102, …, as the core's burst members).
     */
    void writeTurns(int turns) throws Exception {
      if (turns == 1) {
        writeTurn(1);
        return;
      }
      for (int i = 0; i < turns; i++) {
        writeTurn(101 + i);
      }
    }

    private void writeTurn(int conversation) throws Exception {
      long now = System.currentTimeMillis();
      dedup.setString(1, "bench:e" + (++n));
      dedup.setLong(2, now);
      dedup.executeUpdate();
      state.setString(1, "say");
      state.setString(2, "{\"step\":\"say\",\"awaitingSharing\":false,\"answers\":{\"say\":{\"value\":\"An answer of ordinary length, a sentence or so.\"}},\"trail\":[\"say\"]}");
      state.setLong(3, now);
      state.setInt(4, conversation);
      state.executeUpdate();
      outbox.setString(1, "{\"platform\":\"bench\",\"collective\":\"c\",\"audience\":{\"type\":\"MEMBER\",\"id\":\"m0\"},\"text\":\"Again?\",\"expects\":\"TEXT\",\"options\":[],\"conversationRef\":\"1\",\"stepRef\":\"say\",\"lang\":\"en\"}");
      outbox.setLong(2, now);
      outbox.executeUpdate();
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
      c.close();
      Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public void oneTurnPerTransaction(Db db) throws Exception {
    db.writeTurns(1);
    db.c.commit();
  }

  @Benchmark
  @OperationsPerInvocation(100)
  public void hundredTurnsPerTransaction(Db db) throws Exception {
    db.writeTurns(100);
    db.c.commit();
  }
}
