package org.trame.core.conflict;

import static org.trame.core.conflict.NeedActions.caseOf;
import static org.trame.core.conflict.NeedActions.name;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.trame.core.conflict.ConflictCases.Case;
import org.trame.core.conflict.triage.IMessageCoach;
import org.trame.core.conflict.triage.Nature;
import org.trame.core.conflict.triage.Proposal;
import org.trame.core.engine.ActionContext;
import org.trame.core.engine.FlowAction;
import org.trame.core.engine.Prompts;
import org.trame.core.i18n.Texts;
import org.trame.core.sheets.Sheets;

/**
 * The named actions of the invitation and of step 1: the invitation's words, the triage proposal,
 * the topic, I-message coaching and the reformulation of needs. What the party writes here is
 * seen by them alone until they approve the wording.
 */
final class TriageActions {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TriageActions.class);

  private final NeedActions actions;
  private final Supplier<Prompts> prompts;
  private final Supplier<Triage> triage;

  TriageActions(NeedActions actions, Supplier<Prompts> prompts, Supplier<Triage> triage) {
    this.actions = actions;
    this.prompts = prompts;
    this.triage = triage;
  }

  Map<String, FlowAction> all() {
    return Map.of(
        "conflict.invitation", this::invitation,
        "conflict.clarify", this::clarify,
        "conflict.propose", this::propose,
        "conflict.topic", this::topic,
        "conflict.coach", this::coach,
        "conflict.reformulate", this::reformulate);
  }

  /** The invitation: who opened the space, the topic, the other parties. */
  private String invitation(ActionContext ctx) throws Exception {
    Case k = caseOf(ctx);
    List<String> others = new ArrayList<>();
    for (ConflictCases.Party p : ConflictCases.parties(ctx.connection(), k.id())) {
      if (!p.memberId().equals(ctx.conversation().memberId())) {
        others.add(name(ctx, p.memberId()));
      }
    }
    return actions.say(ctx, ConflictMsg.CONFLICT_INVITATION, "case", k.id(), "by", name(ctx, k.openedBy()), "others", String.join(", ", others),
        "topic", k.topic() == null ? prompts.get().texts().get(ConflictMsg.CONFLICT_NO_TOPIC, ctx.lang()) : Texts.oneLine(k.topic(), 300));
  }

  /**
   * Whether to ask the clarifying question before proposing: {@code ask} when the classifier reads the
   * description as nearly as much a need as a value conflict (its margin is below
   * {@link org.trame.core.conflict.triage.TriageModel#ASK_BELOW_MARGIN}), else {@code sure}. A triage
   * that fails asks nothing: the proposal step says so and the party chooses.
   */
  private String clarify(ActionContext ctx) {
    try {
      return triage.get().propose(ConflictFlows.DESCRIBE.of(ctx)).natureUnsure() ? "ask" : "sure";
    } catch (RuntimeException e) {
      log.warn("the triage could not read a description: {}", e.getMessage());
      return "sure";
    }
  }

  /** The nature the party's answer to the clarifying question names, if they were asked and named one. */
  private static Nature answered(ActionContext ctx) {
    String answer = ConflictFlows.CLARIFY.onPath(ctx.conversation());
    return ConflictFlows.CLARIFY_LACK.equals(answer) ? Nature.NEED
        : ConflictFlows.CLARIFY_CONVICTION.equals(answer) ? Nature.VALUE : null;
  }

  /**
   * The classifier's proposal in plain words, with its reasons; the party confirms or corrects it
   * next. When they answered the clarifying question, the nature is the one their answer names.
   */
  private String propose(ActionContext ctx) throws Exception {
    Case k = caseOf(ctx);
    String member = ctx.conversation().memberId();
    Nature said = answered(ctx);
    Proposal p;
    try {
      p = said == null ? triage.get().propose(ConflictFlows.DESCRIBE.of(ctx)) : triage.get().propose(ConflictFlows.DESCRIBE.of(ctx), said);
    } catch (RuntimeException e) {
      // Without a proposal the party still decides: the question that follows lets them say which kind.
      log.warn("the triage could not propose anything for case {}: {}", k.id(), e.getMessage());
      ConflictCases.setParty(ctx.connection(), k.id(), member, "proposed_nature", null);
      ConflictCases.setParty(ctx.connection(), k.id(), member, "proposed_sheet", 7);
      return actions.say(ctx, ConflictMsg.CONFLICT_NO_PROPOSAL);
    }
    ConflictCases.setParty(ctx.connection(), k.id(), member, "proposed_nature", p.nature() == Nature.VALUE ? "value" : "need");
    ConflictCases.setParty(ctx.connection(), k.id(), member, "proposed_sheet", p.sheet());
    Texts t = prompts.get().texts();
    String why = p.cues().isEmpty() ? t.get(ConflictMsg.CONFLICT_NO_CUES, ctx.lang())
        : t.get(ConflictMsg.CONFLICT_CUES, ctx.lang(), "cues", ctx.lang() == org.trame.core.i18n.Lang.FR
            ? "« " + String.join(" », « ", p.cues()) + " »" : "\"" + String.join("\", \"", p.cues()) + "\"");
    return actions.say(ctx, said == null ? ConflictMsg.CONFLICT_PROPOSAL : ConflictMsg.CONFLICT_PROPOSAL_ANSWERED,
        "nature", t.get(p.nature() == Nature.VALUE ? ConflictMsg.CONFLICT_NATURE_VALUE : ConflictMsg.CONFLICT_NATURE_NEED, ctx.lang()),
        "nature_sure", Math.round(p.natureConfidence() * 100),
        "sheet", p.sheet(), "sheet_title", t.get(Sheets.title(p.sheet()), ctx.lang()), "sheet_when", t.get(Sheets.when(p.sheet()), ctx.lang()),
        "sheet_sure", Math.round(p.sheetConfidence() * 100), "why", why);
  }

  /** The preparatory phase recalls the topic named when the case was opened. */
  private String topic(ActionContext ctx) throws Exception {
    Case k = caseOf(ctx);
    return actions.say(ctx, ConflictMsg.CONFLICT_TOPIC,
        "topic", k.topic() == null ? prompts.get().texts().get(ConflictMsg.CONFLICT_NO_TOPIC, ctx.lang()) : Texts.oneLine(k.topic(), 300));
  }

  /**
   * A judgement of a person or the demand of one solution is pointed out, once, with a question
   * for the need behind it and an example built from the party's words; they may rewrite or keep it.
   */
  private String coach(ActionContext ctx) {
    if (ConflictFlows.REWRITE_NEEDS.equals(ConflictFlows.REPHRASE.value(ctx.conversation()))) {
      return "ok"; // asked once: the rewritten text is theirs
    }
    Optional<IMessageCoach.Finding> found = triage.get().coaching(ConflictFlows.NEEDS_TEXT.of(ctx), ctx.lang());
    if (found.isEmpty()) {
      return "ok";
    }
    IMessageCoach.Finding f = found.get();
    Texts t = prompts.get().texts();
    boolean blame = f.kind() == IMessageCoach.Kind.BLAME;
    String example = f.about().isBlank()
        ? t.get(blame ? ConflictMsg.COACH_BLAME_EXAMPLE : ConflictMsg.COACH_SOLUTION_EXAMPLE, ctx.lang())
        : t.get(blame ? ConflictMsg.COACH_BLAME_EXAMPLE_ABOUT : ConflictMsg.COACH_SOLUTION_EXAMPLE_ABOUT, ctx.lang(),
            "about", Texts.oneLine(f.about(), 60));
    actions.say(ctx, blame ? ConflictMsg.COACH_BLAME : ConflictMsg.COACH_SOLUTION,
        "fragment", Texts.oneLine(f.fragment(), NeedActions.LONGEST_SHOWN), "example", example);
    return "coached";
  }

  /** The wording the others would read: the party's needs, framed with their name; they approve it next. */
  private String reformulate(ActionContext ctx) throws Exception {
    boolean edited = ConflictFlows.EDIT.justAnswered(ctx.conversation());
    String source = edited ? ConflictFlows.EDIT.of(ctx) : ConflictFlows.NEEDS_TEXT.of(ctx);
    // The party's own rewrite is kept word for word; a first statement is reformulated.
    String wording = edited ? Texts.oneLine(source.replaceAll("\\s+", " "), 1000) : Reformulation.of(source);
    Case k = caseOf(ctx);
    ConflictCases.setParty(ctx.connection(), k.id(), ctx.conversation().memberId(), "needs_draft", wording);
    // Said to have been reformulated only when it was: a short statement is shown as written.
    boolean reformulated = !edited && !wording.equals(source.replaceAll("\\s+", " ").strip());
    return actions.say(ctx, ConflictMsg.CONFLICT_NEEDS_WORDING, "name", name(ctx, ctx.conversation().memberId()), "needs", wording,
        "reformulated", reformulated ? "yes" : "no");
  }
}
