package org.trame.core.stakes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trame.core.engine.ActionContext;
import org.trame.core.engine.Answer;
import org.trame.core.engine.FlowAction;
import org.trame.core.engine.FlowEngine;
import org.trame.core.engine.Step;
import org.trame.core.engine.StepKind;
import org.trame.core.i18n.Texts;
import org.trame.core.port.Audience;
import org.trame.core.turn.Command;
import org.trame.core.turn.Feature;
import org.trame.core.turn.TurnContext;

/**
 * Personal stakes (seed 004 sheets 2 and 4): each member says privately why they are here, what
 * they seek, fear and can give. Every answer is stored with its own sharing choice, private
 * unless the member chose otherwise.
 */
public final class StakesFeature implements Feature {

  public static final String FLOW = "stakes";
  static final String SAVE = "stakes.save";
  static final String RECAP = "stakes.recap";

  private FlowEngine engine;

  /** The engine is built after features register their actions; it is handed back here. */
  public void engine(FlowEngine flowEngine) {
    this.engine = flowEngine;
  }

  @Override
  public Map<String, Command> commands() {
    return Map.of(FLOW, new Command() {
      @Override
      public String name() {
        return FLOW;
      }

      @Override
      public void run(TurnContext t, List<String> args) throws Exception {
        t.flows().start(t, FLOW);
      }
    });
  }

  @Override
  public Map<String, FlowAction> actions() {
    return Map.of(SAVE, this::save, RECAP, this::recap);
  }

  /** Writes the questionnaire as a new version of the member's register. */
  private String save(ActionContext ctx) throws Exception {
    var c = ctx.conversation();
    var flow = engine.prompts().flow(FLOW).orElseThrow();
    List<StakesRegister.Entry> entries = new ArrayList<>();
    for (Map.Entry<String, Answer> e : c.state().onPath().entrySet()) {
      Step step = flow.step(e.getKey());
      if (step != null && step.kind() != StepKind.CONFIRM) {
        entries.add(new StakesRegister.Entry(e.getKey(), e.getValue().value(), e.getValue().sharingOrPrivate()));
      }
    }
    StakesRegister.saveVersion(ctx.connection(), c.collectiveId(), c.memberId(), c.id(), ctx.now().toEpochMilli(), entries);
    return null;
  }

  /** Shows the member, privately, each answer with who may see it, before they confirm. */
  private String recap(ActionContext ctx) {
    var c = ctx.conversation();
    var flow = engine.prompts().flow(FLOW).orElseThrow();
    Texts texts = engine.prompts().texts();
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Answer> e : c.state().onPath().entrySet()) {
      Step step = flow.step(e.getKey());
      if (step == null || step.kind() == StepKind.CONFIRM) {
        continue;
      }
      String shown = e.getValue().skipped() ? "—" : engine.shown(step, e.getValue().value(), ctx.lang());
      String question = step.text().in(ctx.lang()).lines().findFirst().orElse("");
      sb.append("• ").append(question).append("\n    ").append(abbreviate(shown));
      if (step.share() && !e.getValue().skipped()) {
        sb.append("  [").append(texts.get(SharingLabels.label(e.getValue().sharingOrPrivate()), ctx.lang())).append(']');
      }
      sb.append('\n');
    }
    ctx.send(Audience.member(c.memberId()), sb.toString().stripTrailing());
    return null;
  }

  private static String abbreviate(String s) {
    String oneLine = s.replace('\n', ' ');
    return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
  }
}
