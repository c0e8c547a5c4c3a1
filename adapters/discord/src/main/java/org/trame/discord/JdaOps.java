package org.trame.discord;

import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.trame.core.port.UndeliverableException;

/** {@link DiscordOps} through JDA's REST actions, waited on with {@code complete()}. */
final class JdaOps implements DiscordOps {

  private final ShardManager shards;
  private final ChannelDirectory channels;

  JdaOps(ShardManager shards, ChannelDirectory channels) {
    this.shards = shards;
    this.channels = channels;
  }

  @Override
  public String sendPrivate(String userId, List<MessageCreateData> parts, long outboxId) throws Exception {
    // Any shard can open a DM; they all share the REST rate limiter of the process.
    JDA jda = shards.getShardCache().stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("no Discord shard is running"));
    try {
      PrivateChannel dm = jda.openPrivateChannelById(userId).complete();
      return send(dm, parts, outboxId);
    } catch (ErrorResponseException e) {
      if (e.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER) {
        throw new DmsClosedException(e);
      }
      throw permanent(e);
    }
  }

  @Override
  public void sendToChannel(String guildId, String channelId, List<MessageCreateData> parts, long outboxId)
      throws Exception {
    Guild guild = guild(guildId);
    if (guild == null) {
      throw new UndeliverableException("the guild is not on a shard of this process, or the bot left it", null);
    }
    GuildMessageChannel channel = channels.postable(guild, channelId);
    try {
      send(channel, parts, outboxId);
    } catch (ErrorResponseException e) {
      throw permanent(e);
    }
  }

  @Override
  public Optional<String> configuredChannel(String guildId) {
    Guild guild = guild(guildId);
    return guild == null ? Optional.empty() : channels.configured(guild).map(GuildMessageChannel::getId);
  }

  private Guild guild(String guildId) {
    try {
      return shards.getGuildById(Long.parseUnsignedLong(guildId));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Discord's answers that no retry changes (50001 missing access, 50013 missing permissions, 10003
   * unknown channel, 10013 unknown user, 10004 unknown guild), thrown with Discord's code and
   * meaning for the outbox to give the message up; anything else (network, 5xx) stays a retried failure.
   */
  private static Exception permanent(ErrorResponseException e) {
    return switch (e.getErrorResponse()) {
      case MISSING_ACCESS, MISSING_PERMISSIONS, UNKNOWN_CHANNEL, UNKNOWN_USER, UNKNOWN_GUILD ->
          new UndeliverableException(e.getErrorCode() + " " + e.getMeaning(), e);
      default -> e;
    };
  }

  private static String send(MessageChannel channel, List<MessageCreateData> parts, long outboxId) {
    String link = null;
    for (int i = 0; i < parts.size(); i++) {
      Message sent = channel.sendMessage(parts.get(i)).setNonce(DiscordOps.nonce(outboxId, i)).complete();
      if (link == null) {
        link = sent.getJumpUrl();
      }
    }
    return link;
  }
}
