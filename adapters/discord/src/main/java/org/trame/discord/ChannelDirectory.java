package org.trame.discord;

import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.trame.core.port.UndeliverableException;

/**
 * The collective's channel of a guild. The core decides which channel it is (the one configured in
 * {@code TRAME_DISCORD_CHANNEL}, else the one a coordinator set with {@code /trame channel here}) and
 * names it in each message; this checks that the channel named is one of the message's guild where
 * the bot may post. It never picks another: not where someone last typed, not the system channel.
 */
final class ChannelDirectory {

  private final Set<Long> configured;

  ChannelDirectory(Set<Long> configured) {
    this.configured = Set.copyOf(configured);
  }

  /** The guild's channel listed in {@code TRAME_DISCORD_CHANNEL}, if one of them is that guild's. */
  Optional<GuildMessageChannel> configured(Guild guild) {
    for (Long id : configured) {
      GuildMessageChannel c = guild.getChannelById(GuildMessageChannel.class, id);
      if (c != null) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * The channel {@code channelId} of {@code guild}, where the bot may post.
   *
   * <p>A message written before the core named channels (still in the outbox when this version
   * starts) names the guild's own id; it goes to the guild's configured channel, if any.
   *
   * @throws UndeliverableException when it is not a channel of that guild, or the bot may not post there
   */
  GuildMessageChannel postable(Guild guild, String channelId) throws UndeliverableException {
    GuildMessageChannel channel = null;
    try {
      channel = guild.getChannelById(GuildMessageChannel.class, Long.parseUnsignedLong(channelId));
    } catch (NumberFormatException e) {
      // not a Discord id: no such channel, said below
    }
    if (channel == null && channelId.equals(guild.getId())) {
      channel = configured(guild).orElse(null);
    }
    if (channel == null) {
      throw new UndeliverableException("channel " + channelId + " is not a text channel of guild " + guild.getId()
          + " (deleted, or of another guild)", null);
    }
    if (!channel.canTalk()) {
      throw new UndeliverableException("the bot may not post in channel " + channelId
          + " of guild " + guild.getId() + " (it needs View Channel and Send Messages there)", null);
    }
    return channel;
  }
}
