package org.trame.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.port.UndeliverableException;

class ChannelDirectoryTest {

  private static final String GUILD = "1200000000000000002";

  private final Guild guild = mock(Guild.class);
  private final TextChannel configured = channel(true, "1300000000000000010");
  private final TextChannel set = channel(true, "1300000000000000020");
  private final TextChannel system = channel(true, "1300000000000000030");
  private final TextChannel readOnly = channel(false, "1300000000000000040");

  private static TextChannel channel(boolean canTalk, String id) {
    TextChannel c = mock(TextChannel.class);
    when(c.canTalk()).thenReturn(canTalk);
    when(c.getId()).thenReturn(id);
    return c;
  }

  @BeforeEach
  void guild() {
    when(guild.getId()).thenReturn(GUILD);
    when(guild.getIdLong()).thenReturn(Long.parseLong(GUILD));
    for (TextChannel c : new TextChannel[] {configured, set, system, readOnly}) {
      when(guild.getChannelById(GuildMessageChannel.class, Long.parseLong(c.getId()))).thenReturn(c);
    }
    when(guild.getSystemChannel()).thenReturn(system);
  }

  @Test
  @DisplayName("the configured channel of a guild is the one of TRAME_DISCORD_CHANNEL's ids that is this guild's")
  void configuredOfThisGuild() {
    // given ids of a channel of another guild and of one of this guild
    ChannelDirectory d = new ChannelDirectory(Set.of(1300000000000000099L, 1300000000000000010L));
    // then this guild's is its configured channel
    assertEquals(Optional.of(configured), d.configured(guild));
    // and a guild with none of them listed has none (no system or first channel stands in)
    assertTrue(new ChannelDirectory(Set.of(1300000000000000099L)).configured(guild).isEmpty());
  }

  @Test
  @DisplayName("a post goes to the channel the core named when it is this guild's and the bot may post there; never elsewhere")
  void namedChannelOnly() throws Exception {
    // given a configured channel, and a guild with a system channel
    ChannelDirectory d = new ChannelDirectory(Set.of(1300000000000000010L));
    // when the core names the channel a coordinator set
    // then that one is used, not the configured or the system channel
    assertSame(set, d.postable(guild, "1300000000000000020"));
    // when it names a channel of another guild (or a deleted one)
    UndeliverableException foreign = assertThrows(UndeliverableException.class, () -> d.postable(guild, "1300000000000000099"));
    // then nothing is posted, and the reason says why
    assertTrue(foreign.reason().contains("not a text channel of guild " + GUILD), foreign.reason());
    // when it names a channel where the bot may not write
    UndeliverableException mute = assertThrows(UndeliverableException.class, () -> d.postable(guild, "1300000000000000040"));
    assertTrue(mute.reason().contains("Send Messages"), mute.reason());
  }

  @Test
  @DisplayName("a message queued before channels were named carries the guild's id: it goes to the configured channel, else nowhere")
  void queuedBeforeTheUpgrade() throws Exception {
    // given the guild's own id as the channel, as an older version queued it
    // then the configured channel receives it
    assertSame(configured, new ChannelDirectory(Set.of(1300000000000000010L)).postable(guild, GUILD));
    // and without a configured channel, it is undeliverable (the system channel does not stand in)
    assertThrows(UndeliverableException.class, () -> new ChannelDirectory(Set.of()).postable(guild, GUILD));
  }
}
