package org.trame.discord;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.requests.restaction.CommandListUpdateAction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommandRegistrationTest {

  @Test
  @DisplayName("/trame is registered once per process, and a refused registration is tried again later")
  @SuppressWarnings("unchecked")
  void retried() {
    // given Discord refusing the first registration
    JDA jda = mock(JDA.class);
    when(jda.getStatus()).thenReturn(JDA.Status.CONNECTED);
    CommandListUpdateAction update = mock(CommandListUpdateAction.class, RETURNS_SELF);
    when(jda.updateCommands()).thenReturn(update);
    int[] attempts = {0};
    doAnswer(call -> {
      if (attempts[0]++ == 0) {
        ((Consumer<Throwable>) call.getArgument(1)).accept(new IllegalStateException("503"));
      }
      return null;
    }).when(update).queue(any(), any());
    List<Runnable> later = new ArrayList<>();
    DiscordAdapter.CommandRegistration registration = new DiscordAdapter.CommandRegistration(later::add);
    ReadyEvent ready = mock(ReadyEvent.class);
    when(ready.getJDA()).thenReturn(jda);
    // when two shards become ready
    registration.onReady(ready);
    registration.onReady(ready);
    // then one registration was sent, and one retry is scheduled
    verify(jda, times(1)).updateCommands();
    // when the retry runs
    later.forEach(Runnable::run);
    // then the command is registered again
    verify(jda, times(2)).updateCommands();
  }
}
