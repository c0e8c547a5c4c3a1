package org.trame.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.InboundEvent.Kind;
import org.trame.core.port.MemberHints;

@DisplayName("Slack: deliveries reach the core in each member's order, and a failure stays with its event")
class DispatcherTest {

  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final Members members = mock(Members.class);
  private Dispatcher dispatcher;

  @AfterEach
  void stop() {
    dispatcher.close();
  }

  private Function<InboundEvent, CompletableFuture<Handled>> recordingCore() {
    return e -> {
      seen.add(e.eventId());
      if (e.text().equals("explode")) {
        throw new IllegalStateException("storage is gone");
      }
      return CompletableFuture.completedFuture(new Handled(Handled.Outcome.ACCEPTED, List.of()));
    };
  }

  @Test
  @DisplayName("given a member's first event waits on a slow profile look-up, when her second arrives, then the core still gets them in order")
  void oneMembersEventsStayInOrder() throws Exception {
    // given
    when(members.lookUp(anyString(), any())).thenAnswer(inv -> {
      if (seen.isEmpty()) {
        Thread.sleep(300);
      }
      return new Members.Known("alice", MemberHints.NONE);
    });
    dispatcher = new Dispatcher(recordingCore(), members, 4);

    // when
    dispatcher.submit("e1", "T", "UALICE", null, Kind.TEXT, "first", null, null, null);
    dispatcher.submit("e2", "T", "UALICE", null, Kind.TEXT, "second", null, null, null);
    assertTrue(dispatcher.awaitIdle(Duration.ofSeconds(5)));

    // then
    assertEquals(List.of("e1", "e2"), seen);
  }

  @Test
  @DisplayName("given the core fails on one event, when more follow, then that event's future fails and the next ones still go through")
  void failureStaysWithItsEvent() throws Exception {
    // given
    when(members.lookUp(anyString(), any())).thenReturn(new Members.Known("alice", new MemberHints("en-US", null, false)));
    dispatcher = new Dispatcher(recordingCore(), members, 2);

    // when
    CompletableFuture<Handled> broken = dispatcher.submit("e1", "T", "UALICE", null, Kind.TEXT, "explode", null, null, null);
    CompletableFuture<Handled> fine = dispatcher.submit("e2", "T", "UALICE", null, Kind.TEXT, "fine", null, null, null);

    // then
    assertThrows(ExecutionException.class, () -> broken.get(5, TimeUnit.SECONDS));
    assertEquals(Handled.Outcome.ACCEPTED, fine.get(5, TimeUnit.SECONDS).outcome());
    assertTrue(dispatcher.awaitIdle(Duration.ofSeconds(5)));
  }
}
