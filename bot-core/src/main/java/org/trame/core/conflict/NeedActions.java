package org.trame.core.conflict;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.trame.core.conflict.ConflictCases.Case;
import org.trame.core.conflict.ConflictCases.Ranked;
import org.trame.core.conflict.ConflictCases.Solution;
import org.trame.core.engine.ActionContext;
import org.trame.core.engine.FlowAction;
import org.trame.core.engine.GlobalWord;
import org.trame.core.engine.Prompts;
import org.trame.core.engine.StepRef;
import org.trame.core.i18n.Texts;
import org.trame.core.port.Audience;
import org.trame.core.storage.Member;
import org.trame.core.storage.Members;
import org.trame.core.i18n.MessageKey;

/**
 * The named actions of the need path's steps 2 to 6: ideas, marks, accepted solutions, the
 * decision, plan steps and dates. They write to the case's tables as the party goes, privately;
 * nothing here speaks to another party.
 */
final class NeedActions {

  /** The most ideas one party may add in one brainstorming round, so that each one gets attention. */
  static final int MOST_IDEAS_PER_ROUND = 10;
  /** The most plan steps one party may write in one plan, so that the plan stays readable in a chat. */
  static final int MOST_STEPS_PER_PARTY = 10;
  static final int LONGEST_SHOWN = 200;
  /** A word on a solution's advantages and drawbacks is short: it sits under the solution in the ranking. */
  static final int LONGEST_REMARK = 300;
  /** Three marks from 1 to 5, then, optionally, a few words on advantages and drawbacks ("4 5 3 cheap but slow"). */
  private static final java.util.regex.Pattern MARKS =
      java.util.regex.Pattern.compile("([1-5])[\\s,;/]+([1-5])[\\s,;/]+([1-5])(?:[\\s,;/:.\\-–—]+(\\S.*))?", java.util.regex.Pattern.DOTALL);
  /** Keys of what the actions record in the conversation, for "back" (see {@link NeedUndo}). */
  static final String RECORDED_IDEAS = "ideas";
  static final String RECORDED_MARKS = "marks";
  static final String RECORDED_STEPS = "plan_steps";
  /** Recorded for an answer the action refused: taking it back takes back nothing. */
  static final String NOTHING_RECORDED = "";
  /** The solution ids in the order the ranking showed them, which the accepted numbers refer to. */
  static final String RANKING_SHOWN = "ranking";
  private static final Set<String> DONE_WORDS = Set.of("done", "fini", "finished", "termine", "fin", "that's all", "c'est tout", "ok");
  private static final Set<String> NONE_WORDS = Set.of("none", "aucune", "aucun", "rien", "nothing");
  private static final Set<String> ME_WORDS = Set.of("me", "moi", "myself", "moi-meme");

  private final Supplier<Prompts> prompts;
  private final Supplier<Triage> triage;

  NeedActions(Supplier<Prompts> prompts, Supplier<Triage> triage) {
    this.prompts = prompts;
    this.triage = triage;
  }

  /** Every action of the conflict flows: those of the invitation and step 1 live in {@link TriageActions}. */
  Map<String, FlowAction> all() {
    Map<String, FlowAction> all = new java.util.HashMap<>(new TriageActions(this, prompts, triage).all());
    all.putAll(new ListeningActions(this, prompts).all());
    all.putAll(new ValueActions(this, prompts).all());
    all.putAll(solutionsAndPlan());
    all.putAll(new NeedUndo(this).all());
    return all;
  }

  private Map<String, FlowAction> solutionsAndPlan() {
    return Map.ofEntries(
        Map.entry("conflict.ideas", this::ideas),
        Map.entry("conflict.first_solution", this::firstSolution),
        Map.entry("conflict.rate", this::rate),
        Map.entry("conflict.ranking", this::ranking),
        Map.entry("conflict.accept", this::accept),
        Map.entry("conflict.decision", this::decision),
        Map.entry("conflict.owner", this::owner),
        Map.entry("conflict.due", this::due),
        Map.entry("conflict.save_step", this::saveStep),
        Map.entry("conflict.review_date", this::reviewDate),
        Map.entry("conflict.plan", this::plan),
        Map.entry("conflict.plan_show", this::planShow));
  }

  String say(ActionContext ctx, MessageKey msg, Object... keyValues) {
    ctx.send(Audience.member(ctx.conversation().memberId()), prompts.get().texts().get(msg, ctx.lang(), keyValues));
    return null;
  }

  static Case caseOf(ActionContext ctx) throws Exception {
    var c = ctx.conversation();
    Long id = ConflictCases.openCaseOf(ctx.connection(), c.collectiveId(), c.memberId());
    if (id == null) {
      throw new IllegalStateException("conversation " + c.id() + " belongs to no open conflict case");
    }
    return ConflictCases.find(ctx.connection(), id);
  }

  static String name(ActionContext ctx, String memberId) throws Exception {
    return Parties.name(Members.find(ctx.connection(), ctx.conversation().collectiveId(), memberId));
  }

  /** Step 2: ideas, one per line, never judged; "done" ends, and a party's ideas per round are capped. */
  private String ideas(ActionContext ctx) throws Exception {
    String text = ConflictFlows.IDEA.of(ctx).strip();
    if (DONE_WORDS.contains(GlobalWord.normalize(text))) {
      return "done";
    }
    Case k = caseOf(ctx);
    String member = ctx.conversation().memberId();
    int before = ConflictCases.solutionsAddedBy(ctx.connection(), k.id(), k.round(), member);
    List<String> lines = ideaLines(text);
    int room = MOST_IDEAS_PER_ROUND - before;
    int kept = Math.min(room, lines.size());
    List<String> added = new java.util.ArrayList<>();
    for (int i = 0; i < kept; i++) {
      added.add(Long.toString(ConflictCases.addSolution(ctx.connection(), k.id(), k.round(), Texts.oneLine(lines.get(i), 1000), member,
          ctx.now().toEpochMilli())));
    }
    // One entry per answer, so that "back" takes back this answer's ideas and no others.
    ctx.conversation().state().recorded(RECORDED_IDEAS).add(String.join(" ", added));
    if (kept < lines.size()) {
      say(ctx, ConflictMsg.CONFLICT_IDEAS_CAPPED, "kept", kept, "given", lines.size(), "most", MOST_IDEAS_PER_ROUND);
      return "full";
    }
    say(ctx, ConflictMsg.CONFLICT_IDEAS_NOTED, "count", before + kept, "most", MOST_IDEAS_PER_ROUND);
    return before + kept >= MOST_IDEAS_PER_ROUND ? "full" : "more";
  }

  /** The ideas of one answer: one per line, list marks ("-", "1.") dropped. */
  private static List<String> ideaLines(String text) {
    return text.lines().map(l -> l.strip().replaceFirst("^([-*•]|\\d{1,3}[.)])\\s*", "").strip())
        .filter(l -> !l.isEmpty()).toList();
  }

  /** Step 3 starts with the first solution the party has not rated. */
  private String firstSolution(ActionContext ctx) throws Exception {
    showNextUnrated(ctx, caseOf(ctx));
    return null;
  }

  boolean showNextUnrated(ActionContext ctx, Case k) throws Exception {
    List<Solution> unrated = ConflictCases.unrated(ctx.connection(), k.id(), ctx.conversation().memberId());
    if (unrated.isEmpty()) {
      return false;
    }
    int total = ConflictCases.solutions(ctx.connection(), k.id()).size();
    say(ctx, ConflictMsg.CONFLICT_SOLUTION_TO_RATE, "number", total - unrated.size() + 1, "total", total,
        "solution", Texts.oneLine(unrated.get(0).text(), 500));
    return true;
  }

  /** Three marks from 1 to 5 for the solution shown; a wrong form is explained and the same solution asked again. */
  private String rate(ActionContext ctx) throws Exception {
    Case k = caseOf(ctx);
    String member = ctx.conversation().memberId();
    List<Solution> unrated = ConflictCases.unrated(ctx.connection(), k.id(), member);
    if (unrated.isEmpty()) {
      return "done";
    }
    java.util.regex.Matcher marks = MARKS.matcher(ConflictFlows.RATE.of(ctx).strip());
    if (!marks.matches()) {
      say(ctx, ConflictMsg.CONFLICT_MARKS_USAGE);
      showNextUnrated(ctx, k);
      ctx.conversation().state().recorded(RECORDED_MARKS).add(NOTHING_RECORDED); // "back" then takes back nothing
      return refused(ctx);
    }
    String remark = marks.group(4) == null || marks.group(4).isBlank() ? null : Texts.oneLine(marks.group(4), LONGEST_REMARK);
    ConflictCases.rate(ctx.connection(), unrated.get(0).id(), member, Integer.parseInt(marks.group(1)), Integer.parseInt(marks.group(2)),
        Integer.parseInt(marks.group(3)), remark);
    ctx.conversation().state().recorded(RECORDED_MARKS).add(Long.toString(unrated.get(0).id()));
    return showNextUnrated(ctx, k) ? "more" : "done";
  }

  /** Step 4 opens on the ranking. */
  private String ranking(ActionContext ctx) throws Exception {
    Case k = caseOf(ctx);
    List<Ranked> ranking = ConflictCases.ranking(ctx.connection(), k.id());
    Texts texts = prompts.get().texts();
    ctx.send(Audience.member(ctx.conversation().memberId()), texts.get(ConflictMsg.CONFLICT_GOAL_HEADING, ctx.lang(), "goal",
        Equation.goal(ctx.connection(), k, texts, ctx.lang())) + "\n" + NeedPath.ranking(texts, ctx.lang(), ranking));
    // The numbers the party answers with are those of this list, even if a party leaves meanwhile.
    List<String> shown = ctx.conversation().state().recorded(RANKING_SHOWN);
    shown.clear();
    shown.addAll(listed(ranking));
    return null;
  }

  /** The ids of the solutions a ranking lists (the first {@link NeedPath#MOST_SHOWN}), in its order. */
  private static List<String> listed(List<Ranked> ranking) {
    return ranking.stream().limit(NeedPath.MOST_SHOWN).map(r -> Long.toString(r.solution().id())).toList();
  }

  /** The solutions the party can accept, by their numbers in the ranking, or none. */
  private String accept(ActionContext ctx) throws Exception {
    Case k = caseOf(ctx);
    List<String> shown = ctx.conversation().state().recorded(RANKING_SHOWN);
    if (shown.isEmpty()) { // a conversation from before the list was kept
      shown.addAll(listed(ConflictCases.ranking(ctx.connection(), k.id())));
    }
    String text = ConflictFlows.ACCEPT.of(ctx).strip();
    Set<Long> ids = new LinkedHashSet<>();
    if (!NONE_WORDS.contains(GlobalWord.normalize(text))) {
      for (String n : text.split("[\\s,;]+")) {
        int i = n.matches("\\d{1,4}") ? Integer.parseInt(n) : -1;
        if (i < 1 || i > shown.size()) {
          say(ctx, ConflictMsg.CONFLICT_ACCEPT_USAGE, "count", shown.size());
          return refused(ctx);
        }
        ids.add(Long.parseLong(shown.get(i - 1)));
      }
    }
    ConflictCases.setParty(ctx.connection(), k.id(), ctx.conversation().memberId(), "accepted",
        String.join(",", ids.stream().map(String::valueOf).toList()));
    return "ok";
  }

  /** The decision as written out, for each party to check they understood the same thing. */
  private String decision(ActionContext ctx) throws Exception {
    return say(ctx, ConflictMsg.CONFLICT_DECISION_TEXT, "decision", caseOf(ctx).decision());
  }

  /** Step 5 opens on the decision the plan puts into practice. */
  private String plan(ActionContext ctx) throws Exception {
    Case k = caseOf(ctx);
    say(ctx, ConflictMsg.CONFLICT_PLAN_DECISION, "decision", k.decision());
    // Written again (after remarks, or an adjustment at step 6): the previous plan is shown to start from.
    List<ConflictCases.Action> previous = ConflictCases.plan(ctx.connection(), k.id());
    if (!previous.isEmpty() && ConflictCases.planSeq(ctx.connection(), k.id()) != k.phaseSeq()) {
      StringBuilder sb = new StringBuilder(prompts.get().texts().get(ConflictMsg.CONFLICT_PLAN_PREVIOUS, ctx.lang()));
      int n = 1;
      for (ConflictCases.Action a : previous) {
        sb.append('\n').append(prompts.get().texts().get(ConflictMsg.CONFLICT_PLAN_STEP, ctx.lang(), "number", n++, "what", a.what(),
            "owner", a.owner(), "due", java.time.LocalDate.parse(a.dueDate())));
      }
      ctx.send(Audience.member(ctx.conversation().memberId()), sb.toString());
    }
    return null;
  }

  /** Step 5 ends on the whole plan, for each party to approve. */
  private String planShow(ActionContext ctx) throws Exception {
    Case k = caseOf(ctx);
    java.time.LocalDate date = java.time.LocalDate.ofInstant(java.time.Instant.ofEpochMilli(k.reviewAt()), ZoneOffset.UTC);
    ctx.send(Audience.member(ctx.conversation().memberId()), NeedPath.planText(prompts.get().texts(), ctx.lang(), k.id(), k.decision(),
        ConflictCases.plan(ctx.connection(), k.id()), date));
    return null;
  }

  /** The owner of a step: "me" or a member of the collective. */
  private String owner(ActionContext ctx) throws Exception {
    String text = ConflictFlows.OWNER.of(ctx).strip();
    if (ME_WORDS.contains(GlobalWord.normalize(text))) {
      return "ok";
    }
    List<Member> members = Members.all(ctx.connection(), ctx.conversation().collectiveId());
    List<Member> named = Parties.candidates(members, text);
    if (named.size() == 1) {
      return "ok";
    }
    if (named.size() > 1) {
      say(ctx, ConflictMsg.CONFLICT_OWNER_AMBIGUOUS, "name", Texts.oneLine(text, 40), "members", Parties.listed(named));
      return refused(ctx);
    }
    say(ctx, ConflictMsg.CONFLICT_OWNER_UNKNOWN, "name", Texts.oneLine(text, 40));
    return refused(ctx);
  }

  /** A due date: a real day, not in the past. */
  private String due(ActionContext ctx) throws Exception {
    return date(ctx, ConflictFlows.DUE, false) == null ? refused(ctx) : "ok";
  }

  private LocalDate date(ActionContext ctx, StepRef<String> step, boolean strictlyFuture) throws Exception {
    String text = step.of(ctx);
    LocalDate date = Dates.parse(text);
    LocalDate today = LocalDate.ofInstant(ctx.now(), zoneOf(ctx));
    if (date == null) {
      say(ctx, ConflictMsg.CONFLICT_DATE_USAGE, "text", Texts.oneLine(text, 40));
      return null;
    }
    if (date.isBefore(today) || (strictlyFuture && !date.isAfter(today))) {
      say(ctx, strictlyFuture ? ConflictMsg.CONFLICT_DATE_NOT_FUTURE : ConflictMsg.CONFLICT_DATE_PAST, "date", date, "today", today);
      return null;
    }
    if (date.isAfter(today.plusYears(2))) {
      say(ctx, ConflictMsg.CONFLICT_DATE_TOO_FAR, "date", date);
      return null;
    }
    return date;
  }

  /** The party's own calendar: "today" is theirs when they gave their zone ({@code tz}), else UTC's. */
  private static ZoneId zoneOf(ActionContext ctx) throws Exception {
    return Dates.zoneOf(Members.find(ctx.connection(), ctx.conversation().collectiveId(), ctx.conversation().memberId()));
  }

  /** One step of the action plan, kept as soon as it is complete. */
  private String saveStep(ActionContext ctx) throws Exception {
    Case k = caseOf(ctx);
    String member = ctx.conversation().memberId();
    String owner = ConflictFlows.OWNER.of(ctx).strip();
    Member who = ME_WORDS.contains(GlobalWord.normalize(owner)) ? Members.find(ctx.connection(), k.collectiveId(), member)
        : Parties.resolve(Members.all(ctx.connection(), k.collectiveId()), owner).orElse(null);
    if (ConflictCases.stepsAddedBy(ctx.connection(), k.id(), k.phaseSeq(), member) >= MOST_STEPS_PER_PARTY) {
      ctx.conversation().state().recorded(RECORDED_STEPS).add(NOTHING_RECORDED); // "back" then takes back nothing
      return say(ctx, ConflictMsg.CONFLICT_PLAN_FULL, "most", MOST_STEPS_PER_PARTY);
    }
    LocalDate due = Dates.parse(ConflictFlows.DUE.of(ctx));
    String resources = ConflictFlows.RESOURCES.of(ctx);
    String obstacles = ConflictFlows.OBSTACLES.of(ctx);
    long saved = ConflictCases.addAction(ctx.connection(), k.id(), k.phaseSeq(), new ConflictCases.Action(Texts.oneLine(ConflictFlows.WHAT.of(ctx), 500),
        who == null ? owner : Parties.name(who), due.toString(), resources == null ? null : Texts.oneLine(resources, 500),
        obstacles == null ? null : Texts.oneLine(obstacles, 1000)), member, ctx.now().toEpochMilli());
    ctx.conversation().state().recorded(RECORDED_STEPS).add(Long.toString(saved));
    return null;
  }

  /** The date each party proposes for evaluating the result; the latest of them is kept. */
  private String reviewDate(ActionContext ctx) throws Exception {
    LocalDate date = date(ctx, ConflictFlows.REVIEW_DATE, true);
    if (date == null) {
      return refused(ctx);
    }
    Case k = caseOf(ctx);
    // 09:00 UTC on that day, or the day's start for the party when later (far west), so that the evaluation
    // never comes before the day they chose and the date everyone reads stays the one they typed.
    long nineUtc = date.atTime(9, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
    long theirMidnight = date.atStartOfDay(zoneOf(ctx)).toInstant().toEpochMilli();
    ConflictCases.setParty(ctx.connection(), k.id(), ctx.conversation().memberId(), "review_at", Math.max(nineUtc, theirMidnight));
    return "ok";
  }

  /** The answer is not taken (the member was told why): the flow asks the same question again. */
  private static String refused(ActionContext ctx) {
    ctx.conversation().refuseAnswer();
    return "again";
  }
}
