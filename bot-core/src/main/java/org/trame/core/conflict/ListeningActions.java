package org.trame.core.conflict;

import static org.trame.core.conflict.NeedActions.caseOf;
import static org.trame.core.conflict.NeedActions.name;

import java.util.Map;
import java.util.function.Supplier;
import org.trame.core.conflict.ConflictCases.Case;
import org.trame.core.conflict.ConflictCases.Party;
import org.trame.core.engine.ActionContext;
import org.trame.core.engine.FlowAction;
import org.trame.core.engine.Prompts;

/**
 * The named actions of active listening and of the shared goal: what each party restates, the
 * restatement of their own words, and the goal that heads the search for solutions.
 */
final class ListeningActions {

  private final NeedActions actions;
  private final Supplier<Prompts> prompts;

  ListeningActions(NeedActions actions, Supplier<Prompts> prompts) {
    this.actions = actions;
    this.prompts = prompts;
  }

  Map<String, FlowAction> all() {
    return Map.of(
        "conflict.listen_show", this::listenShow,
        "conflict.restatement_show", this::restatementShow,
        "conflict.goal_show", this::goalShow,
        "conflict.goal_heading", this::goalHeading);
  }

  private static Party party(ActionContext ctx, Case k, String memberId) throws Exception {
    return ConflictCases.parties(ctx.connection(), k.id()).stream().filter(p -> p.memberId().equals(memberId)).findFirst()
        .orElseThrow(() -> new IllegalStateException(memberId + " is no party of case " + k.id()));
  }

  /** The words to restate, with their author's name and, after a correction, what the author clarified. */
  private String listenShow(ActionContext ctx) throws Exception {
    Case k = caseOf(ctx);
    Party me = party(ctx, k, ctx.conversation().memberId());
    Party author = party(ctx, k, me.restates());
    String path = k.valuePath() ? "value" : "need";
    if (author.correction() != null) {
      return actions.say(ctx, ConflictMsg.CONFLICT_LISTEN_AGAIN, "name", name(ctx, author.memberId()), "path", path,
          "words", Listening.words(k, author), "correction", author.correction(), "yours", me.restatement() == null ? "—" : me.restatement());
    }
    return actions.say(ctx, ConflictMsg.CONFLICT_LISTEN_SHOW, "name", name(ctx, author.memberId()), "path", path,
        "words", Listening.words(k, author));
  }

  /** The author reads how another party restated their words. */
  private String restatementShow(ActionContext ctx) throws Exception {
    Case k = caseOf(ctx);
    String me = ctx.conversation().memberId();
    Party restater = ConflictCases.parties(ctx.connection(), k.id()).stream().filter(p -> me.equals(p.restates())).findFirst()
        .orElseThrow(() -> new IllegalStateException("nobody restates " + me + " in case " + k.id()));
    return actions.say(ctx, ConflictMsg.CONFLICT_RESTATEMENT, "name", name(ctx, restater.memberId()), "path", k.valuePath() ? "value" : "need",
        "restatement", restater.restatement() == null ? "—" : restater.restatement());
  }

  /** The goal proposed to end step 1. */
  private String goalShow(ActionContext ctx) throws Exception {
    Case k = caseOf(ctx);
    return actions.say(ctx, ConflictMsg.CONFLICT_GOAL_PROPOSED, "goal", Equation.goal(ctx.connection(), k, prompts.get().texts(), ctx.lang()));
  }

  /** Steps 2 and 4 open under the agreed goal. */
  private String goalHeading(ActionContext ctx) throws Exception {
    Case k = caseOf(ctx);
    return actions.say(ctx, ConflictMsg.CONFLICT_GOAL_HEADING, "goal", Equation.goal(ctx.connection(), k, prompts.get().texts(), ctx.lang()));
  }
}
