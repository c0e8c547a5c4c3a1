package org.trame.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.Mockito.mock;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.port.Audience;
import org.trame.core.port.Handled;
import org.trame.core.port.OutboundMessage;

class TurnsTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final Turns turns = new Turns(now::get);

  private static OutboundMessage to(String member, long id) {
    return new OutboundMessage(id, "discord", "g", Audience.member(member), "hi", null, List.of(), null, null, "en");
  }

  @Test
  @DisplayName("a message sent before the adapter sees its turn's result waits for it, and is matched by outbox id")
  void waitsForTheTurn() throws Exception {
    // given a click still in the core
    Turns.Turn turn = turns.begin("g", "alice", Turns.Origin.COMPONENT, mock(Replies.class));
    // when the outbox already asks who sent message 7
    CompletableFuture<Turns.Turn> owner = CompletableFuture.supplyAsync(() -> {
      try {
        return turns.ownerOf(to("alice", 7));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    // and the core then reports the turn produced it
    Thread.sleep(50);
    turn.done(new Handled(Handled.Outcome.APPLIED, List.of(to("alice", 7))));
    // then the message belongs to that turn
    assertSame(turn, owner.get(5, TimeUnit.SECONDS));
  }

  @Test
  @DisplayName("another member's message, or one the turn did not produce, has no owner")
  void otherMessages() throws Exception {
    // given a resolved turn of alice producing message 7
    turns.begin("g", "alice", Turns.Origin.COMMAND, mock(Replies.class))
        .done(new Handled(Handled.Outcome.APPLIED, List.of(to("alice", 7))));
    // then bob's message and alice's message 8 (a reminder) are nobody's
    assertNull(turns.ownerOf(to("bob", 7)));
    assertNull(turns.ownerOf(to("alice", 8)));
  }

  @Test
  @DisplayName("after 14 minutes a turn no longer answers in place, and is forgotten")
  void expiry() throws Exception {
    // given a resolved turn
    turns.begin("g", "alice", Turns.Origin.COMMAND, mock(Replies.class))
        .done(new Handled(Handled.Outcome.APPLIED, List.of(to("alice", 7))));
    // when 14 minutes pass
    now.addAndGet(Turns.LIFETIME_MS);
    // then its message goes elsewhere, and the next interaction of that member prunes it
    assertNull(turns.ownerOf(to("alice", 7)));
    turns.begin("g", "alice", Turns.Origin.COMMAND, mock(Replies.class));
    assertEquals(1, turns.size());
  }
}
