package org.trame.core.turn;

import java.sql.SQLException;
import java.util.List;
import org.trame.core.engine.Conversation;
import org.trame.core.engine.FlowEngine;
import org.trame.core.engine.Prompt;
import org.trame.core.i18n.Msg;
import org.trame.core.port.Audience;
import org.trame.core.port.OutboundMessage.Expects;
import org.trame.core.storage.Conversations;
import org.trame.core.storage.Members;

/** Starts and continues conversations for a turn, saving their state in the turn's transaction. */
public final class FlowRunner {

  private final FlowEngine engine;
  private final ConversationEnded ended;

  FlowRunner(FlowEngine engine) {
    this(engine, ConversationEnded.NOBODY);
  }

  FlowRunner(FlowEngine engine, ConversationEnded ended) {
    this.engine = engine;
    this.ended = ended;
  }

  /**
   * Starts {@code flowId} for the member; if one is already open, continues it instead (a paused
   * one is resumed) rather than opening a second.
   */
  public Conversation start(TurnContext t, String flowId) throws Exception {
    Conversation open = Conversations.openIn(t.connection(), t.collectiveId(), t.member().memberId(), flowId);
    if (open != null) {
      t.say(Msg.ALREADY_OPEN, "flow", engine.prompts().flow(flowId).orElseThrow().title().in(t.lang()));
      open.status(Conversation.Status.ACTIVE);
      t.say(engine.reprompt(open, t.lang()), open);
      Conversations.saveAsLatest(t.connection(), open, t.now().toEpochMilli());
      return open;
    }
    Conversation c = Conversations.create(t.connection(), t.collectiveId(), t.member().memberId(), flowId, t.now().toEpochMilli());
    List<Prompt> prompts = engine.start(c, t.forConversation(c));
    t.say(prompts, c);
    Conversations.saveAsLatest(t.connection(), c, t.now().toEpochMilli());
    if (!c.status().open()) {
      afterEnd(t, c);
    }
    return c;
  }

  /**
   * One answer, global word or button click in an existing conversation; what the engine made of
   * it is the turn's outcome.
   */
  public void continueWith(TurnContext t, Conversation c, String input, String stepRef) throws Exception {
    boolean wasOpen = c.status().open();
    FlowEngine.Result result = engine.handle(c, input, stepRef, t.forConversation(c));
    t.decided(result.outcome(), result.reason());
    t.say(result.prompts(), c);
    Conversations.save(t.connection(), c, t.now().toEpochMilli());
    if (wasOpen && !c.status().open()) {
      afterEnd(t, c);
    }
  }

  /**
   * Asks the conversation's current question again (a reminder). An active one becomes the
   * member's latest conversation, so their reply answers the question they have just been shown,
   * not one of another conversation they had on the go; a paused one stays where the member put it.
   */
  public void remind(TurnContext t, Conversation c) throws SQLException {
    t.say(engine.reprompt(c, t.lang()), c);
    if (c.status() == Conversation.Status.ACTIVE) {
      Conversations.saveAsLatest(t.connection(), c, t.now().toEpochMilli());
    }
  }

  /** Stops the conversation as the member's "cancel" would: they read that it stopped, and the features learn it ended. */
  public void cancel(TurnContext t, Conversation c) throws Exception {
    boolean wasOpen = c.status().open();
    t.say(engine.cancel(c, t.lang()), c);
    Conversations.save(t.connection(), c, t.now().toEpochMilli());
    if (wasOpen) {
      afterEnd(t, c);
    }
  }

  /**
   * A conversation has ended: its group process moves on, then the member's conversation that
   * it interrupted (a round or a conflict space opened while they were answering another
   * question) asks its question again. Otherwise their next words would answer a question they
   * no longer see: an "ok" to a thank-you taken as consent to publish a remark.
   */
  private void afterEnd(TurnContext t, Conversation c) throws Exception {
    ended.ended(t, c);
    if (t.member().memberId().equals(c.memberId())) {
      askWaiting(t);
    }
  }

  /**
   * After one of the member's conversations stopped (finished, cancelled, or closed by its round
   * or space), their other conversation still waiting for an answer asks its question again, with
   * a word saying which one it is. {@code member} is the turn as that member: their language,
   * their messages. Nothing is asked of a member who has left the collective, of a conversation
   * they paused, or when this turn's last question to them is already that conversation's.
   */
  public void askWaiting(TurnContext member) throws Exception {
    String memberId = member.member().memberId();
    Conversation waiting = Conversations.latestOpen(member.connection(), member.collectiveId(), memberId);
    if (waiting == null || waiting.status() != Conversation.Status.ACTIVE || member.lastAsked(memberId, waiting)
        || Members.withdrawnAt(member.connection(), member.collectiveId(), memberId) != null) {
      return;
    }
    String title = engine.prompts().flow(waiting.flow()).map(f -> f.title().in(member.lang())).orElse(waiting.flow());
    member.send(Audience.member(memberId), member.texts().get(Msg.BACK_TO, member.lang(), "flow", title), Expects.NOTHING,
        List.of(), null, null);
    remind(member, waiting);
  }
}
