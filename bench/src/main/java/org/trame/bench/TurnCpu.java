package org.trame.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;

/**
 * CPU time per turn, by thread, for the core and for the raw JDBC baseline. Wall-clock rates on
 * a shared machine swing with the neighbours' load and disk; the CPU a turn costs swings much
 * less, so this shows what a change to the core's own work bought when JMH's rates cannot.
 * Not a JMH benchmark: run {@code java -cp bench/target/benchmarks.jar org.trame.bench.TurnCpu}.
 */
public final class TurnCpu {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final String ANSWER = "An answer of ordinary length, a sentence or so.";

  private TurnCpu() {}

  public static void main(String[] args) throws Exception {
    int turns = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    System.out.printf("%-32s %10s %12s %12s %12s%n", "", "turns/s", "writer µs", "sender µs", "caller µs");
    core(turns, false);
    core(turns, true);
    raw(turns, 1);
    raw(turns, 100);
  }

  private static void core(int turns, boolean burst) throws Exception {
    try (BenchBot bot = new BenchBot()) {
      bot.openConversations("c", 1_000);
      long[] events = {0};
      for (int round = 0; round < 2; round++) { // the first round warms up
        long writer0 = cpu("trame-writer");
        long sender0 = cpu("trame-outbox");
        long caller0 = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        if (burst) {
          for (int b = 0; b < turns / 100; b++) {
            List<CompletableFuture<Handled>> pending = new ArrayList<>(100);
            for (int i = 0; i < 100; i++) {
              pending.add(bot.trame.handle(InboundEvent.text("e" + (++events[0]), "bench", "c", "m" + (100 + i), ANSWER)));
            }
            pending.forEach(CompletableFuture::join);
          }
        } else {
          for (int i = 0; i < turns; i++) {
            bot.trame.handle(InboundEvent.text("e" + (++events[0]), "bench", "c", "m0", ANSWER)).join();
          }
        }
        long wall = System.nanoTime() - start;
        if (round == 1) {
          System.out.printf("%-32s %10.0f %12.1f %12.1f %12.1f%n", burst ? "core, bursts of 100" : "core, one caller",
              turns * 1e9 / wall, perTurn(cpu("trame-writer") - writer0, turns), perTurn(cpu("trame-outbox") - sender0, turns),
              perTurn(THREADS.getCurrentThreadCpuTime() - caller0, turns));
        }
      }
    }
  }

  private static void raw(int turns, int perTransaction) throws Exception {
    RawSqliteBenchmark.Db db = new RawSqliteBenchmark.Db();
    db.open();
    try {
      for (int round = 0; round < 2; round++) {
        long caller0 = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int t = 0; t < turns / perTransaction; t++) {
          db.writeTurns(perTransaction);
          db.c.commit();
        }
        long wall = System.nanoTime() - start;
        if (round == 1) {
          System.out.printf("%-32s %10.0f %12.1f %12s %12s%n", "raw JDBC, " + perTransaction + " per transaction",
              turns * 1e9 / wall, perTurn(THREADS.getCurrentThreadCpuTime() - caller0, turns), "-", "-");
        }
      }
    } finally {
      db.close();
    }
  }

  private static double perTurn(long nanos, int turns) {
    return nanos / 1e3 / turns;
  }

  /** CPU time so far of the live threads of that name. */
  private static long cpu(String name) {
    long total = 0;
    for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (t != null && t.getThreadName().equals(name)) {
        total += Math.max(0, THREADS.getThreadCpuTime(t.getThreadId()));
      }
    }
    return total;
  }
}
