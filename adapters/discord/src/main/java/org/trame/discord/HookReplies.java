package org.trame.discord;

import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** {@link Replies} through an interaction's JDA hook, which waits for the acknowledgement itself. */
final class HookReplies implements Replies {

  private final InteractionHook hook;

  HookReplies(InteractionHook hook) {
    this.hook = hook;
  }

  @Override
  public void replaceOriginal(MessageCreateData message) {
    hook.editOriginal(MessageEditData.fromCreateData(message)).complete();
  }

  @Override
  public void followUp(MessageCreateData message) {
    hook.sendMessage(message).setEphemeral(true).complete();
  }

  @Override
  public void dropOriginal() {
    hook.deleteOriginal().queue(null, failure -> { });
  }

  @Override
  public boolean expired() {
    return hook.isExpired();
  }
}
