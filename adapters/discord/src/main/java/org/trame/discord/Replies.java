package org.trame.discord;

import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * The answers an acknowledged interaction can still give (Discord allows 15 minutes): replace
 * its original response, or add an ephemeral follow-up. Blocking: they return once Discord has
 * accepted the message and throw if it did not.
 */
public interface Replies {

  /** Replaces the original response (the deferred reply of a command, or the clicked message). */
  void replaceOriginal(MessageCreateData message) throws Exception;

  /** Adds a message only the member sees. */
  void followUp(MessageCreateData message) throws Exception;

  /** Removes the original response (a deferred reply that has nothing to say). */
  void dropOriginal();

  /** True once the interaction token no longer works. */
  boolean expired();
}
