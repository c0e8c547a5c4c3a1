package org.trame.core.conflict;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.trame.core.conflict.ConflictCases.Case;
import org.trame.core.conflict.ConflictCases.Ranked;
import org.trame.core.conflict.ConflictCases.Solution;
import org.trame.core.conflict.triage.Nature;
import org.trame.core.conflict.triage.Proposal;
import org.trame.core.engine.ActionContext;
import org.trame.core.engine.Answer;
import org.trame.core.engine.FlowAction;
import org.trame.core.engine.GlobalWord;
import org.trame.core.engine.Prompts;
import org.trame.core.i18n.Msg;
import org.trame.core.i18n.Texts;
import org.trame.core.port.Audience;
import org.trame.core.sheets.Sheets;
import org.trame.core.storage.Member;
import org.trame.core.storage.Members;

/**
 * The named actions of the conflict flows: what each party sees and types inside a phase
 * (the triage proposal, I-message coaching, ideas, marks, accepted solutions, plan steps). They
 * write to the case's tables as the party goes, privately; nothing here speaks to another party.
 */
final class NeedActions {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NeedActions.class);
  /** The most ideas one party may add in one brainstorming round, so that each one gets attention. */
  static final int MOST_IDEAS_PER_ROUND = 10;
  /** The most plan steps one party may write in one plan, so that the plan stays readable in a chat. */
  static final int MOST_STEPS_PER_PARTY = 10;
  static final int LONGEST_SHOWN = 200;
  private static final Set<String> DONE_WORDS = Set.of("done", "fini", "finished", "termine", "fin", "that's all", "c'est tout", "ok");
  private static final Set<String> NONE_WORDS = Set.of("none", "aucune", "aucun", "rien", "nothing");
  private static final Set<String> ME_WORDS = Set.of("me", "moi", "myself", "moi-meme");

  private final Supplier<Prompts> prompts;
  private final Supplier<Triage> triage;

  NeedActions(Supplier<Prompts> prompts, Supplier<Triage> triage) {
    this.prompts = prompts;
    this.triage = triage;
  }

  Map<String, FlowAction> all() {
    return Map.ofEntries(
        Map.entry("conflict.invitation", this::invitation),
        Map.entry("conflict.propose", this::propose),
        Map.entry("conflict.topic", this::topic),
        Map.entry("conflict.coach", this::coach),
        Map.entry("conflict.reformulate", this::reformulate),
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
        Map.entry("conflict.plan", this::plan));
  }

  private String say(ActionContext ctx, Msg msg, Object... keyValues) {
    ctx.send(Audience.member(ctx.conversation().memberId()), prompts.get().texts().get(msg, ctx.lang(), keyValues));
    return null;
  }

  private static Case caseOf(ActionContext ctx) throws Exception {
    var c = ctx.conversation();
    Long id = ConflictCases.openCaseOf(ctx.connection(), c.collectiveId(), c.memberId());
    if (id == null) {
      throw new IllegalStateException("conversation " + c.id() + " belongs to no open conflict case");
    }
    return ConflictCases.find(ctx.connection(), id);
  }

  private static String answer(ActionContext ctx, String step) {
    Answer a = ctx.conversation().state().answers.get(step);
    return a == null || a.skipped() ? null : a.value();
  }

  private static String name(ActionContext ctx, String memberId) throws Exception {
    return Parties.name(Members.find(ctx.connection(), ctx.conversation().collectiveId(), memberId));
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
    return say(ctx, Msg.CONFLICT_INVITATION, "case", k.id(), "by", name(ctx, k.openedBy()), "others", String.join(", ", others),
        "topic", k.topic() == null ? prompts.get().texts().get(Msg.CONFLICT_NO_TOPIC, ctx.lang()) : Texts.oneLine(k.topic(), 300));
  }

  /** The classifier's proposal in plain words, with its reasons; the party confirms or corrects it next. */
  private String propose(ActionContext ctx) throws Exception {
    Case k = caseOf(ctx);
    String member = ctx.conversation().memberId();
    Proposal p;
    try {
      p = triage.get().propose(answer(ctx, "describe"));
    } catch (RuntimeException e) {
      // Without a proposal the party still decides: the question that follows lets them say which kind.
      log.warn("the triage could not propose anything for case {}: {}", k.id(), e.getMessage());
      ConflictCases.setParty(ctx.connection(), k.id(), member, "proposed_nature", null);
      ConflictCases.setParty(ctx.connection(), k.id(), member, "proposed_sheet", 7);
      return say(ctx, Msg.CONFLICT_NO_PROPOSAL);
    }
    ConflictCases.setParty(ctx.connection(), k.id(), member, "proposed_nature", p.nature() == Nature.VALUE ? "value" : "need");
    ConflictCases.setParty(ctx.connection(), k.id(), member, "proposed_sheet", p.sheet());
    Texts t = prompts.get().texts();
    String why = p.cues().isEmpty() ? t.get(Msg.CONFLICT_NO_CUES, ctx.lang())
        : t.get(Msg.CONFLICT_CUES, ctx.lang(), "cues", ctx.lang() == org.trame.core.engine.Lang.FR
            ? "« " + String.join(" », « ", p.cues()) + " »" : "\"" + String.join("\", \"", p.cues()) + "\"");
    return say(ctx, Msg.CONFLICT_PROPOSAL,
        "nature", t.get(p.nature() == Nature.VALUE ? Msg.CONFLICT_NATURE_VALUE : Msg.CONFLICT_NATURE_NEED, ctx.lang()),
        "nature_sure", Math.round(p.natureConfidence() * 100),
        "sheet", p.sheet(), "sheet_title", t.get(Sheets.title(p.sheet()), ctx.lang()), "sheet_when", t.get(Sheets.when(p.sheet()), ctx.lang()),
        "sheet_sure", Math.round(p.sheetConfidence() * 100), "why", why);
  }

  /** The preparatory phase recalls the topic named when the case was opened. */
  private String topic(ActionContext ctx) throws Exception {
    Case k = caseOf(ctx);
    return say(ctx, Msg.CONFLICT_TOPIC,
        "topic", k.topic() == null ? prompts.get().texts().get(Msg.CONFLICT_NO_TOPIC, ctx.lang()) : Texts.oneLine(k.topic(), 300));
  }

  /** A "you + judgement" sentence is pointed out, with the I-message form; the party may rewrite or keep it. */
  private String coach(ActionContext ctx) {
    Optional<String> judgement = triage.get().judgement(answer(ctx, "needs"), ctx.lang());
    if (judgement.isEmpty()) {
      return "ok";
    }
    say(ctx, Msg.IMESSAGE_HINT, "fragment", Texts.oneLine(judgement.get(), LONGEST_SHOWN));
    return "coached";
  }

  /** The wording the others would read: the party's needs, framed with their name; they approve it next. */
  private String reformulate(ActionContext ctx) throws Exception {
    var st = ctx.conversation().state();
    boolean edited = !st.trail.isEmpty() && st.trail.get(st.trail.size() - 1).equals("edit");
    String source = edited ? answer(ctx, "edit") : answer(ctx, "needs");
    // The party's own rewrite is kept word for word; a first statement is reformulated.
    String wording = edited ? Texts.oneLine(source.replaceAll("\\s+", " "), 1000) : Reformulation.of(source);
    Case k = caseOf(ctx);
    ConflictCases.setParty(ctx.connection(), k.id(), ctx.conversation().memberId(), "needs_draft", wording);
    return say(ctx, Msg.CONFLICT_NEEDS_WORDING, "name", name(ctx, ctx.conversation().memberId()), "needs", wording);
  }

  /** Step 2: ideas, one per line, never judged; "done" ends, and a party's ideas per round are capped. */
  private String ideas(ActionContext ctx) throws Exception {
    String text = answer(ctx, "idea").strip();
    if (DONE_WORDS.contains(GlobalWord.normalize(text))) {
      return "done";
    }
    Case k = caseOf(ctx);
    String member = ctx.conversation().memberId();
    int before = ConflictCases.solutionsAddedBy(ctx.connection(), k.id(), k.round(), member);
    List<String> lines = text.lines().map(l -> l.strip().replaceFirst("^([-*•]|\\d{1,3}[.)])\\s*", "").strip())
        .filter(l -> !l.isEmpty()).toList();
    int room = MOST_IDEAS_PER_ROUND - before;
    int kept = Math.min(room, lines.size());
    for (int i = 0; i < kept; i++) {
      ConflictCases.addSolution(ctx.connection(), k.id(), k.round(), Texts.oneLine(lines.get(i), 1000), member,
          ctx.now().toEpochMilli());
    }
    if (kept < lines.size()) {
      say(ctx, Msg.CONFLICT_IDEAS_CAPPED, "kept", kept, "given", lines.size(), "most", MOST_IDEAS_PER_ROUND);
      return "full";
    }
    say(ctx, Msg.CONFLICT_IDEAS_NOTED, "count", before + kept, "most", MOST_IDEAS_PER_ROUND);
    return before + kept >= MOST_IDEAS_PER_ROUND ? "full" : "more";
  }

  /** Step 3 starts with the first solution the party has not rated. */
  private String firstSolution(ActionContext ctx) throws Exception {
    showNextUnrated(ctx, caseOf(ctx));
    return null;
  }

  private boolean showNextUnrated(ActionContext ctx, Case k) throws Exception {
    List<Solution> unrated = ConflictCases.unrated(ctx.connection(), k.id(), ctx.conversation().memberId());
    if (unrated.isEmpty()) {
      return false;
    }
    int total = ConflictCases.solutions(ctx.connection(), k.id()).size();
    say(ctx, Msg.CONFLICT_SOLUTION_TO_RATE, "number", total - unrated.size() + 1, "total", total,
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
    String[] marks = answer(ctx, "rate").strip().split("[\\s,;/]+");
    if (marks.length != 3 || !String.join("", marks).matches("[1-5]{3}")) {
      say(ctx, Msg.CONFLICT_MARKS_USAGE);
      showNextUnrated(ctx, k);
      return "again";
    }
    ConflictCases.rate(ctx.connection(), unrated.get(0).id(), member, Integer.parseInt(marks[0]), Integer.parseInt(marks[1]),
        Integer.parseInt(marks[2]));
    return showNextUnrated(ctx, k) ? "more" : "done";
  }

  /** Step 4 opens on the ranking. */
  private String ranking(ActionContext ctx) throws Exception {
    ctx.send(Audience.member(ctx.conversation().memberId()), NeedPath.ranking(prompts.get().texts(), ctx.lang(),
        ConflictCases.ranking(ctx.connection(), caseOf(ctx).id())));
    return null;
  }

  /** The solutions the party can accept, by their numbers in the ranking, or none. */
  private String accept(ActionContext ctx) throws Exception {
    Case k = caseOf(ctx);
    List<Ranked> ranking = ConflictCases.ranking(ctx.connection(), k.id());
    String text = answer(ctx, "accept").strip();
    Set<Long> ids = new LinkedHashSet<>();
    if (!NONE_WORDS.contains(GlobalWord.normalize(text))) {
      for (String n : text.split("[\\s,;]+")) {
        int i = n.matches("\\d{1,4}") ? Integer.parseInt(n) : -1;
        if (i < 1 || i > ranking.size()) {
          say(ctx, Msg.CONFLICT_ACCEPT_USAGE, "count", ranking.size());
          return "again";
        }
        ids.add(ranking.get(i - 1).solution().id());
      }
    }
    ConflictCases.setParty(ctx.connection(), k.id(), ctx.conversation().memberId(), "accepted",
        String.join(",", ids.stream().map(String::valueOf).toList()));
    return "ok";
  }

  /** The decision as written out, for each party to check they understood the same thing. */
  private String decision(ActionContext ctx) throws Exception {
    return say(ctx, Msg.CONFLICT_DECISION_TEXT, "decision", caseOf(ctx).decision());
  }

  /** Step 5 opens on the decision the plan puts into practice. */
  private String plan(ActionContext ctx) throws Exception {
    return say(ctx, Msg.CONFLICT_PLAN_DECISION, "decision", caseOf(ctx).decision());
  }

  /** The owner of a step: "me" or a member of the collective. */
  private String owner(ActionContext ctx) throws Exception {
    String text = answer(ctx, "owner").strip();
    if (ME_WORDS.contains(GlobalWord.normalize(text))) {
      return "ok";
    }
    List<Member> members = Members.all(ctx.connection(), ctx.conversation().collectiveId());
    if (Parties.resolve(members, text).isPresent()) {
      return "ok";
    }
    say(ctx, Msg.CONFLICT_OWNER_UNKNOWN, "name", Texts.oneLine(text, 40));
    return "again";
  }

  /** A due date: a real day, not in the past. */
  private String due(ActionContext ctx) {
    return date(ctx, "due", false) == null ? "again" : "ok";
  }

  private LocalDate date(ActionContext ctx, String step, boolean strictlyFuture) {
    String text = answer(ctx, step);
    LocalDate date = Dates.parse(text);
    LocalDate today = LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC);
    if (date == null) {
      say(ctx, Msg.CONFLICT_DATE_USAGE, "text", Texts.oneLine(text, 40));
      return null;
    }
    if (date.isBefore(today) || (strictlyFuture && !date.isAfter(today))) {
      say(ctx, strictlyFuture ? Msg.CONFLICT_DATE_NOT_FUTURE : Msg.CONFLICT_DATE_PAST, "date", date, "today", today);
      return null;
    }
    if (date.isAfter(today.plusYears(2))) {
      say(ctx, Msg.CONFLICT_DATE_TOO_FAR, "date", date);
      return null;
    }
    return date;
  }

  /** One step of the action plan, kept as soon as it is complete. */
  private String saveStep(ActionContext ctx) throws Exception {
    Case k = caseOf(ctx);
    String member = ctx.conversation().memberId();
    String owner = answer(ctx, "owner").strip();
    Member who = ME_WORDS.contains(GlobalWord.normalize(owner)) ? Members.find(ctx.connection(), k.collectiveId(), member)
        : Parties.resolve(Members.all(ctx.connection(), k.collectiveId()), owner).orElse(null);
    if (ConflictCases.stepsAddedBy(ctx.connection(), k.id(), k.phaseSeq(), member) >= MOST_STEPS_PER_PARTY) {
      return say(ctx, Msg.CONFLICT_PLAN_FULL, "most", MOST_STEPS_PER_PARTY);
    }
    LocalDate due = Dates.parse(answer(ctx, "due"));
    String obstacles = answer(ctx, "obstacles");
    ConflictCases.addAction(ctx.connection(), k.id(), k.phaseSeq(), new ConflictCases.Action(Texts.oneLine(answer(ctx, "what"), 500),
        who == null ? owner : Parties.name(who), due.toString(), obstacles == null ? null : Texts.oneLine(obstacles, 1000)),
        member, ctx.now().toEpochMilli());
    return null;
  }

  /** The date each party proposes for evaluating the result; the latest of them is kept. */
  private String reviewDate(ActionContext ctx) throws Exception {
    LocalDate date = date(ctx, "review_date", true);
    if (date == null) {
      return "again";
    }
    Case k = caseOf(ctx);
    ConflictCases.setParty(ctx.connection(), k.id(), ctx.conversation().memberId(), "review_at",
        date.atTime(9, 0).toInstant(ZoneOffset.UTC).toEpochMilli());
    return "ok";
  }
}
