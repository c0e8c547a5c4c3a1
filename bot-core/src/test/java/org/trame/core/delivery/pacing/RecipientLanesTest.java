package org.trame.core.delivery.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.port.Audience;
import org.trame.core.port.OutboundMessage;
import org.trame.core.port.Pacing;

/** The order in which lined-up messages go, without a sender thread or a clock. */
class RecipientLanesTest {

  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private long ids;

  private OutboundMessage to(String platform, String member) {
    return new OutboundMessage(++ids, platform, "c", Audience.member(member), "hello " + ids, null, null, null, null, "en");
  }

  /** Sends everything that may go at {@code now}, in the order the lanes give. */
  private static List<Long> drain(RecipientLanes lanes, Instant now) {
    List<Long> sent = new ArrayList<>();
    for (RecipientLanes.Next next = lanes.next(now); next.message() != null; next = lanes.next(now)) {
      sent.add(next.message().id());
      lanes.sent(next.message(), now);
    }
    return sent;
  }

  @Test
  @DisplayName("messages that may all go now go in the order they were committed, each recipient's in order")
  void commitOrder() {
    // given 3,000 recipients, each with two messages, lined up interleaved
    RecipientLanes lanes = new RecipientLanes(Map.of());
    List<Long> committed = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (int m = 0; m < 3_000; m++) {
        OutboundMessage msg = to("bench", "m" + m);
        committed.add(msg.id());
        lanes.add(msg);
      }
    }
    // when everything is sent at once
    List<Long> sent = drain(lanes, T0);
    // then it went out in commit order and nothing is left
    assertEquals(committed, sent);
    assertEquals(0, lanes.waiting());
    assertTrue(lanes.next(T0).isEmpty());
  }

  @Test
  @DisplayName("a recipient who asked to wait holds back only their own messages, which go when the wait is over")
  void retryAfterHoldsOneLane() {
    // given alice's first message is refused with "retry after 30 s", and bob has two messages behind hers
    RecipientLanes lanes = new RecipientLanes(Map.of());
    OutboundMessage a1 = to("slack", "alice");
    OutboundMessage a2 = to("slack", "alice");
    OutboundMessage b1 = to("slack", "bob");
    OutboundMessage b2 = to("slack", "bob");
    List.of(a1, a2, b1, b2).forEach(lanes::add);
    assertEquals(a1, lanes.next(T0).message());
    lanes.retryAfter(a1, T0, Duration.ofSeconds(30));

    // when the sender goes on at once, bob's messages go, and then everyone waits until alice may get hers
    assertEquals(List.of(b1.id(), b2.id()), drain(lanes, T0));
    RecipientLanes.Next waiting = lanes.next(T0);
    assertNull(waiting.message());
    assertEquals(T0.plusSeconds(30), waiting.at());

    // then after 30 s alice's two messages go, in her order
    assertEquals(List.of(a1.id(), a2.id()), drain(lanes, T0.plusSeconds(30)));
  }

  @Test
  @DisplayName("with a platform pace, the message committed first among those ready goes first, and the next waits for the platform")
  void platformPace() {
    // given a platform that takes one message every 50 ms and a recipient pace of 1 s
    RecipientLanes lanes = new RecipientLanes(Map.of("discord", new Pacing(Duration.ofSeconds(1), Duration.ofMillis(50))));
    OutboundMessage a1 = to("discord", "alice");
    OutboundMessage a2 = to("discord", "alice");
    OutboundMessage b1 = to("discord", "bob");
    List.of(a1, a2, b1).forEach(lanes::add);

    // when alice's first is sent at T0
    assertEquals(a1, lanes.next(T0).message());
    lanes.sent(a1, T0);

    // then bob's goes next, when the platform is free (50 ms), before alice's second (1 s)
    RecipientLanes.Next next = lanes.next(T0);
    assertNull(next.message());
    assertEquals(T0.plusMillis(50), next.at());
    assertEquals(b1, lanes.next(T0.plusMillis(50)).message());
    lanes.sent(b1, T0.plusMillis(50));
    assertEquals(T0.plusSeconds(1), lanes.next(T0.plusMillis(60)).at());
    assertEquals(a2, lanes.next(T0.plusSeconds(1)).message());
  }

  @Test
  @DisplayName("a failed message waits a growing delay and its recipient's later ones wait behind it")
  void failureBackoff() {
    RecipientLanes lanes = new RecipientLanes(Map.of());
    OutboundMessage a1 = to("slack", "alice");
    OutboundMessage a2 = to("slack", "alice");
    lanes.add(a1);
    lanes.add(a2);
    assertEquals(Duration.ofMillis(500), lanes.failed(a1, T0));
    assertEquals(T0.plusMillis(500), lanes.next(T0).at());
    assertEquals(Duration.ofSeconds(1), lanes.failed(lanes.next(T0.plusMillis(500)).message(), T0.plusMillis(500)));
    assertEquals(List.of(a1.id(), a2.id()), drain(lanes, T0.plusMillis(1500)));
  }
}
