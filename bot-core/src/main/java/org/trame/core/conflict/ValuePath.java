package org.trame.core.conflict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trame.core.conflict.ConflictCases.Case;
import org.trame.core.conflict.ConflictCases.Party;
import org.trame.core.engine.Conversation;
import org.trame.core.i18n.Texts;
import org.trame.core.storage.Json;
import org.trame.core.turn.TurnContext;

/**
 * The value path (seed 004 sheet 7, sheet 8, tool sheet 2). The relationship first; each party's
 * conviction and what it protects, shared; each restated by another party until its author
 * recognises it ({@link Listening}); then what can be done together despite the difference, the
 * collective's ethics criteria applied by the members of the project at stake, and one coherent
 * outcome: continue together, continue with adjustments, the project goes on without those who
 * withdraw, or stop. The concrete needs named on the way go on to the need path.
 */
final class ValuePath {

  /** The outcomes of the path, as stored in the case and read in the messages' selects. */
  static final String TOGETHER = "together";
  static final String ADJUST = "adjust";
  static final String STOP_GRID = "stop_grid";
  static final String STOP = "stop";
  static final String ALL_WITHDREW = "all_withdrew";

  /** First phase: the wish to keep working together, the conviction (shared, as approved) and any concrete need. */
  boolean answered(TurnContext t, Case k, Party p, Conversation c) throws Exception {
    ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "conviction", Texts.oneLine(ConflictFlows.CONVICTION.of(c), 2000));
    String needPart = ConflictFlows.NEED_PART.of(c);
    ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "need_part", needPart == null ? null : Texts.oneLine(needPart, 1000));
    Map<String, String> kept = new LinkedHashMap<>();
    kept.put("relation", ConflictFlows.RELATION.value(c));
    ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "value_answers", Json.write(kept));
    return true;
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> answers(Party p) {
    return p.valueAnswers() == null ? Map.of() : Json.read(p.valueAnswers(), Map.class);
  }

  /** Everyone stated a conviction: all read them, with names, and whether everyone wishes to keep working together. */
  Phase convictionsShared(TurnContext t, Case k, List<Party> parties) throws Exception {
    boolean allKeepTogether = parties.stream().allMatch(p -> "yes".equals(answers(p).get("relation")));
    for (Party reader : parties) {
      TurnContext theirs = CasePhases.to(t, reader.memberId());
      StringBuilder sb = new StringBuilder(theirs.texts().get(ConflictMsg.CONFLICT_CONVICTIONS_SHARED, theirs.lang(), "case", k.id()));
      for (Party author : parties) {
        sb.append(NeedPath.attributed(theirs.lang(), CasePhases.name(t, author.memberId()), author.conviction()));
      }
      sb.append('\n').append(theirs.texts().get(allKeepTogether ? ConflictMsg.CONFLICT_RELATION_ALL : ConflictMsg.CONFLICT_RELATION_NOT_ALL,
          theirs.lang()));
      theirs.say(sb.toString());
    }
    Listening.pair(t, k, parties);
    return Phase.LISTEN;
  }

  /** Last phase: what can be done together, the project at stake, the party's stance and, for its members, the grid. */
  boolean together(TurnContext t, Case k, Party p, Conversation c) throws Exception {
    Map<String, String> kept = new LinkedHashMap<>(answers(p));
    String together = ConflictFlows.TOGETHER_TEXT.of(c);
    if (together != null) {
      kept.put("together", Texts.oneLine(together, 1000));
    }
    String project = ConflictFlows.PROJECT.of(c);
    if (project != null) {
      kept.put("project", Texts.oneLine(project, 80));
    }
    String stance = ConflictFlows.STANCE.of(c);
    String grid = ConflictFlows.STANCE_WITHDRAW.equals(stance) ? null : ConflictFlows.GRID.of(c);
    if (grid != null) {
      kept.put("grid", grid);
      if (ConflictFlows.BLACK_BALL.equals(grid)) {
        kept.put("criterion", ConflictFlows.GRID_CRITERION.of(c).strip());
      }
    }
    ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "value_answers", Json.write(kept));
    ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "stance", stance);
    ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "stance_text",
        ConflictFlows.STANCE_ADJUST.equals(stance) ? Texts.oneLine(ConflictFlows.ADJUSTMENT.of(c), 1000) : null);
    return true;
  }

  /**
   * Everyone answered: one outcome for all, coherent by construction. Those who withdraw leave the
   * project (and the case) and no longer weigh on it; among those who stay, one black ball or one
   * wish to stop means the project does not go on as it stands; otherwise it goes on, with the
   * adjustments proposed. What can be done together and the criteria that weighed are shown
   * without names. If the project goes on, the concrete needs named go on to the need path.
   */
  Phase complete(TurnContext t, Case k, List<Party> parties) throws Exception {
    List<Party> staying = parties.stream().filter(p -> !ConflictFlows.STANCE_WITHDRAW.equals(p.stance())).toList();
    List<Party> leaving = parties.stream().filter(p -> ConflictFlows.STANCE_WITHDRAW.equals(p.stance())).toList();
    Map<Integer, Integer> weighed = new TreeMap<>();
    boolean blackBall = false;
    boolean stop = false;
    List<String> adjustments = new ArrayList<>();
    for (Party p : staying) {
      Map<String, String> a = answers(p);
      if (ConflictFlows.BLACK_BALL.equals(a.get("grid"))) {
        blackBall = true;
        String n = a.get("criterion");
        if (n != null && n.matches("\\d{1,2}")) {
          weighed.merge(Integer.parseInt(n), 1, Integer::sum);
        }
      }
      stop |= ConflictFlows.STANCE_STOP.equals(p.stance());
      if (p.stanceText() != null) {
        adjustments.add(p.stanceText());
      }
    }
    String outcome = staying.isEmpty() ? ALL_WITHDREW : blackBall ? STOP_GRID : stop ? STOP : adjustments.isEmpty() ? TOGETHER : ADJUST;
    boolean goesOn = TOGETHER.equals(outcome) || ADJUST.equals(outcome);
    // The same idea written by two parties is shown once: agreeing on it is the point.
    java.util.Map<String, String> ideasByKey = new java.util.LinkedHashMap<>();
    parties.forEach(p -> {
      String idea = answers(p).get("together");
      if (idea != null) {
        ideasByKey.putIfAbsent(org.trame.core.engine.GlobalWord.normalize(idea).replaceAll("\\W+", " ").strip(), idea);
      }
    });
    List<String> ideas = List.copyOf(ideasByKey.values());
    List<String> leavers = new ArrayList<>();
    for (Party p : leaving) {
      leavers.add(CasePhases.name(t, p.memberId()));
      CaseProject.withdraw(t, k, p);
    }
    List<Party> withNeeds = goesOn ? staying.stream().filter(p -> p.needPart() != null).toList() : List.of();
    boolean toNeeds = !withNeeds.isEmpty() && staying.size() >= 2;
    String project = k.project() == null ? "" : k.project();
    for (Party reader : parties) {
      TurnContext theirs = CasePhases.to(t, reader.memberId());
      Texts texts = theirs.texts();
      StringBuilder sb = new StringBuilder(texts.get(ConflictMsg.CONFLICT_VALUE_OUTCOME, theirs.lang(), "case", k.id(), "outcome", outcome,
          "project", project));
      for (String adjustment : adjustments) {
        sb.append("\n• ").append(adjustment);
      }
      if (blackBall) {
        List<String> criteria = CaseProject.criteria(t, k, theirs.lang());
        for (Map.Entry<Integer, Integer> w : weighed.entrySet()) {
          String criterion = w.getKey() >= 1 && w.getKey() <= criteria.size() ? criteria.get(w.getKey() - 1) : "#" + w.getKey();
          sb.append('\n').append(texts.get(ConflictMsg.CONFLICT_CRITERION_WEIGHED, theirs.lang(), "criterion", criterion,
              "count", w.getValue()));
        }
      }
      if (!ideas.isEmpty()) {
        sb.append('\n').append(texts.get(ConflictMsg.CONFLICT_TOGETHER_IDEAS, theirs.lang()));
        ideas.forEach(i -> sb.append("\n• ").append(i));
      }
      if (!leavers.isEmpty()) {
        sb.append('\n').append(texts.get(ConflictMsg.CONFLICT_VALUE_WITHOUT, theirs.lang(), "names", String.join(", ", leavers),
            "count", leavers.size(), "goes_on", goesOn ? "yes" : "no", "project", project));
      }
      if (toNeeds) {
        sb.append('\n').append(texts.get(ConflictMsg.CONFLICT_VALUE_TO_NEEDS, theirs.lang()));
        for (Party p : withNeeds) {
          sb.append(NeedPath.attributed(theirs.lang(), CasePhases.name(t, p.memberId()), p.needPart()));
        }
      }
      theirs.say(sb.toString());
    }
    CasePhases.tellCoordinator(t, k, ConflictMsg.CONFLICT_COORDINATOR_VALUE_DONE, "outcome", outcome, "project", project,
        "withdrawals", leavers.isEmpty() ? "—" : String.join(", ", leavers), "to_needs", toNeeds ? "yes" : "no");
    for (Party p : leaving) {
      ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "status", "stopped");
    }
    if (toNeeds) {
      ConflictCases.set(t.connection(), k.id(), "nature", "need");
      return Phase.PREP;
    }
    ConflictCases.close(t.connection(), k.id(), "value_" + outcome, t.now().toEpochMilli());
    return Phase.CLOSED;
  }
}
