package org.trame.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;

/**
 * Committed turns per second with 1, 2 and 4 bot processes on one PostgreSQL, beside one
 * process on SQLite: a harness, not a JMH benchmark, because what is measured is several
 * operating-system processes at once. Each process is the real core on its own collective (as
 * collectives would be spread over processes) answering bursts of 100 members for the measured
 * time, after a warm-up; the harness adds up what each committed.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.trame.bench.ScaleOutHarness 'jdbc:postgresql://127.0.0.1:5432/bench?user=trame' [seconds]
 * </pre>
 *
 * The database must exist and be empty or hold only earlier runs of this harness.
 */
public final class ScaleOutHarness {

  static final int BURST = 100;
  private static final String RESULT = "turns/s ";

  private ScaleOutHarness() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("--worker")) {
      worker(args[1].equals("sqlite") ? null : args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
      return;
    }
    if (args.length < 1) {
      System.err.println("usage: ScaleOutHarness <jdbc:postgresql URL> [seconds, default 20]");
      System.exit(2);
    }
    String url = args[0];
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    System.out.println("| store | processes | committed turns/s | per process |");
    System.out.println("| --- | ---: | ---: | ---: |");
    report("SQLite", 1, run("sqlite", 1, seconds));
    for (int processes : new int[] {1, 2, 4}) {
      report("PostgreSQL", processes, run(url, processes, seconds));
    }
  }

  private static void report(String store, int processes, double total) {
    System.out.printf("| %s | %d | %,.0f | %,.0f |%n", store, processes, total, total / processes);
  }

  /** Starts {@code processes} workers together; returns the turns per second they committed in all. */
  private static double run(String db, int processes, int seconds) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    String runId = Long.toString(System.currentTimeMillis(), 36);
    List<Process> workers = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      workers.add(new ProcessBuilder(java, "-Xmx512m", "-cp", classpath, ScaleOutHarness.class.getName(), "--worker", db,
          runId + "p" + i, "5", Integer.toString(seconds)).redirectError(ProcessBuilder.Redirect.DISCARD).start());
    }
    double total = 0;
    for (Process p : workers) {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        String last = null;
        while ((line = out.readLine()) != null) {
          // libraries may log on the standard output too: the worker's figure is the tagged line
          if (line.startsWith(RESULT)) {
            last = line.substring(RESULT.length());
          }
        }
        if (!p.waitFor(seconds + 120L, TimeUnit.SECONDS) || p.exitValue() != 0 || last == null) {
          throw new IllegalStateException("a worker failed (exit " + p.exitValue() + ")");
        }
        total += Double.parseDouble(last.trim());
      }
    }
    return total;
  }

  /** One process: bursts of answers on its own collective; prints the turns per second measured. */
  private static void worker(String postgresqlUrl, String collective, int warmupSeconds, int seconds) throws Exception {
    try (BenchBot bot = new BenchBot(postgresqlUrl)) {
      bot.openConversations(collective, BURST);
      long[] event = {0};
      burstsFor(bot, collective, event, warmupSeconds);
      long before = event[0];
      long start = System.nanoTime();
      burstsFor(bot, collective, event, seconds);
      double elapsed = (System.nanoTime() - start) / 1e9;
      System.out.println(RESULT + (event[0] - before) / elapsed);
    }
  }

  private static void burstsFor(BenchBot bot, String collective, long[] event, int seconds) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      List<CompletableFuture<Handled>> pending = new ArrayList<>(BURST);
      for (int i = 0; i < BURST; i++) {
        pending.add(bot.trame.handle(InboundEvent.text(collective + "-" + event[0]++, "bench", collective, "m" + i,
            "An answer of ordinary length, a sentence or so.")));
      }
      pending.forEach(CompletableFuture::join);
    }
  }
}
