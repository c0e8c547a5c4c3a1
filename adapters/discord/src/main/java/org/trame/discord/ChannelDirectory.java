package org.trame.discord;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;

/**
 * Which channel is a guild's collective channel, in order: the channel of that guild listed in
 * {@code TRAME_DISCORD_CHANNEL}; else the channel where /trame was last used in the guild (since
 * this process started); else the guild's system channel; else its first text channel the bot can
 * write in.
 */
final class ChannelDirectory {

  private final Set<Long> configured;
  private final Map<Long, Long> lastUsed = new ConcurrentHashMap<>();

  ChannelDirectory(Set<Long> configured) {
    this.configured = Set.copyOf(configured);
  }

  /** Remembers where a member used /trame in a guild. */
  void used(long guildId, long channelId) {
    lastUsed.put(guildId, channelId);
  }

  /** The guild's collective channel, or null when the bot can write nowhere there. */
  GuildMessageChannel channelOf(Guild guild) {
    for (Long id : configured) {
      GuildMessageChannel c = guild.getChannelById(GuildMessageChannel.class, id);
      if (c != null) {
        return c;
      }
    }
    Long last = lastUsed.get(guild.getIdLong());
    if (last != null) {
      GuildMessageChannel c = guild.getChannelById(GuildMessageChannel.class, last);
      if (c != null && c.canTalk()) {
        return c;
      }
    }
    TextChannel system = guild.getSystemChannel();
    if (system != null && system.canTalk()) {
      return system;
    }
    return guild.getTextChannels().stream().filter(TextChannel::canTalk).findFirst().orElse(null);
  }
}
