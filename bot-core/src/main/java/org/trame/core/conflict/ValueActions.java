package org.trame.core.conflict;

import static org.trame.core.conflict.NeedActions.caseOf;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.trame.core.conflict.ConflictCases.Case;
import org.trame.core.engine.ActionContext;
import org.trame.core.engine.FlowAction;
import org.trame.core.engine.Prompts;
import org.trame.core.i18n.Texts;
import org.trame.core.project.EthicsCriteria;
import org.trame.core.project.Project;
import org.trame.core.project.Projects;

/**
 * The named actions of the value path's last phase: the project at stake, the party's stance, and
 * the ethics grid, asked only of the project's members (sheet 8: those involved decide).
 */
final class ValueActions {

  private final NeedActions actions;
  private final Supplier<Prompts> prompts;

  ValueActions(NeedActions actions, Supplier<Prompts> prompts) {
    this.actions = actions;
    this.prompts = prompts;
  }

  Map<String, FlowAction> all() {
    return Map.of(
        "conflict.projects_exist", this::projectsExist,
        "conflict.project", this::project,
        "conflict.stance", this::stance,
        "conflict.grid_applies", this::gridApplies,
        "conflict.criteria_show", this::criteriaShow,
        "conflict.grid_criterion", this::gridCriterion);
  }

  /** The project question is asked only where the collective has projects. */
  private String projectsExist(ActionContext ctx) throws Exception {
    return Projects.of(ctx.connection(), ctx.conversation().collectiveId()).isEmpty() ? "none" : "yes";
  }

  /** A project's name, checked; the first one named becomes the case's. */
  private String project(ActionContext ctx) throws Exception {
    String named = ConflictFlows.PROJECT.of(ctx);
    if (named == null) {
      return "ok";
    }
    Case k = caseOf(ctx);
    Optional<Project> p = Projects.named(ctx.connection(), k.collectiveId(), named.strip());
    if (p.isEmpty()) {
      List<String> names = Projects.of(ctx.connection(), k.collectiveId()).stream().map(Project::name).toList();
      actions.say(ctx, ConflictMsg.CONFLICT_PROJECT_UNKNOWN, "name", Texts.oneLine(named, 80), "projects", String.join(", ", names));
      ctx.conversation().refuseAnswer();
      return "again";
    }
    if (k.project() == null) {
      ConflictCases.set(ctx.connection(), k.id(), "project", p.get().name());
    }
    return "ok";
  }

  private boolean involved(ActionContext ctx) throws Exception {
    return CaseProject.involved(ctx.connection(), caseOf(ctx), ConflictFlows.PROJECT.of(ctx), ctx.conversation().memberId());
  }

  /** Withdrawing ends the party's part; an adjustment is asked for; the grid follows for the project's members. */
  private String stance(ActionContext ctx) throws Exception {
    String stance = ConflictFlows.STANCE.of(ctx);
    if (ConflictFlows.STANCE_ADJUST.equals(stance)) {
      return "adjust";
    }
    if (ConflictFlows.STANCE_WITHDRAW.equals(stance)) {
      return "done";
    }
    return involved(ctx) ? "grid" : "done";
  }

  private String gridApplies(ActionContext ctx) throws Exception {
    return involved(ctx) ? "grid" : "done";
  }

  /** The collective's criteria, numbered, as decided beforehand. */
  private String criteriaShow(ActionContext ctx) throws Exception {
    List<String> criteria = EthicsCriteria.of(ctx.connection(), ctx.conversation().collectiveId(), ctx.lang());
    StringBuilder sb = new StringBuilder(prompts.get().texts().get(ConflictMsg.CONFLICT_CRITERIA_SHOW, ctx.lang(),
        "project", Optional.ofNullable(caseOf(ctx).project()).orElse("—")));
    for (int i = 0; i < criteria.size(); i++) {
      sb.append('\n').append(i + 1).append(". ").append(criteria.get(i));
    }
    ctx.send(org.trame.core.port.Audience.member(ctx.conversation().memberId()), sb.toString());
    return null;
  }

  /** The number of the criterion that weighs, within the list shown. */
  private String gridCriterion(ActionContext ctx) throws Exception {
    int count = EthicsCriteria.of(ctx.connection(), ctx.conversation().collectiveId(), ctx.lang()).size();
    String text = ConflictFlows.GRID_CRITERION.of(ctx).strip();
    int n = text.matches("\\d{1,2}") ? Integer.parseInt(text) : -1;
    if (n < 1 || n > count) {
      actions.say(ctx, ConflictMsg.CONFLICT_CRITERION_USAGE, "count", count);
      ctx.conversation().refuseAnswer();
      return "again";
    }
    return "ok";
  }
}
