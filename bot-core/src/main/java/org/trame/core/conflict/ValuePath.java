package org.trame.core.conflict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trame.core.conflict.ConflictCases.Case;
import org.trame.core.conflict.ConflictCases.Party;
import org.trame.core.engine.Conversation;
import org.trame.core.engine.StepRef;
import org.trame.core.i18n.Texts;
import org.trame.core.storage.Json;
import org.trame.core.turn.TurnContext;

/**
 * The value path (seed 004 sheet 7, sheet 8, tool sheet 2): the relationship first, creative
 * opposition, criteria made explicit with the ethics grid (one black ball blocks), and the right
 * to withdraw from the project without leaving the collective. Nothing is "negotiated": the case
 * ends with what each party chose to share, the grid's verdict and who withdraws.
 */
final class ValuePath {

  boolean answered(TurnContext t, Case k, Party p, Conversation c) throws Exception {
    Map<String, String> kept = new LinkedHashMap<>();
    kept.put("relation", ConflictFlows.RELATION.value(c));
    if (ConflictFlows.SHARE_CONVICTION.yes(c)) {
      kept.put("conviction", Texts.oneLine(ConflictFlows.CONVICTION.of(c), 1000));
    }
    for (StepRef.Options g : ConflictFlows.GRID) {
      kept.put(g.id(), g.of(c));
    }
    String criterion = ConflictFlows.CRITERION.of(c);
    if (criterion != null) {
      kept.put("criterion", Texts.oneLine(criterion, 500));
    }
    kept.put("withdrawal", ConflictFlows.WITHDRAWAL.of(c));
    ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "value_answers", Json.write(kept));
    return true;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> of(Party p) {
    return p.valueAnswers() == null ? Map.of() : Json.read(p.valueAnswers(), Map.class);
  }

  /** Everyone went through the path: shared convictions, criteria without authors, the grid's verdict, withdrawals. */
  Phase complete(TurnContext t, Case k, List<Party> parties) throws Exception {
    boolean blackBall = false;
    List<String> withdrawn = new ArrayList<>();
    for (Party p : parties) {
      Map<String, String> a = of(p);
      blackBall |= ConflictFlows.GRID.stream().anyMatch(g -> ConflictFlows.BLACK_BALL.equals(a.get(g.id())));
      if (ConflictFlows.WITHDRAW.equals(a.get("withdrawal"))) {
        withdrawn.add(CasePhases.name(t, p.memberId()));
      }
    }
    for (Party reader : parties) {
      TurnContext theirs = CasePhases.to(t, reader.memberId());
      StringBuilder sb = new StringBuilder(theirs.texts().get(ConflictMsg.CONFLICT_VALUE_SUMMARY, theirs.lang(), "case", k.id()));
      for (Party author : parties) {
        String conviction = of(author).get("conviction");
        if (conviction != null) {
          sb.append(NeedPath.attributed(theirs.lang(), CasePhases.name(t, author.memberId()), conviction));
        }
      }
      List<String> criteria = new ArrayList<>();
      parties.forEach(p -> {
        String c = of(p).get("criterion");
        if (c != null) {
          criteria.add(c);
        }
      });
      if (!criteria.isEmpty()) {
        sb.append('\n').append(theirs.texts().get(ConflictMsg.CONFLICT_VALUE_CRITERIA, theirs.lang()));
        criteria.forEach(c -> sb.append("\n• ").append(c));
      }
      sb.append('\n').append(theirs.texts().get(blackBall ? ConflictMsg.CONFLICT_GRID_BLOCKS : ConflictMsg.CONFLICT_GRID_CLEAR, theirs.lang()));
      sb.append('\n').append(withdrawn.isEmpty() ? theirs.texts().get(ConflictMsg.CONFLICT_NOBODY_WITHDRAWS, theirs.lang())
          : theirs.texts().get(ConflictMsg.CONFLICT_WITHDRAWS, theirs.lang(), "names", String.join(", ", withdrawn)));
      theirs.say(sb.toString());
    }
    CasePhases.tellCoordinator(t, k, ConflictMsg.CONFLICT_COORDINATOR_VALUE_DONE,
        "grid", CasePhases.to(t, k.openedBy()).texts().get(blackBall ? ConflictMsg.CONFLICT_GRID_BLOCKS : ConflictMsg.CONFLICT_GRID_CLEAR,
            CasePhases.to(t, k.openedBy()).lang()),
        "withdrawals", withdrawn.isEmpty() ? "—" : String.join(", ", withdrawn));
    ConflictCases.close(t.connection(), k.id(), "value_path", t.now().toEpochMilli());
    return Phase.CLOSED;
  }
}
