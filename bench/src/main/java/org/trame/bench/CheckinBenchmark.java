package org.trame.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.trame.console.ConsoleMessenger;
import org.trame.core.Trame;
import org.trame.core.TrameConfig;
import org.trame.core.i18n.Lang;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;

/**
 * One check-in round for 10,000 members across 100 collectives of 100, through the core's inbound
 * port and the terminal's messenger (its output discarded): {@code openRounds} is the time for the
 * 100 coordinators' {@code checkin now} (10,000 private question sets committed and handed to the
 * messenger); {@code answerAll} the time for every member to answer the four scales and skip the
 * remark (50,000 turns). Single shot: each iteration starts on a fresh database. The peak heap of
 * each iteration is printed (and {@code -prof gc} gives the allocation rate).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class CheckinBenchmark {

  static final int COLLECTIVES = 100;
  static final int MEMBERS = 100;
  static final String COORDINATOR = "m0";

  @State(Scope.Benchmark)
  public static class Collectives {
    Path dir;
    Trame trame;
    long events;

    /** A fresh database with the members already known (they arrived earlier), and the peaks reset. */
    @Setup(Level.Iteration)
    public void start() throws Exception {
      dir = Files.createTempDirectory("trame-checkin-bench");
      PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
      trame = Trame.start(new TrameConfig(dir.resolve("trame.db"), null, Set.of(COORDINATOR), Lang.EN, Clock.systemUTC()),
          List.of(new ConsoleMessenger(discard, dir.resolve("files"))));
      BenchBot.knownMembers(trame, COLLECTIVES, MEMBERS, COORDINATOR);
      System.gc();
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    @TearDown(Level.Iteration)
    public void stop() throws IOException, InterruptedException {
      trame.awaitSent(Duration.ofMinutes(2));
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      System.out.printf("%n[checkin] peak heap this iteration: %d MiB%n", peak >> 20);
      trame.close();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }

    InboundEvent command(int collective, String member, String words) {
      return InboundEvent.command("b" + (++events), "console", "c" + collective, member, words);
    }

    InboundEvent text(int collective, String member, String words) {
      return InboundEvent.text("b" + (++events), "console", "c" + collective, member, words);
    }

    void openAll() {
      List<CompletableFuture<Handled>> pending = new ArrayList<>(COLLECTIVES);
      for (int k = 0; k < COLLECTIVES; k++) {
        pending.add(trame.handle(command(k, COORDINATOR, "checkin now")));
      }
      pending.forEach(CompletableFuture::join);
    }
  }

  /** Rounds already open: what is measured is the answers only. */
  @State(Scope.Benchmark)
  public static class OpenRounds extends Collectives {
    @Override
    @Setup(Level.Iteration)
    public void start() throws Exception {
      super.start();
      openAll();
      trame.awaitSent(Duration.ofMinutes(2));
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }
  }

  @Benchmark
  public void openRounds(Collectives c) throws InterruptedException {
    c.openAll();
    c.trame.awaitSent(Duration.ofMinutes(2));
  }

  /** Every member answers 4, 3, 4, 5 and skips the remark; events of one member stay in order (one writer queue). */
  @Benchmark
  public void answerAll(OpenRounds c) throws InterruptedException {
    List<CompletableFuture<Handled>> pending = new ArrayList<>(COLLECTIVES * MEMBERS * 5);
    for (String answer : new String[] {"4", "3", "4", "5", "skip"}) {
      for (int k = 0; k < COLLECTIVES; k++) {
        for (int i = 0; i < MEMBERS; i++) {
          pending.add(c.trame.handle(c.text(k, "m" + i, answer)));
        }
      }
    }
    pending.forEach(CompletableFuture::join);
    c.trame.awaitSent(Duration.ofMinutes(2));
    try (var read = c.trame.read(); var rs = read.createStatement().executeQuery("SELECT COUNT(*) FROM checkin_answer")) {
      rs.next();
      if (rs.getInt(1) != COLLECTIVES * MEMBERS) {
        throw new IllegalStateException("expected every member's answers saved, found " + rs.getInt(1));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
