package org.trame.core.diagnostic;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.trame.core.engine.ActionContext;
import org.trame.core.engine.Conversation;
import org.trame.core.engine.FlowAction;
import org.trame.core.i18n.Msg;
import org.trame.core.i18n.Texts;
import org.trame.core.storage.Conversations;
import org.trame.core.storage.Member;
import org.trame.core.storage.Members;
import org.trame.core.turn.Command;
import org.trame.core.turn.Feature;
import org.trame.core.turn.TurnContext;

/**
 * The cooperation diagnostic (seeds 000/001, seed 004 sheets 1 and 3): a coordinator opens one at
 * launch or at a milestone ({@code diagnostic}); every member rates each success factor, point of
 * vigilance, the time horizon and the compatibility of cultures privately; {@code diagnostic close}
 * folds the ratings into anonymous counts and posts the report with its bar chart to the channel.
 * While it is open, a member's ratings are kept under their id (for their export and erasure) and
 * nowhere else: what they typed is wiped from their conversation when it ends.
 */
public final class DiagnosticFeature implements Feature {

  public static final String FLOW = "diagnostic";
  static final String SAVE = "diagnostic.save";

  @Override
  public List<DiagnosticMsg> messages() {
    return List.of(DiagnosticMsg.values());
  }

  @Override
  public Map<String, Command> commands() {
    return Map.of("diagnostic", Command.of("diagnostic", this::diagnostic));
  }

  @Override
  public Map<String, FlowAction> actions() {
    return Map.of(SAVE, this::save);
  }

  @Override
  public List<org.trame.core.engine.FlowContract> contracts() {
    return DiagnosticFlow.ALL;
  }

  private void diagnostic(TurnContext t, List<String> args) throws Exception {
    String sub = args.isEmpty() ? "" : args.get(0).toLowerCase(Locale.ROOT);
    switch (sub) {
      case "", "open" -> {
        if (t.coordinatorCommand("diagnostic", null)) {
          open(t);
        }
      }
      case "close" -> {
        if (t.coordinatorCommand("diagnostic close", null)) {
          DiagnosticStore.Round open = DiagnosticStore.openRound(t.connection(), t.collectiveId());
          if (open == null) {
            t.say(DiagnosticMsg.DIAGNOSTIC_NONE_OPEN);
          } else {
            DiagnosticReport report = close(t, open);
            t.say(DiagnosticMsg.DIAGNOSTIC_CLOSED, "number", open.number(), "answered", report.answered(), "invited", report.invited());
          }
        }
      }
      case "report" -> {
        if (t.coordinatorCommand("diagnostic report", null)) {
          report(t);
        }
      }
      default -> t.say(Msg.UNKNOWN_COMMAND, "command", "diagnostic " + Texts.oneLine(sub, 40));
    }
  }

  /** Opens a diagnostic for every member of the collective, each asked privately at once. */
  private void open(TurnContext t) throws Exception {
    DiagnosticStore.Round open = DiagnosticStore.openRound(t.connection(), t.collectiveId());
    if (open != null) {
      List<DiagnosticStore.Invitee> invitees = DiagnosticStore.invitees(t.connection(), open.id());
      t.say(DiagnosticMsg.DIAGNOSTIC_ALREADY_OPEN, "number", open.number(), "answered",
          invitees.stream().filter(i -> i.answeredAt() != null).count(), "invited", invitees.size());
      return;
    }
    List<Member> members = Members.all(t.connection(), t.collectiveId());
    if (members.isEmpty()) {
      t.say(DiagnosticMsg.DIAGNOSTIC_NO_MEMBERS);
      return;
    }
    long now = t.now().toEpochMilli();
    DiagnosticStore.Round round = DiagnosticStore.open(t.connection(), t.collectiveId(), t.member().memberId(), now);
    for (Member m : members) {
      DiagnosticStore.invite(t.connection(), round.id(), m.memberId(), now);
    }
    // The coordinator reads the summary before their own questions.
    t.say(DiagnosticMsg.DIAGNOSTIC_OPENED, "number", round.number(), "count", members.size());
    Set<String> coordinators = Members.coordinators(t.connection(), t.collectiveId()).stream().map(Member::memberId)
        .collect(Collectors.toSet());
    for (Member m : members) {
      TurnContext theirs = m.memberId().equals(t.member().memberId()) ? t : t.as(m, coordinators.contains(m.memberId()), t.lang());
      theirs.say(DiagnosticMsg.DIAGNOSTIC_INVITE);
      Conversation c = theirs.flows().start(theirs, FLOW);
      DiagnosticStore.markAsked(t.connection(), round.id(), m.memberId(), c.id());
    }
  }

  /**
   * Closes the diagnostic: unfinished questionnaires are ended (what they held is not kept), the
   * ratings folded into counts, and the report posted to the channel with its chart.
   */
  static DiagnosticReport close(TurnContext t, DiagnosticStore.Round round) throws Exception {
    List<DiagnosticStore.Invitee> invitees = DiagnosticStore.invitees(t.connection(), round.id());
    for (DiagnosticStore.Invitee i : invitees) {
      if (i.answeredAt() != null || i.conversationId() == null) {
        continue;
      }
      Conversation c = Conversations.find(t.connection(), i.conversationId());
      if (c == null || !c.status().open()) {
        continue;
      }
      boolean begun = c.state().begun();
      c.status(Conversation.Status.CANCELLED);
      c.state().step = null;
      forgetAnswers(t, c);
      Member m = Members.find(t.connection(), t.collectiveId(), i.memberId());
      if (m != null) {
        TurnContext theirs = m.memberId().equals(t.member().memberId()) ? t : t.as(m, false, t.lang());
        if (begun) {
          theirs.say(DiagnosticMsg.DIAGNOSTIC_CLOSED_UNFINISHED);
        }
        theirs.flows().askWaiting(theirs);
      }
    }
    DiagnosticStore.close(t.connection(), round.id(), DiagnosticReport.SHOWN_FROM, t.now().toEpochMilli());
    DiagnosticReport report = DiagnosticReport.of(t.connection(), DiagnosticStore.round(t.connection(), round.id()));
    t.post(report.text(t.texts(), t.lang()), report.chart(t.texts(), t.lang()));
    return report;
  }

  /** The last closed diagnostic's report again, privately to the coordinator who asks, chart included. */
  private void report(TurnContext t) throws Exception {
    DiagnosticStore.Round last = DiagnosticStore.lastClosed(t.connection(), t.collectiveId());
    if (last == null) {
      t.say(DiagnosticMsg.DIAGNOSTIC_NO_REPORT);
      return;
    }
    DiagnosticReport report = DiagnosticReport.of(t.connection(), last);
    t.say(t.texts().get(DiagnosticMsg.DIAGNOSTIC_REPORT_AGAIN, t.lang()) + "\n" + report.text(t.texts(), t.lang()),
        report.chart(t.texts(), t.lang()));
  }

  /** The member's ratings, kept under their id until the close folds them into counts. */
  private String save(ActionContext ctx) throws Exception {
    Conversation c = ctx.conversation();
    DiagnosticStore.Invitee invitee = DiagnosticStore.byConversation(ctx.connection(), c.id());
    DiagnosticStore.Round round = invitee == null ? null : DiagnosticStore.round(ctx.connection(), invitee.roundId());
    if (round == null || !round.open() || invitee.answeredAt() != null) {
      return null;
    }
    Map<DiagnosticItem, Integer> ratings = new EnumMap<>(DiagnosticItem.class);
    DiagnosticFlow.ITEMS.forEach((item, ref) -> ratings.put(item, DiagnosticFlow.rating(ref.onPath(c))));
    DiagnosticStore.saveAnswers(ctx.connection(), round.id(), c.memberId(), ratings);
    DiagnosticStore.markAnswered(ctx.connection(), round.id(), c.memberId(), ctx.now().toEpochMilli());
    return null;
  }

  /** A diagnostic's questions ended (answered, stopped, or closed): what the member chose is wiped from the conversation. */
  @Override
  public void ended(TurnContext t, Conversation c) throws Exception {
    if (FLOW.equals(c.flow())) {
      forgetAnswers(t, c);
    }
  }

  private static void forgetAnswers(TurnContext t, Conversation c) throws Exception {
    c.state().forgetAnswers();
    Conversations.save(t.connection(), c, t.now().toEpochMilli());
  }
}
