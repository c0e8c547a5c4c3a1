package org.trame.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.Mockito.mock;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.port.Audience;
import org.trame.core.port.Handled;
import org.trame.core.port.OutboundMessage;

class TurnsTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final Turns turns = new Turns(now::get);

  private static OutboundMessage to(String member, String eventId) {
    OutboundMessage m = new OutboundMessage(7, "discord", "g", Audience.member(member), "hi", null, List.of(), null, null, "en");
    return eventId == null ? m : m.inReplyTo(new OutboundMessage.Reply(eventId, Handled.Outcome.ACCEPTED));
  }

  @Test
  @DisplayName("a message sent before the adapter sees its turn's result belongs to its interaction at once, by event id")
  void matchedByEventId() {
    // given a click registered, still in the core
    Turns.Turn turn = turns.begin("ev1", "g", "alice", Turns.Origin.COMPONENT, mock(Replies.class));
    // when the outbox already asks whose reply to event ev1 is
    // then it is that interaction's, with no waiting for the core's result
    assertSame(turn, turns.ownerOf(to("alice", "ev1")));
  }

  @Test
  @DisplayName("another member's message, a reply to another event, or a message answering no event has no owner")
  void otherMessages() {
    // given alice's interaction ev1
    turns.begin("ev1", "g", "alice", Turns.Origin.COMMAND, mock(Replies.class));
    // then bob's message of that event, alice's reply to ev9 and a reminder are nobody's
    assertNull(turns.ownerOf(to("bob", "ev1")));
    assertNull(turns.ownerOf(to("alice", "ev9")));
    assertNull(turns.ownerOf(to("alice", null)));
  }

  @Test
  @DisplayName("after 14 minutes a turn no longer answers in place, and is forgotten")
  void expiry() {
    // given an interaction
    turns.begin("ev1", "g", "alice", Turns.Origin.COMMAND, mock(Replies.class));
    // when 14 minutes pass
    now.addAndGet(Turns.LIFETIME_MS);
    // then its message goes elsewhere, and later interactions prune it
    assertNull(turns.ownerOf(to("alice", "ev1")));
    for (int i = 0; i < 255; i++) {
      turns.begin("later" + i, "g", "alice", Turns.Origin.COMMAND, mock(Replies.class));
    }
    assertNull(turns.ownerOf(to("alice", "ev1")));
    assertEquals(255, turns.size(), "the 256th interaction pruned the expired one");
  }
}
