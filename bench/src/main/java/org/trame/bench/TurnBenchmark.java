package org.trame.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;

/**
 * One answered step through the core's inbound port: event in, dedup row, conversation state and
 * outbox row committed (synchronous=FULL, WAL), future completed. Each thread answers in its own
 * conversation. Run with {@code -bm thrpt} for turns per second and {@code -bm sample} for the
 * latency percentiles.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class TurnBenchmark {

  static final int BURST = 100;

  @State(Scope.Benchmark)
  public static class Bot {
    BenchBot bot;
    final AtomicInteger threads = new AtomicInteger();
    final AtomicLong events = new AtomicLong();

    @Setup(Level.Trial)
    public void start() throws Exception {
      bot = new BenchBot();
      bot.openConversations("c", 1_000);
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
      bot.close();
    }
  }

  /** Which conversation this thread answers in. */
  @State(Scope.Thread)
  public static class Member {
    String id;
    int burstBase;

    @Setup(Level.Trial)
    public void pick(Bot bot) {
      int n = bot.threads.getAndIncrement();
      id = "m" + n;
      burstBase = 100 + n * BURST;
    }
  }

  private static InboundEvent answer(Bot bot, String member) {
    return InboundEvent.text("e" + bot.events.incrementAndGet(), "bench", "c", member, "An answer of ordinary length, a sentence or so.");
  }

  @Benchmark
  @Threads(1)
  public Handled turn1Thread(Bot bot, Member member) {
    return bot.bot.trame.handle(answer(bot, member.id)).join();
  }

  @Benchmark
  @Threads(2)
  public Handled turn2Threads(Bot bot, Member member) {
    return bot.bot.trame.handle(answer(bot, member.id)).join();
  }

  /**
   * A burst: 100 members of one collective answer at once (as when a round opens), from one
   * thread that does not wait between events; throughput counts turns, not bursts.
   */
  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(BURST)
  public void burstOf100(Bot bot, Member member) {
    List<CompletableFuture<Handled>> pending = new ArrayList<>(BURST);
    for (int i = 0; i < BURST; i++) {
      pending.add(bot.bot.trame.handle(answer(bot, "m" + (member.burstBase + i))));
    }
    pending.forEach(CompletableFuture::join);
  }
}
