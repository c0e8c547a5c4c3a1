package org.trame.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * one transaction per turn from one thread and from two (each thread its own connection and
 * conversation, as two callers of the core answer in two conversations), and 100 turns per
 * transaction.
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
    final AtomicInteger threads = new AtomicInteger();
    final AtomicLong events = new AtomicLong();

    @Setup(Level.Trial)
    public void open() throws Exception {
      dir = Files.createTempDirectory("trame-raw");
      c = connect(dir);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE inbound_event (event_id TEXT PRIMARY KEY, received_at INTEGER NOT NULL)");
        s.execute("CREATE TABLE conversation (id INTEGER PRIMARY KEY, step TEXT, status TEXT, state TEXT, updated_at INTEGER)");
        s.execute("CREATE TABLE outbox (id INTEGER PRIMARY KEY, platform TEXT, collective_id TEXT, audience TEXT, recipient TEXT,"
            + " payload TEXT, created_at INTEGER, sent_at INTEGER)");
        s.execute("INSERT INTO conversation (id, step, status, state, updated_at) VALUES (1, 'say', 'active', '{}', 0),"
            + " (2, 'say', 'active', '{}', 0)");
      }
      prepare(1);
    }

    /** The statements of a turn in conversation {@code conversation}, on this state's connection. */
    void prepare(int conversation) throws Exception {
      c.setAutoCommit(false);
      dedup = c.prepareStatement("INSERT INTO inbound_event (event_id, received_at) VALUES (?, ?)");
      // As a turn writes it: the status only when it changes, which an answered step does not.
      state = c.prepareStatement("UPDATE conversation SET step = ?, state = ?, updated_at = ? WHERE id = " + conversation);
      outbox = c.prepareStatement("INSERT INTO outbox (platform, collective_id, audience, recipient, payload, created_at)"
          + " VALUES ('bench', 'bench:c', 'member', 'm" + (conversation - 1) + "', ?, ?)");
    }

    void writeTurn() throws Exception {
      writeTurn(++n);
    }

    void writeTurn(long event) throws Exception {
      long now = System.currentTimeMillis();
      dedup.setString(1, "bench:e" + event);
      dedup.setLong(2, now);
      dedup.executeUpdate();
      state.setString(1, "say");
      state.setString(2, "{\"step\":\"say\",\"awaitingSharing\":false,\"answers\":{\"say\":{\"value\":\"An answer of ordinary length, a sentence or so.\"}},\"trail\":[\"say\"]}");
      state.setLong(3, now);
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

  /** WAL, synchronous=FULL, without the driver's generated-keys query after each insert, as the core runs. */
  static Connection connect(Path dir) throws Exception {
    SQLiteConfig config = new SQLiteConfig();
    config.setGetGeneratedKeys(false);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    // As the core's connections: a writer that finds the file locked waits rather than fails.
    config.setBusyTimeout(10_000);
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("raw.db"), config.toProperties());
  }

  /** A second writer's own connection and conversation, for the two-thread mode. */
  @State(Scope.Thread)
  public static class Writer {
    Db own;

    @Setup(Level.Trial)
    public void open(Db shared) throws Exception {
      own = new Db();
      own.c = connect(shared.dir);
      own.prepare(1 + shared.threads.getAndIncrement() % 2);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
      own.c.close();
    }
  }

  @Benchmark
  public void oneTurnPerTransaction(Db db) throws Exception {
    db.writeTurn();
    db.c.commit();
  }

  @Benchmark
  @Threads(2)
  public void oneTurnPerTransaction2Threads(Db shared, Writer writer) throws Exception {
    writer.own.writeTurn(shared.events.incrementAndGet());
    writer.own.c.commit();
  }

  @Benchmark
  @OperationsPerInvocation(100)
  public void hundredTurnsPerTransaction(Db db) throws Exception {
    for (int i = 0; i < 100; i++) {
      db.writeTurn();
    }
    db.c.commit();
  }
}
