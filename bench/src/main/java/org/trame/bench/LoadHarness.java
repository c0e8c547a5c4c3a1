package org.trame.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.trame.console.ConsoleMessenger;
import org.trame.core.Trame;
import org.trame.core.TrameConfig;
import org.trame.core.i18n.Lang;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;

/**
 * The load figures of the reliability issue, in one single-shot run (not JMH: one burst is one
 * measurement, and its figures are percentiles, heap and file sizes rather than a mean time):
 *
 * <ol>
 *   <li>Burst: 100 collectives of 100 members, a check-in round open in each; every member answers
 *       the check-in (five turns) then fills in the stakes questionnaire (nineteen turns), all
 *       submitted at once through the core's inbound port by as many threads as the machine has
 *       (each thread keeps at most {@code --window} events in flight, its members' events in order).
 *       Committed turns per second; latency from the call to {@code handle} to its commit (so it
 *       includes waiting in the writer's queue); peak heap; heap per open conversation; database
 *       size per 10,000 answered steps.</li>
 *   <li>The raw SQLite commit rate for a turn's rows, in the same run (the ratio's denominator).</li>
 *   <li>Per-turn latency of one caller with 1,000, 10,000 and 100,000 stored conversations.</li>
 * </ol>
 *
 * <p>Run: {@code java -Xmx2g -cp bench/target/benchmarks.jar org.trame.bench.LoadHarness} (after
 * {@code mvn -B -q -DskipTests package}); {@code --collectives N --members N --window N --stored 1000,10000,100000}.
 */
public final class LoadHarness {

  static final String COORDINATOR = "m0";
  static final String[] CHECKIN = {"4", "3", "4", "5", "skip"};
  static final String[] STAKES = {"We want our association to weigh more in regional advocacy", "3",
      "Visibility and know-how shared with bigger partners", "2", "That our main funder backs the collective instead of us", "1",
      "skip", "1,3", "1", "2", "1", "Facilitation of workshops", "2", "That everyone comes to the monthly meeting", "3", "4", "1",
      "yes"};

  public static void main(String[] args) throws Exception {
    int collectives = 100;
    int members = 100;
    int window = 500;
    int[] stored = {1_000, 10_000, 100_000};
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--collectives" -> collectives = Integer.parseInt(args[++i]);
        case "--members" -> members = Integer.parseInt(args[++i]);
        case "--window" -> window = Integer.parseInt(args[++i]);
        case "--stored" -> stored = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    int threads = Runtime.getRuntime().availableProcessors();
    System.out.printf("machine: %d processors, max heap %d MiB, Java %s%n", threads, Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"));
    double raw = rawRate();
    System.out.printf("raw SQLite, the rows of one turn (dedup, state, outbox), one transaction per turn: %,.0f turns/s%n", raw);
    double rawBatched = rawBatchedRate();
    System.out.printf("raw SQLite, 100 turns per transaction: %,.0f turns/s%n", rawBatched);
    double rate = burst(collectives, members, threads, window);
    System.out.printf("ratio: burst %,.0f turns/s = %.0f%% of the raw batched rate, %.0f%% of the raw one-per-transaction rate%n",
        rate, 100 * rate / rawBatched, 100 * rate / raw);
    for (int n : stored) {
      storedConversations(n);
    }
  }

  /** Part 1: the burst. Returns committed turns per second. */
  static double burst(int collectives, int members, int threads, int window) throws Exception {
    Path dir = Files.createTempDirectory("trame-load");
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
    Trame trame = Trame.start(new TrameConfig(dir.resolve("trame.db"), null, Set.of(COORDINATOR), Lang.EN, Clock.systemUTC()),
        List.of(new ConsoleMessenger(discard, dir.resolve("files"))));
    try {
      BenchBot.knownMembers(trame, collectives, members, COORDINATOR);
      long heapBefore = settledHeap();
      AtomicLong ids = new AtomicLong();
      List<CompletableFuture<Handled>> opened = new ArrayList<>();
      for (int k = 0; k < collectives; k++) {
        opened.add(trame.handle(InboundEvent.command("open" + k, "console", "c" + k, COORDINATOR, "checkin now")));
      }
      opened.forEach(CompletableFuture::join);
      trame.awaitSent(Duration.ofMinutes(5));
      long openConversations = count(trame, "SELECT COUNT(*) FROM conversation WHERE status = 'active'");
      long heapOpen = settledHeap();
      long bytesBefore = databaseBytes(trame);
      long answeredBefore = count(trame, "SELECT COUNT(*) FROM inbound_event");
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

      int turnsPerMember = CHECKIN.length + 1 + STAKES.length;
      int total = collectives * members * turnsPerMember;
      long[] latencies = new long[total];
      AtomicLong done = new AtomicLong();
      List<Thread> workers = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        int first = t;
        Thread w = new Thread(() -> {
          Semaphore inFlight = new Semaphore(window);
          // this thread's members, each member's turns in order; members interleaved turn by turn
          for (int turn = 0; turn < turnsPerMember; turn++) {
            for (int slot = first; slot < collectives * members; slot += threads) {
              int k = slot / members;
              String member = "m" + (slot % members);
              String id = "b" + ids.incrementAndGet();
              InboundEvent e = turn < CHECKIN.length
                  ? InboundEvent.text(id, "console", "c" + k, member, CHECKIN[turn])
                  : turn == CHECKIN.length
                      ? InboundEvent.command(id, "console", "c" + k, member, "stakes")
                      : InboundEvent.text(id, "console", "c" + k, member, STAKES[turn - CHECKIN.length - 1]);
              inFlight.acquireUninterruptibly();
              long sent = System.nanoTime();
              trame.handle(e).whenComplete((h, failure) -> {
                latencies[(int) done.getAndIncrement()] = System.nanoTime() - sent;
                inFlight.release();
                if (failure != null) {
                  failure.printStackTrace();
                }
              });
            }
          }
          inFlight.acquireUninterruptibly(window);
        }, "load-" + t);
        workers.add(w);
        w.start();
      }
      for (Thread w : workers) {
        w.join();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long peak = peakHeap();
      trame.awaitSent(Duration.ofMinutes(5));
      long answered = count(trame, "SELECT COUNT(*) FROM inbound_event") - answeredBefore;
      long bytesAfter = databaseBytes(trame);
      long checkins = count(trame, "SELECT COUNT(*) FROM checkin_answer");
      long stakesDone = count(trame, "SELECT COUNT(*) FROM conversation WHERE flow = 'stakes' AND status = 'done'");
      if (answered != total || checkins != (long) collectives * members || stakesDone != (long) collectives * members) {
        throw new IllegalStateException("not every turn took effect: " + answered + " events of " + total + ", " + checkins
            + " check-in answer sets, " + stakesDone + " stakes questionnaires saved");
      }
      Arrays.sort(latencies);
      System.out.printf("burst: %,d members in %d collectives, %d turns each (check-in then stakes), %,d turns, %d threads,"
          + " at most %d in flight per thread%n", collectives * members, collectives, turnsPerMember, total, threads, window);
      System.out.printf("burst: %.1f s, %,.0f committed turns/s; latency event to commit p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms,"
          + " max %.1f ms%n", seconds, total / seconds, ms(latencies, 0.50), ms(latencies, 0.99), ms(latencies, 0.999),
          latencies[total - 1] / 1e6);
      System.out.printf("burst: peak heap %d MiB (used, garbage included); %,d conversations open at the start held %,d bytes of heap"
          + " each (settled heap after minus before opening them, divided)%n", peak >> 20, openConversations,
          Math.max(0, (heapOpen - heapBefore) / Math.max(1, openConversations)));
      System.out.printf("burst: database grew %,d KiB for %,d answered steps: %,.0f KiB per 10,000 answered steps%n",
          (bytesAfter - bytesBefore) >> 10, answered, (bytesAfter - bytesBefore) / 1024.0 * 10_000 / answered);
      System.out.println("burst: where the bytes are (table or index: KiB): " + largest(trame));
      return total / seconds;
    } finally {
      trame.close();
      delete(dir);
    }
  }

  /** Part 3: one caller's turns in a file already holding {@code stored} conversations. */
  static void storedConversations(int stored) throws Exception {
    try (BenchBot bot = new BenchBot()) {
      long t0 = System.nanoTime();
      int perCollective = 100;
      for (int k = 0; k < stored / perCollective; k += 100) {
        int collectives = Math.min(100, stored / perCollective - k);
        int base = k;
        // 100 collectives per transaction; each member with an echo conversation and five earlier events and messages
        bot.trame.write(c -> {
          populate(c, base, collectives, perCollective);
          return null;
        }).join();
      }
      double fill = (System.nanoTime() - t0) / 1e9;
      Random random = new Random(stored);
      int warmup = 2_000;
      int measured = 3_000;
      long[] latencies = new long[measured];
      for (int i = 0; i < warmup + measured; i++) {
        int slot = random.nextInt(stored);
        InboundEvent e = InboundEvent.text("s" + i, "bench", "s" + (slot / perCollective), "m" + (slot % perCollective),
            "An answer of ordinary length, a sentence or so.");
        long sent = System.nanoTime();
        bot.trame.handle(e).join();
        if (i >= warmup) {
          latencies[i - warmup] = System.nanoTime() - sent;
        }
      }
      Arrays.sort(latencies);
      long conversations = count(bot.trame, "SELECT COUNT(*) FROM conversation");
      System.out.printf("stored %,d conversations (filled in %.1f s, %,d KiB): one caller, %,d turns on random ones:"
          + " p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms%n", conversations, fill, databaseBytes(bot.trame) >> 10, measured,
          ms(latencies, 0.50), ms(latencies, 0.99), ms(latencies, 0.999));
    }
  }

  private static void populate(Connection c, int firstCollective, int collectives, int members) throws Exception {
    long now = System.currentTimeMillis();
    try (PreparedStatement coll = c.prepareStatement("INSERT INTO collective (id, platform, external_id, created_at) VALUES (?, 'bench', ?, ?)");
        PreparedStatement m = c.prepareStatement("INSERT INTO member (collective_id, member_id, lang, lang_source, created_at)"
            + " VALUES (?, ?, 'en', 'chosen', ?)");
        PreparedStatement conv = c.prepareStatement("INSERT INTO conversation (collective_id, member_id, flow, step, status, state,"
            + " started_at, updated_at) VALUES (?, ?, 'echo', 'say', 'active', ?, ?, ?)");
        PreparedStatement event = c.prepareStatement("INSERT INTO inbound_event (event_id, received_at) VALUES (?, ?)");
        PreparedStatement out = c.prepareStatement("INSERT INTO outbox (platform, collective_id, audience, recipient, payload,"
            + " created_at, sent_at) VALUES ('bench', ?, 'member', ?, ?, ?, ?)")) {
      String state = "{\"step\":\"say\",\"awaitingSharing\":false,\"answers\":{\"say\":{\"value\":\"An earlier answer.\"}},\"trail\":[\"say\"]}";
      for (int k = firstCollective; k < firstCollective + collectives; k++) {
        String id = "bench:s" + k;
        coll.setString(1, id);
        coll.setString(2, "s" + k);
        coll.setLong(3, now);
        coll.addBatch();
        for (int i = 0; i < members; i++) {
          m.setString(1, id);
          m.setString(2, "m" + i);
          m.setLong(3, now);
          m.addBatch();
          conv.setString(1, id);
          conv.setString(2, "m" + i);
          conv.setString(3, state);
          conv.setLong(4, now);
          conv.setLong(5, now);
          conv.addBatch();
          for (int h = 0; h < 5; h++) {
            event.setString(1, "bench:old-" + k + "-" + i + "-" + h);
            event.setLong(2, now);
            event.addBatch();
            out.setString(1, id);
            out.setString(2, "m" + i);
            out.setString(3, "{\"text\":\"Again?\"}");
            out.setLong(4, now);
            out.setLong(5, now);
            out.addBatch();
          }
        }
      }
      coll.executeBatch();
      m.executeBatch();
      conv.executeBatch();
      event.executeBatch();
      out.executeBatch();
    }
  }

  /** Part 2: the raw rate, with the JMH benchmark's own statements (RawSqliteBenchmark). */
  static double rawRate() throws Exception {
    return raw(1, 3_000);
  }

  static double rawBatchedRate() throws Exception {
    return raw(100, 300);
  }

  private static double raw(int perTransaction, int transactions) throws Exception {
    RawSqliteBenchmark.Db db = new RawSqliteBenchmark.Db();
    db.open();
    try {
      for (int i = 0; i < transactions / 3; i++) { // warm-up
        db.writeTurns(perTransaction);
        db.c.commit();
      }
      long start = System.nanoTime();
      for (int i = 0; i < transactions; i++) {
        db.writeTurns(perTransaction);
        db.c.commit();
      }
      return (double) transactions * perTransaction / ((System.nanoTime() - start) / 1e9);
    } finally {
      db.close();
    }
  }

  /** The largest tables and indexes, from SQLite's dbstat table when the driver has it. */
  private static String largest(Trame trame) {
    List<String> parts = new ArrayList<>();
    try (Connection c = trame.read(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 6")) {
      while (rs.next()) {
        parts.add(rs.getString(1) + ": " + String.format("%,d", rs.getLong(2) >> 10));
      }
    } catch (Exception e) {
      return "(dbstat not available: " + e.getMessage() + ")";
    }
    return String.join(", ", parts);
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }

  private static long count(Trame trame, String sql) throws Exception {
    try (Connection c = trame.read(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The database's size as its readers see it (main file and write-ahead log together). */
  private static long databaseBytes(Trame trame) throws Exception {
    return count(trame, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");
  }

  private static long settledHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  private static void delete(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
