package org.trame.slack;

import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trame.core.port.RetryAfterException;

/**
 * Where messages go. A member's messages go to their DM with the bot (opened once, then cached).
 * The collective's messages go, in order of preference, to {@code TRAME_SLACK_CHANNEL}, to the
 * channel the latest {@code /trame} command was typed in, or to the first channel the bot is a
 * member of.
 */
final class Channels {

  private static final Logger log = LoggerFactory.getLogger(Channels.class);

  private final SlackWeb web;
  private final String configured;
  private final Map<String, String> directMessages = new ConcurrentHashMap<>();
  private final Map<String, String> lastCommandChannel = new ConcurrentHashMap<>();
  private volatile String discovered;

  Channels(SlackWeb web, String configured) {
    this.web = web;
    this.configured = configured;
  }

  /** The DM channel with {@code userId}, opening it on first use. */
  String directMessage(String userId) throws SlackWeb.SlackCallException, RetryAfterException, InterruptedException {
    String known = directMessages.get(userId);
    if (known != null) {
      return known;
    }
    String id = web.callFromOutbox("conversations.open", c -> c.conversationsOpen(r -> r.users(List.of(userId)))).getChannel().getId();
    directMessages.put(userId, id);
    return id;
  }

  /** Remembers where a command was typed: a public or private channel, not a DM. */
  void commandTypedIn(String teamId, String channelId) {
    if (channelId != null && (channelId.startsWith("C") || channelId.startsWith("G"))) {
      lastCommandChannel.put(teamId, channelId);
    }
  }

  /** The collective's channel, or null when the bot knows none. */
  String collective(String teamId) throws SlackWeb.SlackCallException, RetryAfterException, InterruptedException {
    if (configured != null) {
      return configured;
    }
    String last = lastCommandChannel.get(teamId);
    if (last != null) {
      return last;
    }
    if (discovered == null) {
      List<Conversation> mine;
      try {
        mine = web.callFromOutbox("users.conversations", c -> c.usersConversations(r -> r
            .types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL))
            .excludeArchived(true).limit(100))).getChannels();
      } catch (SlackWeb.SlackCallException e) {
        if (!"missing_scope".equals(e.error())) {
          throw e;
        }
        // An app installed without channels:read can still post where it is told to.
        log.warn("cannot list the bot's channels (missing channels:read/groups:read); set TRAME_SLACK_CHANNEL");
        return null;
      }
      discovered = mine == null ? null : mine.stream().map(Conversation::getId).findFirst().orElse(null);
      if (discovered == null) {
        log.warn("no channel for the collective's messages: set TRAME_SLACK_CHANNEL or invite the bot to a channel");
      }
    }
    return discovered;
  }
}
