package org.trame.discord;

/**
 * Discord refuses a message for a reason that retrying will not change (the member's DMs are
 * closed, the bot lost access to the guild or channel). The core's outbox sends one message at a
 * time and holds back the ones after a failing message, so such a message is given up, with a
 * warning, rather than blocking every other member's messages.
 */
public class UndeliverableException extends Exception {

  public UndeliverableException(String message, Throwable cause) {
    super(message, cause);
  }
}
