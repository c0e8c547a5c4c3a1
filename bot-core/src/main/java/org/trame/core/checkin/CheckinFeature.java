package org.trame.core.checkin;

import java.util.List;
import java.util.Map;
import org.trame.core.engine.ActionContext;
import org.trame.core.engine.Conversation;
import org.trame.core.engine.FlowAction;
import org.trame.core.storage.Conversations;
import org.trame.core.storage.Jobs;
import org.trame.core.storage.Json;
import org.trame.core.turn.Command;
import org.trame.core.turn.Feature;
import org.trame.core.turn.ScheduledTask;
import org.trame.core.turn.TurnContext;

/**
 * Periodic re-alignment check-ins (seed 004 sheet 4 §4, sheet 2 §3; seed 003): a collective sets
 * a rhythm once; every round, each member answers four scales and an optional remark privately,
 * and the channel gets a report with a trend chart. Also the {@code tz} command, since check-ins
 * are what a member's time zone is for.
 */
public final class CheckinFeature implements Feature {

  public static final String FLOW = "checkin";
  static final String SAVE = "checkin.save";
  static final String HAS_REMARK = "checkin.has_remark";
  static final String REMARK_HELD = "checkin.remark_held";
  /** What the conversation's answers keep in place of a remark waiting for its author's consent. */
  static final String HELD = "…";
  /** Where the conversation keeps the remark, sealed, until its author's consent. */
  private static final String SEALED = "checkin.sealed_remark";

  private final CheckinCommands commands = new CheckinCommands();
  private org.trame.core.privacy.Pseudonyms pseudonyms;

  /** The key of authors' tags: each answer carries its author's tag for the round, for export and erasure. */
  public void pseudonyms(org.trame.core.privacy.Pseudonyms key) {
    this.pseudonyms = key;
  }

  @Override
  public java.util.List<CheckinMsg> messages() {
    return java.util.List.of(CheckinMsg.values());
  }

  @Override
  public Map<String, Command> commands() {
    return Map.of(
        "checkin", Command.of("checkin", commands::checkin),
        "tz", Command.of("tz", commands::tz));
  }

  @Override
  public Map<String, FlowAction> actions() {
    return Map.of(SAVE, this::save, HAS_REMARK, this::hasRemark, REMARK_HELD, this::remarkHeld);
  }

  @Override
  public List<org.trame.core.engine.FlowContract> contracts() {
    return CheckinFlow.ALL;
  }

  @Override
  public Map<String, ScheduledTask> tasks() {
    return Map.of(
        CheckinRounds.OPEN, CheckinRounds::occurrenceDue,
        CheckinRounds.ASK, (t, payload) -> {
          CheckinRounds.Target target = Json.read(payload, CheckinRounds.Target.class);
          Invitations.ask(t, target.round(), target.zone());
        },
        CheckinRounds.REMIND, (t, payload) -> {
          CheckinRounds.Target target = Json.read(payload, CheckinRounds.Target.class);
          Invitations.remind(t, target.round(), target.zone());
        },
        CheckinRounds.CLOSE, (t, payload) -> {
          CheckinStore.Round round = CheckinStore.round(t.connection(), Jobs.roundOf(payload));
          if (round != null && round.open()) {
            CheckinRounds.close(t, round);
          }
        });
  }

  /**
   * A check-in's questions ended (answered, stopped, or closed with the round): what the member typed
   * is wiped from their conversation, so that the only copy of the answers is the unattributed one,
   * and a remark its author did not agree to show is kept nowhere.
   */
  @Override
  public void ended(TurnContext t, Conversation c) throws Exception {
    if (FLOW.equals(c.flow())) {
      forgetAnswers(t, c);
    }
  }

  /** Ends {@code c} if it is still open, and wipes its answers either way. */
  static void endQuietly(TurnContext t, Conversation c) throws Exception {
    if (c.status().open()) {
      c.status(Conversation.Status.CANCELLED);
      c.state().step = null;
    }
    forgetAnswers(t, c);
  }

  private static void forgetAnswers(TurnContext t, Conversation c) throws Exception {
    c.state().forgetAnswers();
    c.state().recorded = null; // a sealed remark still waiting goes too
    Conversations.save(t.connection(), c, t.now().toEpochMilli());
  }

  /**
   * Branches to the consent question only when a remark was written. Until its author agrees, the
   * remark is kept only sealed (see {@link org.trame.core.privacy.Pseudonyms#seal}, under the key
   * that never enters the database): it leaves the answers in the same turn, before the state is
   * saved, so its plain text is never written, and a restart between the two questions loses nothing.
   */
  private String hasRemark(ActionContext ctx) {
    var c = ctx.conversation();
    String remark = CheckinFlow.REMARK.of(c);
    List<String> sealed = c.state().recorded(SEALED);
    if (remark == null) {
      sealed.clear();
      return "no";
    }
    if (!HELD.equals(remark)) {
      sealed.clear();
      sealed.add(key().seal(remark, sealContext(c)));
      CheckinFlow.REMARK.replace(c, HELD);
    }
    return "yes";
  }

  /**
   * After the consent question: a declined remark is dropped at once, and the write-ahead log is
   * truncated once that is committed, so that not even its sealed copy stays in the file's bytes;
   * an accepted one goes on to be saved; one that can no longer be opened (the key was replaced
   * meanwhile) is asked again, its author having agreed already.
   */
  private String remarkHeld(ActionContext ctx) {
    var c = ctx.conversation();
    if (!CheckinFlow.CONSENT.yes(c)) {
      c.state().recorded(SEALED).clear();
      org.trame.core.storage.Writer.truncateLogAfterCommit();
      return "dropped";
    }
    return heldRemark(c) != null ? "held" : "lost";
  }

  private String heldRemark(Conversation c) {
    List<String> sealed = c.state().recorded == null ? List.of() : c.state().recorded(SEALED);
    return sealed.isEmpty() ? null : key().unseal(sealed.get(0), sealContext(c));
  }

  /** Binds a sealed remark to its conversation: it opens in no other. */
  private static String sealContext(Conversation c) {
    return "checkin remark of conversation " + c.id();
  }

  private org.trame.core.privacy.Pseudonyms key() {
    if (pseudonyms == null) {
      throw new IllegalStateException("check-in answers need the pseudonym key; the core hands it over at start");
    }
    return pseudonyms;
  }

  /**
   * Stores the answers without the member, and marks the member as having answered: the two
   * facts are kept apart so that no one, coordinators included, can link them. The answers carry
   * only the author's keyed tag for this round, which the bot alone (with the key kept outside the
   * database) can compute again, to export or erase them at the member's request.
   */
  private String save(ActionContext ctx) throws Exception {
    var c = ctx.conversation();
    CheckinStore.Invitee invitee = CheckinStore.byConversation(ctx.connection(), c.id());
    CheckinStore.Round round = invitee == null ? null : CheckinStore.round(ctx.connection(), invitee.roundId());
    if (round == null || !round.open() || invitee.answeredAt() != null) {
      return null;
    }
    String remark = null;
    if (CheckinFlow.CONSENT.yesOnPath(c)) {
      // A remark written again (or skipped) replaces the one held sealed.
      remark = CheckinFlow.REMARK_AGAIN.reachedOnPath(c) ? CheckinFlow.REMARK_AGAIN.onPath(c) : heldRemark(c);
    }
    if (pseudonyms == null) {
      throw new IllegalStateException("check-in answers need the pseudonym key; the core hands it over at start");
    }
    String tag = pseudonyms.tag(CheckinStore.platformOf(ctx.connection(), round.collectiveId()), round.collectiveId(),
        c.memberId(), round.id());
    CheckinStore.saveAnswers(ctx.connection(), round.id(), new CheckinStore.Answers(CheckinFlow.ALIGNMENT.onPath(c),
        CheckinFlow.ENGAGEMENT.onPath(c), CheckinFlow.FAIRNESS.onPath(c), CheckinFlow.TRUST.onPath(c), remark), tag);
    CheckinStore.markAnswered(ctx.connection(), round.id(), c.memberId(), ctx.now().toEpochMilli());
    return null;
  }
}
