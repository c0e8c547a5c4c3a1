package org.trame.core.delivery;

import org.trame.core.storage.Database;
import org.trame.core.storage.Writer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.port.Audience;
import org.trame.core.port.Messenger;
import org.trame.core.port.OutboundMessage;
import org.trame.core.port.Pacing;
import org.trame.core.port.RetryAfterException;

/**
 * The outbox sender paces each platform, waits out "retry after" answers exactly, and lets a
 * waiting message hold back only its own recipient. Time is a hand-moved timer: the sender's waits
 * move it forward instead of passing, so the tests measure paced time without waiting for it.
 */
class OutboxPacingTest {

  /** Slack: about one message a second per channel, a few a second on the whole workspace. */
  private static final Pacing SLACK_LIKE = new Pacing(Duration.ofSeconds(1), Duration.ofMillis(200));
  /** Discord: a global rate well under its 50 requests a second. */
  private static final Pacing DISCORD_LIKE = new Pacing(Duration.ZERO, Pacing.perSecond(20));

  @TempDir
  Path dir;
  private Database db;
  private Writer writer;
  private OutboxSender sender;
  private final HandTimer timer = new HandTimer();

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("outbox.db"));
    writer = new Writer(db);
  }

  @AfterEach
  void close() {
    if (sender != null) {
      sender.close();
    }
    writer.close();
  }

  @Test
  @DisplayName("ten messages to one Slack channel go at least one second apart, in order")
  void oneChannelIsPaced() throws Exception {
    // given ten messages to the collective's channel
    var platform = new RecordingMessenger("slack", SLACK_LIKE);
    List<Audience> messages = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      messages.add(Audience.channel("C1"));
    }

    // when they are sent
    sendAll(platform, store(messages));

    // then each goes a second or more after the one before, in the order written
    List<Delivery> sent = platform.delivered();
    assertEquals(10, sent.size());
    for (int i = 1; i < sent.size(); i++) {
      assertTrue(sent.get(i).at().compareTo(sent.get(i - 1).at().plusSeconds(1)) >= 0,
          "message " + i + " went " + Duration.between(sent.get(i - 1).at(), sent.get(i).at()).toMillis() + " ms after the previous");
      assertTrue(sent.get(i).id() > sent.get(i - 1).id(), "out of order");
    }
  }

  @Test
  @DisplayName("a reply and the next question reach a member together, and a long run is still one a second on average")
  void burstThenPace() throws Exception {
    // given a platform paced at one message a second per recipient with bursts of three, and ten messages to one member
    var platform = new RecordingMessenger("slack", new Pacing(Duration.ofSeconds(1), Duration.ZERO, 3));
    List<Audience> messages = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      messages.add(Audience.member("U1"));
    }

    // when they are sent
    Instant start = timer.now();
    sendAll(platform, store(messages));

    // then the first three go at once, and the rest keep to one a second: the tenth goes at 7 s
    List<Delivery> sent = platform.delivered();
    assertEquals(10, sent.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(Duration.ZERO, Duration.between(start, sent.get(i).at()), "message " + i + " of the burst");
    }
    for (int i = 3; i < 10; i++) {
      assertEquals(Duration.ofSeconds(i - 2), Duration.between(start, sent.get(i).at()), "message " + i + " after the burst");
    }
  }

  @Test
  @DisplayName("messages to different Slack members are not held back by each other beyond the platform's rate")
  void membersDoNotWaitForEachOther() throws Exception {
    // given two messages for each of five members, written member after member
    var platform = new RecordingMessenger("slack", SLACK_LIKE);
    List<Audience> messages = new ArrayList<>();
    for (String member : List.of("U1", "U2", "U3", "U4", "U5")) {
      messages.add(Audience.member(member));
      messages.add(Audience.member(member));
    }

    // when they are sent
    Instant start = timer.now();
    sendAll(platform, store(messages));

    // then every member's first message went within the platform's pace (200 ms apart), not a second apart,
    // and each member's second message a second after their first
    Map<String, List<Delivery>> byMember = platform.byRecipient();
    for (int k = 0; k < 5; k++) {
      List<Delivery> own = byMember.get("U" + (k + 1));
      assertEquals(Duration.ofMillis(200L * k), Duration.between(start, own.get(0).at()), "member U" + (k + 1) + "'s first message");
      assertTrue(Duration.between(own.get(0).at(), own.get(1).at()).compareTo(Duration.ofSeconds(1)) >= 0);
    }
    List<Delivery> all = platform.delivered();
    for (int i = 1; i < all.size(); i++) {
      assertTrue(Duration.between(all.get(i - 1).at(), all.get(i).at()).compareTo(Duration.ofMillis(200)) >= 0, "platform pace broken");
    }
    assertEquals(Duration.ofMillis(1800), Duration.between(start, all.get(9).at()), "ten messages in 1.8 s, not 10 s");
  }

  @Test
  @DisplayName("a retry-after of 3 s delays exactly that message 3 s, then it is sent once, not counted as a failure")
  void retryAfterIsWaitedOutExactly() throws Exception {
    // given Slack asks to retry Alice's first message after 3 s
    var platform = new RecordingMessenger("slack", SLACK_LIKE);
    List<OutboundMessage> messages = store(List.of(Audience.member("ALICE"), Audience.member("BOB"), Audience.member("ALICE")));
    long aliceFirst = messages.get(0).id();
    platform.answerFirst(aliceFirst, new RetryAfterException(Duration.ofSeconds(3)));
    Instant start = timer.now();

    // when the messages are sent
    sendAll(platform, messages);

    // then Alice's first message was tried at 0 and again at exactly 3 s, and delivered once
    assertEquals(List.of(start, start.plusSeconds(3)), platform.triesOf(aliceFirst));
    assertEquals(1, platform.delivered().stream().filter(d -> d.id() == aliceFirst).count());
    // and Bob's message did not wait for Alice's; Alice's second came after her first
    List<Delivery> alice = platform.byRecipient().get("ALICE");
    assertEquals(List.of(aliceFirst, messages.get(2).id()), alice.stream().map(Delivery::id).toList());
    assertTrue(platform.byRecipient().get("BOB").get(0).at().isBefore(start.plusSeconds(1)), "Bob was held back by Alice's wait");
    // and the outbox row shows it sent, with no failed attempt
    assertEquals(List.of(0, 0, 0), attemptsOfSentRows());
  }

  @Test
  @DisplayName("a burst of 200 Discord messages never goes faster than its global rate of 20 a second")
  void discordBurstStaysUnderItsRate() throws Exception {
    // given 200 messages to 200 members and the collective's channel, written at once
    var platform = new RecordingMessenger("discord", DISCORD_LIKE);
    List<Audience> messages = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      messages.add(i % 10 == 0 ? Audience.channel("G1") : Audience.member("M" + i));
    }

    // when they are sent
    sendAll(platform, store(messages));

    // then all went, and no one-second window holds more than 20 of them (Discord's limit is 50)
    List<Instant> times = platform.delivered().stream().map(Delivery::at).toList();
    assertEquals(200, times.size());
    int most = 0;
    for (int i = 0; i < times.size(); i++) {
      Instant end = times.get(i).plusSeconds(1);
      int inWindow = 0;
      for (int j = i; j < times.size() && times.get(j).isBefore(end); j++) {
        inWindow++;
      }
      most = Math.max(most, inWindow);
    }
    assertTrue(most <= 20, most + " messages within one second");
    assertTrue(Duration.between(times.get(0), times.get(199)).compareTo(Duration.ofMillis(199 * 50)) >= 0);
  }

  @Test
  @DisplayName("a failing message holds back only its own recipient's later messages, which then follow in order")
  void failureHoldsBackOnlyItsRecipient() throws Exception {
    // given Alice's first message fails twice (Slack unreachable for her DM) before going through
    var platform = new RecordingMessenger("slack", Pacing.NONE);
    List<OutboundMessage> messages = store(List.of(Audience.member("ALICE"), Audience.member("ALICE"),
        Audience.member("BOB"), Audience.channel("C1"), Audience.member("BOB")));
    long aliceFirst = messages.get(0).id();
    platform.answerFirst(aliceFirst, new IllegalStateException("connection reset"), new IllegalStateException("connection reset"));
    Instant start = timer.now();

    // when they are sent
    sendAll(platform, messages);

    // then Bob's messages and the channel's went at once, without waiting for Alice's retries
    Map<String, List<Delivery>> byRecipient = platform.byRecipient();
    for (Delivery d : byRecipient.get("BOB")) {
      assertEquals(start, d.at(), "Bob waited behind Alice's failing message");
    }
    assertEquals(start, byRecipient.get("C1").get(0).at());
    // and Alice's came in order once the first went through, after 0.5 s then 1 s of backoff
    assertEquals(List.of(aliceFirst, messages.get(1).id()), byRecipient.get("ALICE").stream().map(Delivery::id).toList());
    assertEquals(List.of(start, start.plusMillis(500), start.plusMillis(1500)), platform.triesOf(aliceFirst));
    // and the failures were counted on that row only
    assertEquals(List.of(2, 0, 0, 0, 0), attemptsOfSentRows());
  }

  @Test
  @DisplayName("each recipient's messages keep their order through interleaving, retry-afters and failures")
  void orderPerRecipientIsKept() throws Exception {
    // given 60 messages for three members and a channel, interleaved, some asked to wait or failing
    var platform = new RecordingMessenger("slack", SLACK_LIKE);
    List<Audience> audiences = List.of(Audience.member("A"), Audience.member("B"), Audience.channel("C"), Audience.member("D"));
    List<Audience> messages = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      messages.add(audiences.get((i * 7 + i / 5) % 4));
    }
    List<OutboundMessage> stored = store(messages);
    for (int i = 3; i < 60; i += 11) {
      platform.answerFirst(stored.get(i).id(), new RetryAfterException(Duration.ofSeconds(2)));
    }
    for (int i = 8; i < 60; i += 13) {
      platform.answerFirst(stored.get(i).id(), new IllegalStateException("HTTP 500"));
    }

    // when they are sent
    sendAll(platform, stored);

    // then every message was delivered once, and each recipient got theirs in the order written
    assertEquals(60, platform.delivered().size());
    platform.byRecipient().forEach((recipient, own) -> {
      List<Long> ids = own.stream().map(Delivery::id).toList();
      assertEquals(ids.stream().sorted().toList(), ids, recipient + "'s messages out of order");
    });
  }

  // --- helpers


  private record Delivery(long id, String recipient, Instant at) {}

  /** A platform that records each try with the timer's time, and answers chosen tries with an exception. */
  private final class RecordingMessenger implements Messenger {
    private final String platform;
    private final Pacing pacing;
    private final List<Delivery> delivered = new CopyOnWriteArrayList<>();
    private final Map<Long, List<Instant>> tries = new ConcurrentHashMap<>();
    private final Map<Long, List<Exception>> answers = new ConcurrentHashMap<>();

    RecordingMessenger(String platform, Pacing pacing) {
      this.platform = platform;
      this.pacing = pacing;
    }

    void answerFirst(long id, Exception... failures) {
      answers.put(id, new ArrayList<>(List.of(failures)));
    }

    @Override
    public String platform() {
      return platform;
    }

    @Override
    public Pacing pacing() {
      return pacing;
    }

    @Override
    public void send(OutboundMessage m) throws Exception {
      tries.computeIfAbsent(m.id(), k -> new CopyOnWriteArrayList<>()).add(timer.now());
      List<Exception> planned = answers.get(m.id());
      if (planned != null && !planned.isEmpty()) {
        throw planned.remove(0);
      }
      delivered.add(new Delivery(m.id(), m.audience().id(), timer.now()));
    }

    List<Delivery> delivered() {
      return List.copyOf(delivered);
    }

    List<Instant> triesOf(long id) {
      return tries.get(id);
    }

    Map<String, List<Delivery>> byRecipient() {
      Map<String, List<Delivery>> result = new LinkedHashMap<>();
      delivered.forEach(d -> result.computeIfAbsent(d.recipient(), k -> new ArrayList<>()).add(d));
      return result;
    }
  }

  /** Writes the messages to the outbox, as a turn would, and returns them with their row ids. */
  private List<OutboundMessage> store(List<Audience> audiences) {
    return StoredMessages.store(writer, "pending", audiences);
  }

  /** Starts a sender with the messages as left over from a previous run, and waits until all are sent. */
  private void sendAll(RecordingMessenger platform, List<OutboundMessage> messages) throws Exception {
    List<OutboundMessage> onPlatform = messages.stream()
        .map(m -> new OutboundMessage(m.id(), platform.platform(), m.collective(), m.audience(), m.text(), m.expects(),
            m.options(), null, null, m.lang()))
        .toList();
    Map<String, Messenger> messengers = new HashMap<>();
    messengers.put(platform.platform(), platform);
    sender = new OutboxSender(writer, messengers, Clock.systemUTC(), timer);
    sender.start(onPlatform);
    assertTrue(sender.awaitIdle(20, TimeUnit.SECONDS), "the outbox did not empty");
    writer.submit(c -> null).join();
  }

  /** Failed attempts of each outbox row, in row order, requiring every row to be marked sent. */
  private List<Integer> attemptsOfSentRows() throws Exception {
    List<Integer> attempts = new ArrayList<>();
    try (var c = db.connectReadOnly(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT attempts, sent_at FROM outbox ORDER BY id")) {
      while (rs.next()) {
        assertTrue(rs.getObject(2) != null, "a delivered message is not marked sent");
        attempts.add(rs.getInt(1));
      }
    }
    return attempts;
  }
}
