package org.trame.discord;

import java.util.List;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * The few Discord calls the messenger needs, blocking: they return once Discord has accepted the
 * message and throw otherwise, so a failed message stays in the core's outbox. Rate limits are
 * JDA's: a call waits its turn, it is never sent around them.
 */
interface DiscordOps {

  /**
   * Sends the parts to a member's DMs and returns a link to the first one.
   *
   * @throws DmsClosedException when Discord refuses because the member does not accept DMs
   * @throws org.trame.core.port.UndeliverableException when Discord refuses for another reason no retry changes
   */
  String sendPrivate(String userId, List<MessageCreateData> parts, long outboxId) throws Exception;

  /**
   * Posts the parts to the channel {@code channelId}, which must be a channel of the guild where
   * the bot may post.
   *
   * @throws org.trame.core.port.UndeliverableException when it is not, or Discord refuses for good
   */
  void sendToChannel(String guildId, String channelId, List<MessageCreateData> parts, long outboxId) throws Exception;

  /** The guild's channel listed in {@code TRAME_DISCORD_CHANNEL}, from JDA's cache; empty if none is that guild's. */
  java.util.Optional<String> configuredChannel(String guildId);

  /** The nonce Discord deduplicates a retried post with (it keeps them a few minutes). */
  static String nonce(long outboxId, int part) {
    return "t" + outboxId + "." + part;
  }
}
