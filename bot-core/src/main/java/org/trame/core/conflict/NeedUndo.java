package org.trame.core.conflict;

import java.util.Map;
import org.trame.core.conflict.ConflictCases.Case;
import org.trame.core.engine.ActionContext;
import org.trame.core.engine.FlowAction;

/**
 * What {@code back} takes back on the need path's steps that record as the party goes: the marks
 * just given, the ideas just proposed, the plan step just saved. The new answer then replaces the
 * old one, instead of landing on the next solution or being added beside it.
 */
final class NeedUndo {

  private final NeedActions need;

  NeedUndo(NeedActions need) {
    this.need = need;
  }

  Map<String, FlowAction> all() {
    return Map.of(
        "conflict.unrate", this::unrate,
        "conflict.unpropose", this::unpropose,
        "conflict.unsave_step", this::unsaveStep);
  }

  /** The marks given last are taken back, and the solution they were for is shown again. */
  private String unrate(ActionContext ctx) throws Exception {
    Case k = NeedActions.caseOf(ctx);
    ConflictCases.unrateLatest(ctx.connection(), k.id(), ctx.conversation().memberId());
    need.showNextUnrated(ctx, k);
    return null;
  }

  /** The ideas of the previous answer are taken back (the answer is one idea per line). */
  private String unpropose(ActionContext ctx) throws Exception {
    String previous = NeedActions.answer(ctx, "idea");
    if (previous == null) {
      return null;
    }
    Case k = NeedActions.caseOf(ctx);
    ConflictCases.withdrawLatestSolutions(ctx.connection(), k.id(), k.round(), ctx.conversation().memberId(),
        NeedActions.ideaLines(previous).size());
    return null;
  }

  /** The plan step saved with the previous answer is taken back; answering again saves it anew. */
  private String unsaveStep(ActionContext ctx) throws Exception {
    Case k = NeedActions.caseOf(ctx);
    ConflictCases.removeLatestAction(ctx.connection(), k.id(), k.phaseSeq(), ctx.conversation().memberId());
    return null;
  }
}
