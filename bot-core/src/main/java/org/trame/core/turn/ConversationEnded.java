package org.trame.core.turn;

import org.trame.core.engine.Conversation;

/**
 * Told when a conversation ends (finished or cancelled), after its last prompts are said and its
 * state saved, in the same turn: a group process (a conflict case) moves on or records a refusal.
 */
@FunctionalInterface
public interface ConversationEnded {

  ConversationEnded NOBODY = (t, c) -> { };

  void ended(TurnContext turn, Conversation conversation) throws Exception;
}
