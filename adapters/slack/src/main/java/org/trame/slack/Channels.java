package org.trame.slack;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.trame.core.port.RetryAfterException;

/**
 * Where a member's messages go: their DM with the bot, opened once, then cached. The collective's
 * channel is not chosen here: the core resolves it ({@code TRAME_SLACK_CHANNEL}, else the channel a
 * coordinator set with {@code channel here}) and names it in each channel message, so it never
 * follows where someone last typed {@code /trame}.
 */
final class Channels {

  private final SlackWeb web;
  private final Map<String, String> directMessages = new ConcurrentHashMap<>();

  Channels(SlackWeb web) {
    this.web = web;
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
}
