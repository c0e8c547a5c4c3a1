package org.trame.core.conflict;

import java.util.List;
import org.trame.core.conflict.ConflictCases.Case;
import org.trame.core.conflict.ConflictCases.Party;
import org.trame.core.engine.Conversation;
import org.trame.core.i18n.Texts;
import org.trame.core.turn.TurnContext;

/**
 * Active listening (tool sheet 3 of seed 004, sheet 7): each party says another party's need, or
 * conviction on the value path, in their own words, and its author recognises it or corrects it.
 * A corrected restatement is tried again, up to {@link #MOST_ROUNDS} rounds, after which the
 * author's own words stand. A restatement reaches its author only; a correction, its restater only.
 */
final class Listening {

  /** Rounds of restating before the author's own words stand: listening is offered, never forced. */
  static final int MOST_ROUNDS = 3;
  /** {@code recognised}: the author recognised the restatement in this round; its restater is told at the round's end. */
  static final int RECOGNISED = 1;
  /** {@code recognised}: recognised in an earlier round, the restater already told: later rounds leave the pair alone. */
  static final int RECOGNISED_AND_TOLD = 2;

  /** The words a party restates: the approved needs, or the conviction on the value path. */
  static String words(Case k, Party author) {
    return k.valuePath() ? author.conviction() : author.needs();
  }

  /**
   * The first round: each party restates the next one's words, in the order they were invited, so
   * that everyone restates once and is restated once.
   */
  static void pair(TurnContext t, Case k, List<Party> parties) throws Exception {
    for (int i = 0; i < parties.size(); i++) {
      Party p = parties.get(i);
      Party author = parties.get((i + 1) % parties.size());
      ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "restates", author.memberId());
      ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "restatement", null);
      ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "recognised", 0);
      ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "correction", null);
    }
    ConflictCases.set(t.connection(), k.id(), "listen_round", 1);
  }

  /** Whether the party has nothing to do in this listening phase (their pair is settled, or the other left). */
  static boolean nothingToDo(TurnContext t, Case k, Phase phase, Party p) throws Exception {
    List<Party> active = CasePhases.active(t, k.id());
    if (phase == Phase.LISTEN) {
      Party author = find(active, p.restates());
      return author == null || author.recognised();
    }
    return p.recognised() || restaterOf(active, p) == null;
  }

  private static Party find(List<Party> parties, String memberId) {
    return memberId == null ? null : parties.stream().filter(x -> x.memberId().equals(memberId)).findFirst().orElse(null);
  }

  private static Party restaterOf(List<Party> parties, Party author) {
    return parties.stream().filter(x -> author.memberId().equals(x.restates())).findFirst().orElse(null);
  }

  /** The restatement the party wrote and agreed to show its author. */
  boolean restated(TurnContext t, Case k, Party p, Conversation c) throws Exception {
    ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "restatement", Texts.oneLine(ConflictFlows.RESTATE.of(c), 1000));
    return true;
  }

  /** The author recognised their words, or corrected the restatement. */
  boolean recognised(TurnContext t, Case k, Party p, Conversation c) throws Exception {
    boolean yes = ConflictFlows.RECOGNISED_YES.equals(ConflictFlows.RECOGNISED.of(c));
    ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "recognised", yes ? RECOGNISED : 0);
    if (!yes) {
      ConflictCases.setParty(t.connection(), k.id(), p.memberId(), "correction", Texts.oneLine(ConflictFlows.CORRECTION.of(c), 1000));
    }
    return true;
  }

  /** Every restater wrote: the authors read the restatements of their words next. */
  Phase listened(TurnContext t, Case k) {
    return Phase.RECOGNISE;
  }

  /**
   * Every author answered: each restater learns whether they were understood. Pairs still apart
   * restate again, until the last round, after which the authors' own words stand and the case
   * goes on to the goal (need path) or to what can be done together (value path).
   */
  Phase recognisedAll(TurnContext t, Case k, List<Party> parties) throws Exception {
    boolean allRecognised = true;
    for (Party author : parties) {
      Party restater = restaterOf(parties, author);
      if (restater == null || author.recognition() == RECOGNISED_AND_TOLD) {
        continue;
      }
      TurnContext theirs = CasePhases.to(t, restater.memberId());
      String name = CasePhases.name(t, author.memberId());
      if (author.recognised()) {
        theirs.say(ConflictMsg.CONFLICT_LISTEN_RECOGNISED, "case", k.id(), "name", name);
        ConflictCases.setParty(t.connection(), k.id(), author.memberId(), "recognised", RECOGNISED_AND_TOLD);
      } else {
        allRecognised = false;
        theirs.say(ConflictMsg.CONFLICT_LISTEN_CORRECTED, "case", k.id(), "name", name,
            "correction", author.correction() == null ? "—" : author.correction());
      }
    }
    Phase next = k.valuePath() ? Phase.TOGETHER : Phase.GOAL;
    if (allRecognised) {
      CasePhases.tellParties(t, k, ConflictMsg.CONFLICT_LISTEN_DONE, "path", k.valuePath() ? "value" : "need");
      return next;
    }
    if (k.listenRound() >= MOST_ROUNDS) {
      CasePhases.tellParties(t, k, ConflictMsg.CONFLICT_LISTEN_OWN_WORDS, "path", k.valuePath() ? "value" : "need");
      return next;
    }
    ConflictCases.set(t.connection(), k.id(), "listen_round", k.listenRound() + 1);
    return Phase.LISTEN;
  }
}
