package org.trame.core.conflict;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.trame.core.conflict.ConflictCases.Action;
import org.trame.core.conflict.ConflictCases.Case;
import org.trame.core.conflict.ConflictCases.Party;
import org.trame.core.conflict.ConflictCases.Ranked;
import org.trame.core.conflict.ConflictCases.Solution;
import org.trame.core.engine.Conversation;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Texts;
import org.trame.core.turn.TurnContext;
import org.trame.core.i18n.MessageKey;

/**
 * The need path (tool sheet 3 of seed 004): what each party's finished phase leaves in the case,
 * and what the parties are told when everyone has finished. Only approved wordings, solutions
 * without authors, marks and decisions travel between parties.
 */
final class NeedPath {

  /** How many solutions a ranking lists; the rest are counted. */
  static final int MOST_SHOWN = 30;

  /** The triage: whether the party takes part, and the nature and sheet they confirmed or corrected. */
  boolean invited(TurnContext t, Case k, Party p, Conversation c) throws Exception {
    if (!ConflictFlows.JOIN.yes(c)) {
      return false;
    }
    // A corrected nature, else the proposal the party confirmed.
    String verdict = ConflictFlows.VERDICT.of(c);
    String nature = ConflictFlows.VERDICT_NEED.equals(verdict) ? "need" : ConflictFlows.VERDICT_VALUE.equals(verdict) ? "value"
        : p.proposedNature() == null ? "need" : p.proposedNature();
    String sheet = ConflictFlows.SHEET.of(c);
    Integer chosen = sheet != null && sheet.matches("s[1-9]") ? Integer.valueOf(sheet.substring(1)) : p.proposedSheet();
    ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "nature", nature);
    ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "sheet", chosen);
    return true;
  }

  /** Everyone described the situation: one value reading is enough for the value path, since values are not traded. */
  Phase triaged(TurnContext t, Case k, List<Party> parties) throws Exception {
    boolean value = parties.stream().anyMatch(p -> "value".equals(p.nature()));
    ConflictCases.set(t.connection(), k.id(), "nature", value ? "value" : "need");
    CasePhases.tellParties(t, k, value ? ConflictMsg.CONFLICT_PATH_VALUE : ConflictMsg.CONFLICT_PATH_NEED);
    CasePhases.tellCoordinator(t, k, value ? ConflictMsg.CONFLICT_COORDINATOR_VALUE : ConflictMsg.CONFLICT_COORDINATOR_NEED);
    return value ? Phase.VALUE : Phase.PREP;
  }

  /** The preparatory phase: the wish for a no-lose solution, and the time each step may take. */
  boolean prepared(TurnContext t, Case k, Party p, Conversation c) throws Exception {
    if (!ConflictFlows.WISH.yes(c)) {
      return false;
    }
    String pace = ConflictFlows.PACE.of(c);
    int days = pace != null && pace.matches("d\\d{1,2}") ? Integer.parseInt(pace.substring(1)) : 3;
    ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "step_days", days);
    return true;
  }

  /** The flow ends only once the party approved the wording: it becomes what the others will read. */
  boolean needsApproved(TurnContext t, Case k, Party p, Conversation c) throws Exception {
    ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "needs", p.needsDraft());
    return true;
  }

  /** Steps 4 to 6: what the flow's actions did not store as the party went. */
  boolean answered(TurnContext t, Case k, Party p, Conversation c) throws Exception {
    switch (k.phase()) {
      case GOAL -> ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "goal_text",
          ConflictFlows.GOAL_OK.no(c) ? Texts.oneLine(ConflictFlows.GOAL_REWRITE.of(c), 600) : null);
      case DECISION -> ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "decision_text",
          ConflictFlows.SAME.no(c) ? Texts.oneLine(ConflictFlows.REWRITE.of(c), 1000) : null);
      case APPROVAL -> {
        boolean approved = ConflictFlows.PLAN_OK.yes(c);
        ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "plan_ok", approved ? 1 : 0);
        ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "plan_remark",
            approved ? null : Texts.oneLine(ConflictFlows.PLAN_REMARK.of(c), 1000));
      }
      case REVIEW -> {
        ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "review", ConflictFlows.HOW.of(c));
        ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "review_note", ConflictFlows.NOTE.of(c));
      }
      default -> { }
    }
    return true;
  }

  /** Every party finished the phase: put the answers together and say which phase comes next. */
  Phase complete(TurnContext t, Case k, List<Party> parties) throws Exception {
    return switch (k.phase()) {
      case PREP -> prepDone(t, k, parties);
      case NEEDS -> needsDone(t, k, parties);
      case GOAL -> goalDone(t, k, parties);
      case SOLUTIONS -> solutionsDone(t, k);
      case RATING -> ratingDone(t, k);
      case CHOICE -> choiceDone(t, k, parties);
      case DECISION -> decisionDone(t, k, parties);
      case PLAN -> planDone(t, k, parties);
      case APPROVAL -> approvalDone(t, k, parties);
      case REVIEW -> reviewDone(t, k, parties);
      default -> Phase.CLOSED;
    };
  }

  private Phase prepDone(TurnContext t, Case k, List<Party> parties) throws Exception {
    // The longest time asked for, so that nobody is rushed.
    int days = parties.stream().mapToInt(p -> p.stepDays() == null ? 3 : p.stepDays()).max().orElse(3);
    ConflictCases.set(t.connection(), k.id(), "step_days", days);
    CasePhases.tellParties(t, k, ConflictMsg.CONFLICT_PREP_DONE, "days", days);
    CasePhases.tellCoordinator(t, k, ConflictMsg.CONFLICT_COORDINATOR_STEP, "step", 1);
    return Phase.NEEDS;
  }

  private Phase needsDone(TurnContext t, Case k, List<Party> parties) throws Exception {
    for (Party reader : parties) {
      TurnContext theirs = CasePhases.to(t, reader.memberId());
      StringBuilder sb = new StringBuilder(theirs.texts().get(ConflictMsg.CONFLICT_NEEDS_SHARED, theirs.lang()));
      for (Party author : parties) {
        if (!author.memberId().equals(reader.memberId())) {
          sb.append(attributed(theirs.lang(), CasePhases.name(t, author.memberId()), author.needs()));
        }
      }
      theirs.say(sb.toString());
    }
    Listening.pair(t, k, parties);
    return Phase.LISTEN;
  }

  /**
   * Step 1 ends on a goal every party approved: the drafted equation of needs, or a party's own
   * wording, checked again by all (as the decision of step 4 is).
   */
  private Phase goalDone(TurnContext t, Case k, List<Party> parties) throws Exception {
    List<Party> rewrote = parties.stream().filter(p -> p.goalText() != null).toList();
    for (Party p : rewrote) {
      ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "goal_text", null);
    }
    if (!rewrote.isEmpty()) {
      StringBuilder wordings = new StringBuilder();
      for (Party p : rewrote) {
        wordings.append("\n• ").append(CasePhases.name(t, p.memberId())).append(" — ").append(p.goalText());
      }
      ConflictCases.set(t.connection(), k.id(), "goal", rewrote.get(0).goalText());
      CasePhases.tellParties(t, k, ConflictMsg.CONFLICT_GOAL_REWRITTEN, "wordings", wordings.toString(),
          "first", CasePhases.name(t, rewrote.get(0).memberId()), "count", rewrote.size());
      return Phase.GOAL;
    }
    for (Party reader : parties) {
      TurnContext theirs = CasePhases.to(t, reader.memberId());
      theirs.say(ConflictMsg.CONFLICT_GOAL_AGREED, "case", k.id(), "goal", Equation.goal(t.connection(), k, theirs.texts(), theirs.lang()));
    }
    CasePhases.tellCoordinator(t, k, ConflictMsg.CONFLICT_COORDINATOR_STEP, "step", 2);
    return Phase.SOLUTIONS;
  }

  private Phase solutionsDone(TurnContext t, Case k) throws Exception {
    List<Solution> all = ConflictCases.solutions(t.connection(), k.id());
    if (all.isEmpty()) {
      CasePhases.tellParties(t, k, ConflictMsg.CONFLICT_NO_SOLUTION);
      return Phase.SOLUTIONS;
    }
    List<Party> active = CasePhases.active(t, k.id());
    for (Party reader : active) {
      TurnContext theirs = CasePhases.to(t, reader.memberId());
      // Between two parties no name is needed to tell whose an idea is: the list says so rather than promise anonymity.
      MessageKey header = active.size() <= 2 ? ConflictMsg.CONFLICT_SOLUTIONS_LIST_TWO : ConflictMsg.CONFLICT_SOLUTIONS_LIST;
      StringBuilder sb = new StringBuilder(theirs.texts().get(header, theirs.lang(), "count", all.size()));
      for (int i = 0; i < all.size() && i < MOST_SHOWN; i++) {
        sb.append('\n').append(i + 1).append(". ").append(Texts.oneLine(all.get(i).text(), NeedActions.LONGEST_SHOWN));
      }
      if (all.size() > MOST_SHOWN) {
        sb.append("\n… (+").append(all.size() - MOST_SHOWN).append(')');
      }
      theirs.say(sb.toString());
    }
    CasePhases.tellCoordinator(t, k, ConflictMsg.CONFLICT_COORDINATOR_STEP, "step", 3);
    return Phase.RATING;
  }

  private Phase ratingDone(TurnContext t, Case k) throws Exception {
    CasePhases.tellCoordinator(t, k, ConflictMsg.CONFLICT_COORDINATOR_STEP, "step", 4);
    return Phase.CHOICE; // the choice flow opens on the ranking
  }

  /** Consensus: a solution every party accepts, the best ranked of them; else back to step 2 for new ideas. */
  private Phase choiceDone(TurnContext t, Case k, List<Party> parties) throws Exception {
    Set<String> common = null;
    for (Party p : parties) {
      Set<String> accepted = new HashSet<>(p.accepted() == null || p.accepted().isEmpty() ? List.of()
          : Arrays.asList(p.accepted().split(",")));
      if (common == null) {
        common = accepted;
      } else {
        common.retainAll(accepted);
      }
    }
    Solution chosen = null;
    for (Ranked r : ConflictCases.ranking(t.connection(), k.id())) {
      if (common != null && common.contains(Long.toString(r.solution().id()))) {
        chosen = r.solution();
        break;
      }
    }
    if (chosen == null) {
      ConflictCases.set(t.connection(), k.id(), "round", k.round() + 1);
      CasePhases.tellParties(t, k, ConflictMsg.CONFLICT_NO_CONSENSUS);
      CasePhases.tellCoordinator(t, k, ConflictMsg.CONFLICT_COORDINATOR_STEP, "step", 2);
      return Phase.SOLUTIONS;
    }
    ConflictCases.set(t.connection(), k.id(), "decision", chosen.text());
    return Phase.DECISION;
  }

  /** Everyone confirms the written decision; a party's own wording replaces it and is checked again by all. */
  private Phase decisionDone(TurnContext t, Case k, List<Party> parties) throws Exception {
    List<Party> rewrote = parties.stream().filter(p -> p.decisionText() != null).toList();
    for (Party p : rewrote) {
      ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "decision_text", null);
    }
    if (rewrote.size() == 1) {
      ConflictCases.set(t.connection(), k.id(), "decision", rewrote.get(0).decisionText());
      CasePhases.tellParties(t, k, ConflictMsg.CONFLICT_DECISION_REWRITTEN);
      return Phase.DECISION;
    }
    if (rewrote.size() > 1) {
      // Each wording is shown, with its author, so that none is dropped unread: the first is the
      // one checked next, and the others help whoever rewrites it again.
      StringBuilder wordings = new StringBuilder();
      for (Party p : rewrote) {
        wordings.append("\n• ").append(CasePhases.name(t, p.memberId())).append(" — ").append(p.decisionText());
      }
      ConflictCases.set(t.connection(), k.id(), "decision", rewrote.get(0).decisionText());
      CasePhases.tellParties(t, k, ConflictMsg.CONFLICT_DECISION_REWRITTEN_SEVERAL, "wordings", wordings.toString(),
          "first", CasePhases.name(t, rewrote.get(0).memberId()));
      return Phase.DECISION;
    }
    CasePhases.tellParties(t, k, ConflictMsg.CONFLICT_DECISION_AGREED, "decision", k.decision());
    CasePhases.tellCoordinator(t, k, ConflictMsg.CONFLICT_COORDINATOR_STEP, "step", 5);
    return Phase.PLAN;
  }

  /** The plan of every party, together, with the evaluation date: the latest proposed, so that every step is due by then. */
  private Phase planDone(TurnContext t, Case k, List<Party> parties) throws Exception {
    List<Action> plan = ConflictCases.plan(t.connection(), k.id());
    if (plan.isEmpty() || ConflictCases.planSeq(t.connection(), k.id()) != k.phaseSeq()) {
      CasePhases.tellParties(t, k, ConflictMsg.CONFLICT_PLAN_EMPTY);
      return Phase.PLAN;
    }
    long reviewAt = parties.stream().filter(p -> p.reviewAt() != null).mapToLong(Party::reviewAt).max()
        .orElse(t.now().plusSeconds(14L * 86400).toEpochMilli());
    ConflictCases.set(t.connection(), k.id(), "review_at", reviewAt);
    return Phase.APPROVAL;
  }

  /** The plan is recorded only once every party approved it; remarks send it back to be written again. */
  private Phase approvalDone(TurnContext t, Case k, List<Party> parties) throws Exception {
    List<Party> against = parties.stream().filter(p -> p.planOk() == null || p.planOk() != 1).toList();
    if (!against.isEmpty()) {
      StringBuilder remarks = new StringBuilder();
      for (Party p : against) {
        remarks.append("\n• ").append(CasePhases.name(t, p.memberId())).append(" — ")
            .append(p.planRemark() == null ? "—" : p.planRemark());
      }
      CasePhases.tellParties(t, k, ConflictMsg.CONFLICT_PLAN_NOT_APPROVED, "remarks", remarks.toString());
      CasePhases.tellCoordinator(t, k, ConflictMsg.CONFLICT_COORDINATOR_PLAN_AGAIN, "count", against.size());
      return Phase.PLAN;
    }
    List<Action> plan = ConflictCases.plan(t.connection(), k.id());
    LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(k.reviewAt()), ZoneOffset.UTC);
    for (Party reader : parties) {
      TurnContext theirs = CasePhases.to(t, reader.memberId());
      theirs.say(theirs.texts().get(ConflictMsg.CONFLICT_PLAN_APPROVED, theirs.lang(), "case", k.id()) + "\n"
          + planText(theirs.texts(), theirs.lang(), k.id(), k.decision(), plan, date));
    }
    CasePhases.tellCoordinator(t, k, ConflictMsg.CONFLICT_COORDINATOR_PLAN, "steps", plan.size(), "date", date);
    return Phase.FOLLOWUP;
  }

  static String planText(Texts texts, Lang lang, long caseId, String decision, List<Action> plan, LocalDate date) {
    StringBuilder sb = new StringBuilder(texts.get(ConflictMsg.CONFLICT_PLAN_HEADER, lang, "case", caseId, "decision", decision));
    int n = 1;
    for (Action a : plan) {
      sb.append('\n').append(texts.get(ConflictMsg.CONFLICT_PLAN_STEP, lang, "number", n++, "what", a.what(), "owner", a.owner(),
          "due", LocalDate.parse(a.dueDate())));
      if (a.resources() != null) {
        sb.append("\n    ").append(texts.get(ConflictMsg.CONFLICT_PLAN_RESOURCES, lang, "resources", a.resources()));
      }
      if (a.obstacles() != null) {
        sb.append("\n    ").append(texts.get(ConflictMsg.CONFLICT_PLAN_OBSTACLES, lang, "obstacles", a.obstacles()));
      }
    }
    sb.append('\n').append(texts.get(ConflictMsg.CONFLICT_PLAN_REVIEW, lang, "date", date));
    return sb.toString();
  }

  /** Step 6: all solved closes the case; any "does not work" reopens step 2; otherwise the plan is adjusted. */
  private Phase reviewDone(TurnContext t, Case k, List<Party> parties) throws Exception {
    Set<String> answers = new LinkedHashSet<>();
    parties.forEach(p -> answers.add(p.review() == null ? "adjust" : p.review()));
    if (answers.equals(Set.of(ConflictFlows.SOLVED))) {
      CasePhases.tellParties(t, k, ConflictMsg.CONFLICT_RESOLVED);
      CasePhases.tellCoordinator(t, k, ConflictMsg.CONFLICT_RESOLVED);
      ConflictCases.close(t.connection(), k.id(), "resolved", t.now().toEpochMilli());
      return Phase.CLOSED;
    }
    if (answers.contains(ConflictFlows.REOPEN)) {
      ConflictCases.set(t.connection(), k.id(), "round", k.round() + 1);
      CasePhases.tellParties(t, k, ConflictMsg.CONFLICT_REOPENED);
      CasePhases.tellCoordinator(t, k, ConflictMsg.CONFLICT_REOPENED);
      return Phase.SOLUTIONS;
    }
    CasePhases.tellParties(t, k, ConflictMsg.CONFLICT_ADJUSTED);
    CasePhases.tellCoordinator(t, k, ConflictMsg.CONFLICT_ADJUSTED);
    return Phase.PLAN;
  }

  /**
   * A solution's marks are shown (as means) only when at least this many parties rated it. Each
   * party knows their own marks: with two raters a mean, or a sum, gives the other's away exactly;
   * with three it gives only the sum of the two others'. Below that the order alone is shown, which
   * keeps the method's use (the best rated first, and the numbers step 4 answers with) without
   * revealing a mark.
   */
  static final int FEWEST_RATERS_FOR_MARKS = 3;

  /** The ranking of step 3, best first, with each mean mark where enough parties rated (see above). */
  static String ranking(Texts texts, Lang lang, List<Ranked> ranking) {
    boolean allMarked = ranking.stream().limit(MOST_SHOWN).allMatch(r -> r.raters() >= FEWEST_RATERS_FOR_MARKS);
    StringBuilder sb = new StringBuilder(texts.get(allMarked ? ConflictMsg.CONFLICT_RANKING : ConflictMsg.CONFLICT_RANKING_ORDER_ONLY, lang));
    for (int i = 0; i < ranking.size() && i < MOST_SHOWN; i++) {
      Ranked r = ranking.get(i);
      String solution = Texts.oneLine(r.solution().text(), NeedActions.LONGEST_SHOWN);
      sb.append('\n').append(r.raters() >= FEWEST_RATERS_FOR_MARKS
          ? texts.get(ConflictMsg.CONFLICT_RANKED, lang, "number", i + 1, "solution", solution, "feasibility", one(r.feasibility()),
              "relevance", one(r.relevance()), "impact", one(r.impact()), "score", one(r.score()))
          : texts.get(ConflictMsg.CONFLICT_RANKED_ORDER_ONLY, lang, "number", i + 1, "solution", solution));
      for (String remark : r.remarks()) {
        sb.append("\n    ").append(texts.get(ConflictMsg.CONFLICT_RANKED_REMARK, lang, "remark", remark));
      }
    }
    if (ranking.size() > MOST_SHOWN) {
      sb.append("\n… (+").append(ranking.size() - MOST_SHOWN).append(')');
    }
    return sb.toString();
  }

  private static String one(double v) {
    return String.format(java.util.Locale.ROOT, "%.1f", v);
  }

  /** A line of a party's own words under their name, with the colon of the reader's language. */
  static String attributed(Lang lang, String name, String words) {
    return "\n• " + name + (lang == Lang.FR ? " : " : ": ") + words;
  }
}
