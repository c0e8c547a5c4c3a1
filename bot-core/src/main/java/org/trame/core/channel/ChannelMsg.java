package org.trame.core.channel;

import org.trame.core.i18n.MessageKey;

/**
 * What the channel feature says, keyed: each key has its French and English text in {@code
 * prompts/messages/channel.yaml}, checked at start.
 */
public enum ChannelMsg implements MessageKey {
  CHANNEL_USAGE,
  CHANNEL_SET,
  CHANNEL_HERE_ELSEWHERE,
  CHANNEL_CONFIGURED,
  CHANNEL_CONFIGURED_SHOWN,
  CHANNEL_SHOWN;
}
