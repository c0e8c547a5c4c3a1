package org.trame.discord;

import java.util.List;
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
        throw new DmsClosedException(userId, e);
      }
      throw e;
    }
  }

  @Override
  public void sendToCollective(String guildId, List<MessageCreateData> parts, long outboxId) {
    Guild guild = shards.getGuildById(guildId);
    if (guild == null) {
      throw new IllegalStateException("guild " + guildId + " is not on a shard of this process (or the bot left it)");
    }
    GuildMessageChannel channel = channels.channelOf(guild);
    if (channel == null) {
      throw new IllegalStateException("no channel of guild " + guildId + " accepts the bot's messages; set TRAME_DISCORD_CHANNEL");
    }
    send(channel, parts, outboxId);
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
