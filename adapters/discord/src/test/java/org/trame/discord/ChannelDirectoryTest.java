package org.trame.discord;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChannelDirectoryTest {

  private final Guild guild = mock(Guild.class);
  private final TextChannel configured = channel(true);
  private final TextChannel lastUsed = channel(true);
  private final TextChannel system = channel(true);
  private final TextChannel readOnly = channel(false);
  private final TextChannel open = channel(true);

  private static TextChannel channel(boolean canTalk) {
    TextChannel c = mock(TextChannel.class);
    when(c.canTalk()).thenReturn(canTalk);
    return c;
  }

  @BeforeEach
  void guild() {
    when(guild.getIdLong()).thenReturn(1L);
    when(guild.getChannelById(GuildMessageChannel.class, 10L)).thenReturn(configured);
    when(guild.getChannelById(GuildMessageChannel.class, 20L)).thenReturn(lastUsed);
    when(guild.getTextChannels()).thenReturn(List.of(readOnly, open));
  }

  @Test
  @DisplayName("the channel listed in TRAME_DISCORD_CHANNEL comes first")
  void configuredFirst() {
    // given a configured channel of this guild (and one of another guild)
    ChannelDirectory d = new ChannelDirectory(Set.of(99L, 10L));
    d.used(1L, 20L);
    // then it is the collective's channel
    assertSame(configured, d.channelOf(guild));
  }

  @Test
  @DisplayName("without one: where /trame was last used, then the system channel, then the first writable channel")
  void fallbacks() {
    ChannelDirectory d = new ChannelDirectory(Set.of());
    // given no configuration and no command yet, and no system channel
    // then the first channel the bot can write in
    assertSame(open, d.channelOf(guild));
    // given a system channel
    when(guild.getSystemChannel()).thenReturn(system);
    assertSame(system, d.channelOf(guild));
    // given a command used in a channel
    d.used(1L, 20L);
    assertSame(lastUsed, d.channelOf(guild));
  }

  @Test
  @DisplayName("a guild where the bot can write nowhere has no channel (the post stays in the outbox)")
  void nowhere() {
    when(guild.getTextChannels()).thenReturn(List.of(readOnly));
    assertNull(new ChannelDirectory(Set.of()).channelOf(guild));
  }
}
