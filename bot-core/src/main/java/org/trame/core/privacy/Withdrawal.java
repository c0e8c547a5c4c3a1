package org.trame.core.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trame.core.engine.ActionContext;
import org.trame.core.engine.Answer;
import org.trame.core.engine.FlowAction;
import org.trame.core.i18n.Msg;
import org.trame.core.port.Audience;
import org.trame.core.storage.Member;
import org.trame.core.storage.Members;
import org.trame.core.turn.TurnContext;

/**
 * The guided right of withdrawal (seed 004 sheet 8): leaving a conflict space or the collective,
 * with an optional reason kept private or shared, commitments released, the others told in words
 * the member approved, and the choice to keep, take away or erase one's data. Leaving a space does
 * not take anyone out of the collective; leaving the collective stops rounds and check-ins, and
 * "withdraw return" undoes it.
 */
final class Withdrawal {

  static final String SCOPE = "withdraw.scope";
  static final String HAS_REASON = "withdraw.has_reason";
  static final String COMMITMENTS = "withdraw.commitments";
  static final String PREVIEW = "withdraw.preview";
  static final String APPLY = "withdraw.apply";
  static final String CASE = "case";
  static final String COLLECTIVE = "collective";

  private final PrivacyFeature privacy;

  Withdrawal(PrivacyFeature privacy) {
    this.privacy = privacy;
  }

  Map<String, FlowAction> actions() {
    return Map.of(SCOPE, this::scope, HAS_REASON, Withdrawal::hasReason, COMMITMENTS, this::commitments, PREVIEW, this::preview,
        APPLY, this::apply);
  }

  void command(TurnContext t, List<String> args) throws Exception {
    String sub = args.isEmpty() ? "" : args.get(0).toLowerCase(Locale.ROOT);
    switch (sub) {
      case "" -> t.flows().start(t, PrivacyFeature.WITHDRAW_FLOW);
      case "return", "revenir", "retour" -> {
        if (Members.withdrawnAt(t.connection(), t.collectiveId(), t.member().memberId()) == null) {
          t.say(Msg.WITHDRAW_NOT_WITHDRAWN);
        } else {
          Members.setWithdrawn(t.connection(), t.collectiveId(), t.member().memberId(), null);
          t.say(Msg.WITHDRAW_RETURNED);
        }
      }
      default -> t.say(Msg.WITHDRAW_USAGE);
    }
  }

  private static String answer(ActionContext ctx, String step) {
    Answer a = ctx.conversation().state().answers.get(step);
    return a == null || a.skipped() ? null : a.value();
  }

  /** Which frame: a conflict space needs one the member is in; otherwise the flow says so and ends. */
  private String scope(ActionContext ctx) throws Exception {
    if (COLLECTIVE.equals(answer(ctx, "scope"))) {
      return COLLECTIVE;
    }
    var c = ctx.conversation();
    return CaseWithdrawal.openCase(ctx.connection(), c.collectiveId(), c.memberId()) == null ? "none" : CASE;
  }

  private static String hasReason(ActionContext ctx) {
    return answer(ctx, "reason") == null ? "no" : "yes";
  }

  /** Lists the action-plan steps the member owns in what they leave: they will be released. */
  private String commitments(ActionContext ctx) throws Exception {
    var c = ctx.conversation();
    List<String> mine = CaseWithdrawal.commitments(ctx.connection(), c.collectiveId(), c.memberId(), caseOf(ctx));
    if (mine.isEmpty()) {
      ctx.send(Audience.member(c.memberId()), privacy.texts().get(Msg.WITHDRAW_NO_COMMITMENTS, ctx.lang()));
    } else {
      ctx.send(Audience.member(c.memberId()), privacy.texts().get(Msg.WITHDRAW_COMMITMENTS, ctx.lang(), "list",
          "• " + String.join("\n• ", mine)));
    }
    return null;
  }

  /** The conflict space left, or null for the whole collective (every open space is then left). */
  private static Long caseOf(ActionContext ctx) throws Exception {
    if (COLLECTIVE.equals(answer(ctx, "scope"))) {
      return null;
    }
    var c = ctx.conversation();
    return CaseWithdrawal.openCase(ctx.connection(), c.collectiveId(), c.memberId());
  }

  /** Shows the member the exact words the others will read, before they approve them. */
  private String preview(ActionContext ctx) throws Exception {
    var c = ctx.conversation();
    Msg who = COLLECTIVE.equals(answer(ctx, "scope")) ? Msg.WITHDRAW_PREVIEW_COLLECTIVE : Msg.WITHDRAW_PREVIEW_CASE;
    ctx.send(Audience.member(c.memberId()), privacy.texts().get(who, ctx.lang(), "message", announcement(ctx)));
    return null;
  }

  static String nameOf(ActionContext ctx) throws Exception {
    var c = ctx.conversation();
    Member m = Members.find(ctx.connection(), c.collectiveId(), c.memberId());
    return m == null || m.displayName() == null ? c.memberId() : m.displayName();
  }

  private String announcement(ActionContext ctx) throws Exception {
    String name = nameOf(ctx);
    boolean collective = COLLECTIVE.equals(answer(ctx, "scope"));
    StringBuilder sb = new StringBuilder(privacy.texts().get(collective ? Msg.WITHDRAW_ANNOUNCE_COLLECTIVE
        : Msg.WITHDRAW_ANNOUNCE_CASE, ctx.lang(), "member", name));
    String words = answer(ctx, "farewell");
    if (words != null) {
      sb.append('\n').append(privacy.texts().get(Msg.WITHDRAW_ANNOUNCE_WORDS, ctx.lang(), "words", words.strip()));
    }
    String reason = answer(ctx, "reason");
    if (reason != null && "shared".equals(answer(ctx, "reason_sharing"))) {
      sb.append('\n').append(privacy.texts().get(Msg.WITHDRAW_ANNOUNCE_REASON, ctx.lang(), "reason", reason.strip()));
    }
    return sb.toString();
  }

  /** Does what the member chose, in one go, then tells them what happened to their data. */
  private String apply(ActionContext ctx) throws Exception {
    var c = ctx.conversation();
    String k = c.collectiveId();
    String platformId = k.split(":", 2)[1];
    boolean collective = COLLECTIVE.equals(answer(ctx, "scope"));
    boolean approved = "yes".equals(answer(ctx, "approve"));
    Long left = caseOf(ctx);
    String announcement = announcement(ctx);
    List<String> told = CaseWithdrawal.leave(ctx, privacy, k, c.memberId(), left, approved ? announcement : null);
    if (collective) {
      Members.setWithdrawn(ctx.connection(), k, c.memberId(), ctx.now().toEpochMilli());
      if (approved) {
        ctx.send(Audience.channel(platformId), announcement);
      } else {
        for (Member coordinator : Members.coordinators(ctx.connection(), k)) {
          if (!coordinator.memberId().equals(c.memberId()) && !told.contains(coordinator.memberId())) {
            privacy.tell(ctx, coordinator.memberId(), k, Msg.WITHDRAW_FACT_ONLY, "member", nameOf(ctx));
          }
        }
      }
    }
    String platform = k.split(":", 2)[0];
    switch (answer(ctx, "data") == null ? "keep" : answer(ctx, "data")) {
      case "export" -> ctx.send(Audience.member(c.memberId()),
          privacy.summaryOf(ctx.connection(), platform, c.memberId(), ctx.lang()),
          privacy.exportFile(ctx.connection(), platform, c.memberId(), ctx.now()));
      case "erase" -> {
        privacy.eraseFrom(ctx);
        ctx.send(Audience.member(c.memberId()), privacy.texts().get(Msg.WITHDRAW_ERASED, ctx.lang()));
      }
      default -> ctx.send(Audience.member(c.memberId()), privacy.texts().get(Msg.WITHDRAW_KEPT, ctx.lang()));
    }
    return null;
  }
}
