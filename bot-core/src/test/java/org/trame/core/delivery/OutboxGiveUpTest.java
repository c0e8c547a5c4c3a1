package org.trame.core.delivery;

import org.trame.core.storage.Database;
import org.trame.core.storage.Writer;
import org.trame.core.storage.Outbox;
import org.trame.core.storage.Sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.port.Audience;
import org.trame.core.port.Messenger;
import org.trame.core.port.OutboundMessage;
import org.trame.core.port.UndeliverableException;

/**
 * A message that can never be delivered stops blocking its recipient: the outbox gives it up at
 * once when the platform says so, or once it has failed for {@link OutboxSender#GIVE_UP_AFTER},
 * and never sends it again. Real SQLite; time is a hand-moved timer, so a day of retries passes
 * without waiting for it.
 */
class OutboxGiveUpTest {

  @TempDir
  Path dir;
  private Database db;
  private Writer writer;
  private OutboxSender sender;
  private final HandTimer timer = new HandTimer();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("outbox.db"));
    writer = new Writer(db);
    Metrics.addRegistry(meters);
  }

  @AfterEach
  void close() {
    Metrics.removeRegistry(meters);
    if (sender != null) {
      sender.close();
    }
    writer.close();
  }

  @Test
  @DisplayName("a message the platform calls undeliverable is given up at once, and the member's next message goes")
  void undeliverableIsGivenUpAtOnce() throws Exception {
    // given Alice blocked the bot: her first message is refused for good, her second would go
    List<OutboundMessage> stored = store(List.of(Audience.member("ALICE"), Audience.member("ALICE")));
    long blocked = stored.get(0).id();
    var platform = new Platform((m, at) -> m.id() == blocked ? new UndeliverableException("cannot_dm_bot", null) : null);
    double before = givenUpCount();

    // when the outbox sends them
    sendAll(platform, stored);

    // then the refused message was tried once only, and her next message went without waiting
    assertEquals(1, platform.triesOf(blocked));
    assertEquals(List.of(stored.get(1).id()), platform.delivered());
    assertEquals(timer.start, platform.lastTry);
    // and the row says it was given up, with the platform's reason, and counts one given-up message
    Row row = row(blocked);
    assertNotNull(row.givenUpAt(), "the refused message is not marked given up");
    assertNull(row.sentAt(), "a given-up message must not pass for sent");
    assertEquals("cannot_dm_bot", row.lastError());
    assertEquals(1.0, givenUpCount() - before);
  }

  @Test
  @DisplayName("a message failing for over a day is given up and its lane moves on; one that failed for less is retried until it goes")
  void failingTooLongIsGivenUp() throws Exception {
    // given Alice's first message always fails, and Bob's fails for 23 hours, then goes
    List<OutboundMessage> stored = store(List.of(Audience.member("ALICE"), Audience.member("BOB"), Audience.member("ALICE")));
    long alice = stored.get(0).id();
    long bob = stored.get(1).id();
    Instant bobRecovers = timer.start.plus(Duration.ofHours(23));
    var platform = new Platform((m, at) -> m.id() == alice || (m.id() == bob && at.isBefore(bobRecovers))
        ? new IllegalStateException("HTTP 503") : null);

    // when the outbox sends them
    sendAll(platform, stored);

    // then Bob's message, which failed for less than the bound, was delivered and not given up
    assertTrue(platform.delivered().contains(bob), "a message failing for 23 hours was not retried until it went");
    assertNull(row(bob).givenUpAt());
    // and Alice's was given up after a day of retries, not before, then her next message went
    Row given = row(alice);
    assertNotNull(given.givenUpAt(), "a message failing for over a day was not given up");
    assertTrue(given.lastError().contains("HTTP 503"), given.lastError());
    Duration tried = Duration.between(timer.start, platform.lastTryOf(alice));
    assertTrue(tried.compareTo(OutboxSender.GIVE_UP_AFTER) >= 0, "given up after only " + tried);
    assertTrue(tried.compareTo(OutboxSender.GIVE_UP_AFTER.plusMinutes(2)) < 0, "given up only after " + tried);
    assertTrue(platform.delivered().contains(stored.get(2).id()), "Alice's next message stayed blocked");
  }

  @Test
  @DisplayName("a given-up message is not sent again after a restart, while a message still waiting is")
  void givenUpIsNotResentAfterRestart() throws Exception {
    // given a run that gave up Alice's message and stopped before Bob's could go
    List<OutboundMessage> stored = store(List.of(Audience.member("ALICE"), Audience.member("BOB")));
    long blocked = stored.get(0).id();
    sendAll(new Platform((m, at) -> new UndeliverableException(m.id() == blocked ? "user_not_found" : "unused", null)),
        List.of(stored.get(0)));
    sender.close();

    // when the next run starts with what the outbox has left over, as Trame's start does
    List<OutboundMessage> leftOver = writer.submit(c -> Outbox.leftOver(c, Integer.MAX_VALUE, List.of("test"))).join();
    var restarted = new Platform((m, at) -> null);
    sendAll(restarted, leftOver);

    // then only Bob's message is sent; Alice's stays given up
    assertEquals(List.of(stored.get(1).id()), restarted.delivered());
    assertEquals(0, restarted.triesOf(blocked));
  }

  @Test
  @DisplayName("a message that began failing before a restart is given up a day after its first failure, not a day after the restart")
  void failingDayCountsAcrossRestarts() throws Exception {
    // given a run that failed to send Alice's message for 20 hours, then stopped
    List<OutboundMessage> stored = store(List.of(Audience.member("ALICE")));
    Instant stops = timer.start.plus(Duration.ofHours(20));
    var before = new Platform((m, at) -> at.isBefore(stops) ? new IllegalStateException("HTTP 503")
        : new InterruptedException("the process stops"));
    sender = new OutboxSender(writer, Map.of(before.platform(), before), Clock.systemUTC(), timer);
    sender.start(stored);
    while (before.lastTry == null || before.lastTry.isBefore(stops)) {
      Thread.sleep(5);
    }
    sender.close();
    writer.submit(c -> null).join();

    // when the next run starts with what the outbox has left over, the platform still failing
    List<OutboundMessage> leftOver = writer.submit(c -> Outbox.leftOver(c, Integer.MAX_VALUE, List.of("test"))).join();
    var after = new Platform((m, at) -> new IllegalStateException("HTTP 503"));
    sendAll(after, leftOver);

    // then the message is given up about a day after it first failed, four hours into the new run
    assertNotNull(row(stored.get(0).id()).givenUpAt(), "the message was not given up");
    Duration tried = Duration.between(timer.start, after.lastTryOf(stored.get(0).id()));
    assertTrue(tried.compareTo(OutboxSender.GIVE_UP_AFTER) >= 0, "given up after only " + tried);
    assertTrue(tried.compareTo(OutboxSender.GIVE_UP_AFTER.plusMinutes(30)) < 0, "given up only after " + tried);
  }

  // --- helpers

  private double givenUpCount() {
    var counter = meters.find("trame.outbox.given.up").tag("platform", "test").counter();
    return counter == null ? 0 : counter.count();
  }

  private record Row(Long sentAt, Long givenUpAt, String lastError) {}

  private Row row(long id) throws Exception {
    try (var c = db.connectReadOnly();
         ResultSet rs = Sql.query(c, "SELECT sent_at, given_up_at, last_error FROM outbox WHERE id = ?", id).executeQuery()) {
      assertTrue(rs.next());
      return new Row(nullable(rs, 1), nullable(rs, 2), rs.getString(3));
    }
  }

  private static Long nullable(ResultSet rs, int column) throws java.sql.SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /** A platform that answers each try as told (an exception, or null for delivered) and records it. */
  private final class Platform implements Messenger {
    private final BiFunction<OutboundMessage, Instant, Exception> answer;
    private final List<Long> delivered = new CopyOnWriteArrayList<>();
    private final List<Long> tries = new CopyOnWriteArrayList<>();
    private final Map<Long, Instant> lastTries = new java.util.concurrent.ConcurrentHashMap<>();
    volatile Instant lastTry;

    Platform(BiFunction<OutboundMessage, Instant, Exception> answer) {
      this.answer = answer;
    }

    @Override
    public String platform() {
      return "test";
    }

    @Override
    public void send(OutboundMessage m) throws Exception {
      Instant at = timer.now();
      tries.add(m.id());
      lastTries.put(m.id(), at);
      lastTry = at;
      Exception refused = answer.apply(m, at);
      if (refused != null) {
        throw refused;
      }
      delivered.add(m.id());
    }

    List<Long> delivered() {
      return List.copyOf(delivered);
    }

    int triesOf(long id) {
      return (int) tries.stream().filter(t -> t == id).count();
    }

    Instant lastTryOf(long id) {
      return lastTries.get(id);
    }
  }

  /** Writes the messages to the outbox, as a turn would, and returns them with their row ids. */
  private List<OutboundMessage> store(List<Audience> audiences) {
    return StoredMessages.store(writer, "test", audiences);
  }

  /** Starts a sender with the messages as left over from a previous run, and waits until each is sent or given up. */
  private void sendAll(Platform platform, List<OutboundMessage> messages) throws Exception {
    sender = new OutboxSender(writer, Map.of(platform.platform(), platform), Clock.systemUTC(), timer);
    sender.start(messages);
    assertTrue(sender.awaitIdle(60, TimeUnit.SECONDS), "the outbox did not empty");
    writer.submit(c -> null).join();
  }
}
