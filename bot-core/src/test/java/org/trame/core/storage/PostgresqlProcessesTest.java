package org.trame.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.engine.Answer;
import org.trame.core.engine.Conversation;
import org.trame.core.port.OutboundMessage;

/**
 * Several processes on one PostgreSQL, each with its own pool and writer as separate bot
 * processes have: what one does, the others neither redo nor undo.
 */
class PostgresqlProcessesTest {

  static final String COLLECTIVE = "console:test";
  final List<AutoCloseable> open = new ArrayList<>();
  String url;

  @BeforeEach
  void database() {
    url = LocalPostgres.require().newDatabase();
  }

  @AfterEach
  void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  /** One process: its own pool, its own writer. */
  Writer process(long outboxLeaseMs) {
    Database db = Database.open(url, outboxLeaseMs);
    Writer w = new Writer(db);
    open.add(db);
    open.add(w);
    return w;
  }

  @Test
  @DisplayName("an event delivered to two processes at once is handled by one of them only")
  void eventOnceAcrossProcesses() {
    // given two processes receiving the same 300 events at the same time
    Writer a = process(60_000);
    Writer b = process(60_000);
    List<CompletableFuture<Boolean>> fresh = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String id = "slack:Ev" + i;
      fresh.add(a.submit(c -> EventLog.record(c, id, 1)));
      fresh.add(b.submit(c -> EventLog.record(c, id, 1)));
    }
    // then each event was new to exactly one of them
    long handled = fresh.stream().filter(CompletableFuture::join).count();
    assertEquals(300, handled);
  }

  @Test
  @DisplayName("two processes changing one member's conversation at once lose none of each other's changes")
  void noLostUpdate() {
    // given a member with an open conversation, and two processes each adding 60 answers to it
    Writer a = process(60_000);
    Writer b = process(60_000);
    long id = a.submit(c -> {
      Members.arrive(c, COLLECTIVE, "console", "test", "alice", "alice", false, false, 1);
      return Conversations.create(c, COLLECTIVE, "alice", "stakes", 1).id();
    }).join();
    List<CompletableFuture<Void>> turns = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      for (Writer w : List.of(a, b)) {
        String key = (w == a ? "a" : "b") + i;
        // each a turn as the core runs it: meet the member, read the conversation, write it back
        turns.add(w.submit(c -> {
          Members.arrive(c, COLLECTIVE, "console", "test", "alice", "alice", false, false, 2);
          Conversation conv = Conversations.latestOpen(c, COLLECTIVE, "alice");
          conv.state().answers.put(key, new Answer(key, "private"));
          Conversations.save(c, conv, 2);
          return null;
        }));
      }
    }
    turns.forEach(CompletableFuture::join);
    // then the conversation holds all 120 answers
    Conversation end = a.submit(c -> Conversations.find(c, id)).join();
    assertEquals(120, end.state().answers.size());
  }

  @Test
  @DisplayName("due jobs ticked by two processes at once each fire in one process only")
  void jobsOnce() {
    // given 200 jobs due, and two processes ticking at the same time, 15 jobs a tick
    Writer a = process(60_000);
    Writer b = process(60_000);
    a.submit(c -> {
      Members.arrive(c, COLLECTIVE, "console", "test", "alice", "alice", false, false, 1);
      for (int i = 0; i < 200; i++) {
        Jobs.schedule(c, COLLECTIVE, "stakes.remind", 1_000 + i, "{}", 1);
      }
      return null;
    }).join();
    ConcurrentLinkedQueue<Long> fired = new ConcurrentLinkedQueue<>();
    List<CompletableFuture<Integer>> ticks = new ArrayList<>();
    for (int t = 0; t < 12; t++) {
      for (Writer w : List.of(a, b)) {
        ticks.add(w.submit(c -> {
          List<Jobs.Job> due = Jobs.due(c, 10_000, 15);
          for (Jobs.Job job : due) {
            fired.add(job.id());
            Jobs.done(c, job.id(), 10_000);
          }
          return due.size();
        }));
      }
    }
    ticks.forEach(CompletableFuture::join);
    // then every job fired, none twice
    Set<Long> distinct = new HashSet<>(fired);
    assertEquals(fired.size(), distinct.size(), "a job fired twice");
    assertEquals(200, distinct.size());
  }

  @Test
  @DisplayName("messages a process wrote stay its own while it lives; once its lease runs out, two others split them, each once")
  void outboxClaims() throws Exception {
    // given a process that wrote 40 messages and then stopped renewing its lease of one second
    Writer dead = process(1_000);
    dead.submit(c -> {
      Members.arrive(c, COLLECTIVE, "console", "test", "alice", "alice", false, false, 1);
      for (int i = 0; i < 40; i++) {
        Outbox.add(c, COLLECTIVE, StorageContract.message("m" + i), 1);
      }
      return null;
    }).join();
    Writer b = process(60_000);
    Writer c2 = process(60_000);
    // when another process looks at once, it finds nothing to take over
    assertEquals(List.of(), b.submit(c -> Outbox.claimOrphans(c, 100, List.of("console"))).join());
    Thread.sleep(1_500);
    // then after the lease two processes claiming together take every message, none both
    AtomicInteger rounds = new AtomicInteger();
    List<CompletableFuture<List<OutboundMessage>>> claims = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      rounds.incrementAndGet();
      claims.add(b.submit(c -> Outbox.claimOrphans(c, 5, List.of("console"))));
      claims.add(c2.submit(c -> Outbox.claimOrphans(c, 5, List.of("console"))));
    }
    List<String> texts = new ArrayList<>();
    claims.forEach(f -> f.join().forEach(m -> texts.add(m.text())));
    assertEquals(40, texts.size(), "claimed: " + texts);
    assertEquals(40, new HashSet<>(texts).size(), "a message was claimed twice: " + texts);
    // and what the claimers hold is theirs for their own lease: nobody takes it back
    assertTrue(dead.submit(c -> Outbox.claimOrphans(c, 100, List.of("console"))).join().isEmpty());
  }
}
