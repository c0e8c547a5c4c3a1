package org.trame.core.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trame.core.conflict.CaseExit;
import org.trame.core.engine.ActionContext;
import org.trame.core.engine.Conversation;
import org.trame.core.engine.FlowAction;
import org.trame.core.i18n.Lang;
import org.trame.core.port.Audience;
import org.trame.core.storage.Conversations;
import org.trame.core.storage.Member;
import org.trame.core.storage.Members;
import org.trame.core.turn.TurnContext;
import org.trame.core.i18n.MessageKey;

/**
 * The guided right of withdrawal (seed 004 sheet 8): leaving a conflict space or the collective,
 * with an optional reason kept private or shared, plan commitments released, the others told in
 * words the member approved, and the choice to keep, take away or erase one's data. Leaving a
 * space does not take anyone out of the collective; leaving the collective stops rounds and
 * check-ins (and leaves the open space, if any), and "withdraw return" undoes it.
 */
final class Withdrawal {

  static final String SCOPE = "withdraw.scope";
  static final String HAS_REASON = "withdraw.has_reason";
  static final String COMMITMENTS = "withdraw.commitments";
  static final String PREVIEW = "withdraw.preview";
  static final String CASE = "case";
  static final String COLLECTIVE = "collective";

  private final PrivacyFeature privacy;

  Withdrawal(PrivacyFeature privacy) {
    this.privacy = privacy;
  }

  Map<String, FlowAction> actions() {
    return Map.of(SCOPE, this::scope, HAS_REASON, ctx -> PrivacyFlows.REASON.onPath(ctx.conversation()) == null ? "no" : "yes",
        COMMITMENTS, this::commitments, PREVIEW, this::preview);
  }

  void command(TurnContext t, List<String> args) throws Exception {
    String sub = args.isEmpty() ? "" : args.get(0).toLowerCase(Locale.ROOT);
    switch (sub) {
      case "" -> t.flows().start(t, PrivacyFeature.WITHDRAW_FLOW);
      case "return" -> { // "retrait revenir" arrives as this, through the catalogue
        if (Members.withdrawnAt(t.connection(), t.collectiveId(), t.member().memberId()) == null) {
          t.say(PrivacyMsg.WITHDRAW_NOT_WITHDRAWN);
        } else {
          Members.setWithdrawn(t.connection(), t.collectiveId(), t.member().memberId(), null);
          t.say(PrivacyMsg.WITHDRAW_RETURNED);
        }
      }
      default -> t.say(PrivacyMsg.WITHDRAW_USAGE);
    }
  }

  // Answers are read on the member's path: one left behind by "back" no longer counts.
  private static boolean collective(Conversation c) {
    return PrivacyFlows.SCOPE_COLLECTIVE.equals(PrivacyFlows.SCOPE.onPath(c));
  }

  /** Which frame: a conflict space needs one the member is in; otherwise the flow says so and ends. */
  private String scope(ActionContext ctx) throws Exception {
    var c = ctx.conversation();
    if (collective(c)) {
      return COLLECTIVE;
    }
    return CaseExit.openCaseOf(ctx.connection(), c.collectiveId(), c.memberId()) == null ? "none" : CASE;
  }

  /** Lists the action-plan steps the member owns in what they leave: they will be released. */
  private String commitments(ActionContext ctx) throws Exception {
    var c = ctx.conversation();
    Long open = CaseExit.openCaseOf(ctx.connection(), c.collectiveId(), c.memberId());
    Member m = Members.find(ctx.connection(), c.collectiveId(), c.memberId());
    List<String> mine = open == null || m == null ? List.of() : CaseExit.commitments(ctx.connection(), open, m);
    ctx.send(Audience.member(c.memberId()), mine.isEmpty() ? privacy.texts().get(PrivacyMsg.WITHDRAW_NO_COMMITMENTS, ctx.lang())
        : privacy.texts().get(PrivacyMsg.WITHDRAW_COMMITMENTS, ctx.lang(), "list", "• " + String.join("\n• ", mine)));
    return null;
  }

  /** Shows the member the exact words the others will read, before they approve them. */
  private String preview(ActionContext ctx) throws Exception {
    var c = ctx.conversation();
    Member m = Members.find(ctx.connection(), c.collectiveId(), c.memberId());
    MessageKey who = collective(c) ? PrivacyMsg.WITHDRAW_PREVIEW_COLLECTIVE : PrivacyMsg.WITHDRAW_PREVIEW_CASE;
    ctx.send(Audience.member(c.memberId()), privacy.texts().get(who, ctx.lang(), "message", announcement(c, m, ctx.lang())));
    return null;
  }

  private String announcement(Conversation c, Member m, Lang lang) {
    String name = m == null || m.displayName() == null ? c.memberId() : m.displayName();
    StringBuilder sb = new StringBuilder(privacy.texts().get(collective(c) ? PrivacyMsg.WITHDRAW_ANNOUNCE_COLLECTIVE
        : PrivacyMsg.WITHDRAW_ANNOUNCE_CASE, lang, "member", name));
    String words = PrivacyFlows.FAREWELL.onPath(c);
    if (words != null) {
      sb.append('\n').append(privacy.texts().get(PrivacyMsg.WITHDRAW_ANNOUNCE_WORDS, lang, "words", words.strip()));
    }
    String reason = PrivacyFlows.REASON.onPath(c);
    if (reason != null && PrivacyFlows.REASON_SHARED.equals(PrivacyFlows.REASON_SHARING.onPath(c))) {
      sb.append('\n').append(privacy.texts().get(PrivacyMsg.WITHDRAW_ANNOUNCE_REASON, lang, "reason", reason.strip()));
    }
    return sb.toString();
  }

  /** Once the member finished the flow: does what they chose, in this turn, then tells them what became of their data. */
  void apply(TurnContext t, Conversation c) throws Exception {
    String data = PrivacyFlows.DATA.onPath(c);
    if (data == null) {
      return; // ended early: nothing to leave (no open space)
    }
    Member m = t.member();
    boolean approved = PrivacyFlows.APPROVE.yesOnPath(c);
    String announcement = announcement(c, m, t.lang());
    List<String> told = new ArrayList<>();
    Long open = CaseExit.openCaseOf(t.connection(), t.collectiveId(), m.memberId());
    if (open != null) {
      told.addAll(privacy.exits().leave(t, open, m, approved && !collective(c) ? announcement : null));
    }
    if (collective(c)) {
      Members.setWithdrawn(t.connection(), t.collectiveId(), m.memberId(), t.now().toEpochMilli());
      // Her open rounds and questionnaires stop too, each saying so; their features record it
      // (a check-in or stakes round counts her as having stopped).
      for (Conversation other : Conversations.allOpen(t.connection(), t.collectiveId(), m.memberId())) {
        if (other.id() != c.id()) {
          t.flows().cancel(t, other);
        }
      }
      if (approved) {
        t.post(announcement);
      } else {
        for (Member coordinator : Members.coordinators(t.connection(), t.collectiveId())) {
          if (!coordinator.memberId().equals(m.memberId()) && !told.contains(coordinator.memberId())) {
            t.asCoordinator(coordinator).say(PrivacyMsg.WITHDRAW_FACT_ONLY, "member", m.displayName() == null ? m.memberId()
                : m.displayName());
          }
        }
      }
    }
    if (PrivacyFlows.DATA_EXPORT.equals(data)) {
      privacy.export(t);
    } else if (PrivacyFlows.DATA_ERASE.equals(data)) {
      privacy.erase(t);
      t.say(PrivacyMsg.WITHDRAW_ERASED);
    } else {
      t.say(PrivacyMsg.WITHDRAW_KEPT);
    }
  }
}
