package org.trame.core.conflict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trame.core.conflict.ConflictCases.Case;
import org.trame.core.engine.ActionContext;
import org.trame.core.engine.FlowAction;
import org.trame.core.i18n.Msg;

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

  /** The marks this conversation gave last are taken back, and the solution they were for is shown again. */
  private String unrate(ActionContext ctx) throws Exception {
    String solution = ctx.conversation().state().takeBackRecorded(NeedActions.RECORDED_MARKS);
    Case k = NeedActions.caseOf(ctx);
    if (solution != null && !solution.isEmpty()) {
      String marks = ConflictCases.unrate(ctx.connection(), Long.parseLong(solution), ctx.conversation().memberId());
      if (marks != null) {
        need.say(ctx, Msg.BACK_PREVIOUS, "answer", marks);
      }
    }
    need.showNextUnrated(ctx, k);
    return null;
  }

  /** The ideas of this conversation's previous answer are taken back. */
  private String unpropose(ActionContext ctx) throws Exception {
    String ids = ctx.conversation().state().takeBackRecorded(NeedActions.RECORDED_IDEAS);
    List<String> texts = new ArrayList<>();
    for (String id : ids == null || ids.isBlank() ? new String[0] : ids.split(" ")) {
      String text = ConflictCases.withdrawSolution(ctx.connection(), Long.parseLong(id), ctx.conversation().memberId());
      if (text != null) {
        texts.add(text);
      }
    }
    if (!texts.isEmpty()) {
      need.say(ctx, Msg.BACK_PREVIOUS, "answer", String.join("\n", texts));
    }
    return null;
  }

  /** The plan step this conversation saved last is taken back; answering again saves it anew. */
  private String unsaveStep(ActionContext ctx) throws Exception {
    String id = ctx.conversation().state().takeBackRecorded(NeedActions.RECORDED_STEPS);
    if (id != null && !id.isEmpty()) {
      ConflictCases.removeAction(ctx.connection(), Long.parseLong(id), ctx.conversation().memberId());
      String obstacles = ConflictFlows.OBSTACLES.of(ctx);
      if (obstacles != null) {
        need.say(ctx, Msg.BACK_PREVIOUS, "answer", obstacles);
      }
    }
    return null;
  }
}
