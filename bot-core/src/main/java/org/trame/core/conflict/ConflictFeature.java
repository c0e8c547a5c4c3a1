package org.trame.core.conflict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.trame.core.conflict.ConflictCases.Case;
import org.trame.core.conflict.ConflictCases.Party;
import org.trame.core.engine.Conversation;
import org.trame.core.engine.FlowAction;
import org.trame.core.engine.FlowEngine;
import org.trame.core.engine.GlobalWord;
import org.trame.core.i18n.Texts;
import org.trame.core.storage.Member;
import org.trame.core.storage.Members;
import org.trame.core.turn.Command;
import org.trame.core.turn.Feature;
import org.trame.core.turn.ScheduledTask;
import org.trame.core.turn.TurnContext;

/**
 * The conflict space (seed 004 sheet 7, tool sheets 2, 3 and 4, sheet 8): a coordinator opens a
 * case naming the parties, each party is invited privately and may decline or stop at any time,
 * triage proposes a need or value reading that the party confirms, then the need path's six steps
 * or the value path run as private conversations that the case puts together.
 */
public final class ConflictFeature implements Feature {

  static final String REQUEST_FLOW = "conflict_request";
  private static final int LONGEST_TOPIC = 300;
  /** A space is a conversation between a few parties; beyond that, a meeting serves better. */
  static final int MOST_PARTIES = 8;

  private final Supplier<Triage> triage;
  private FlowEngine engine;
  private final NeedActions actions;
  private final CasePhases phases = new CasePhases(new NeedPath(), new ValuePath(), new Listening());

  /** @param triage built on first use, so that a slow model never delays start-up */
  public ConflictFeature(Supplier<Triage> triage) {
    this.triage = triage;
    this.actions = new NeedActions(() -> engine.prompts(), triage);
  }

  /** Leaving a space by the right of withdrawal, for the privacy feature. */
  public CaseExit exits() {
    return new CaseExit(phases);
  }

  /** The engine is built after features register their actions; it is handed back here. */
  public void engine(FlowEngine flowEngine) {
    this.engine = flowEngine;
  }

  @Override
  public java.util.List<ConflictMsg> messages() {
    return java.util.List.of(ConflictMsg.values());
  }

  @Override
  public Map<String, Command> commands() {
    return Map.of("conflict", Command.of("conflict", this::conflict),
        MethodGuide.COMMAND, Command.of(MethodGuide.COMMAND, MethodGuide::method));
  }

  /** {@code conflict} (or {@code conflit}) and its sub-commands. */
  private void conflict(TurnContext t, List<String> args) throws Exception {
    String sub = args.isEmpty() ? "" : GlobalWord.normalize(args.get(0));
    switch (sub) {
      // The catalogue has turned French words and aliases into these (conflit demande: conflict request).
      case "request" -> t.flows().start(t, REQUEST_FLOW);
      case "status" -> status(t);
      case "close" -> close(t, args.subList(1, args.size()));
      case "" -> t.say(t.coordinator() ? ConflictMsg.CONFLICT_USAGE : ConflictMsg.CONFLICT_MEMBER_USAGE);
      default -> open(t, args);
    }
  }

  @Override
  public Map<String, FlowAction> actions() {
    return actions.all();
  }

  @Override
  public List<org.trame.core.engine.FlowContract> contracts() {
    return ConflictFlows.ALL;
  }

  @Override
  public Map<String, ScheduledTask> tasks() {
    return Map.of(CasePhases.DEADLINE, phases::deadline, CasePhases.REVIEW, phases::review);
  }

  /** The spaces the member is a party in, and where each stands: their own page, nothing of the others' words. */
  @Override
  public List<String> summary(TurnContext t) throws Exception {
    Long id = ConflictCases.openCaseOf(t.connection(), t.collectiveId(), t.member().memberId());
    if (id == null) {
      return List.of();
    }
    Case k = ConflictCases.find(t.connection(), id);
    return List.of(t.texts().get(ConflictMsg.CONFLICT_HOME, t.lang(), "case", k.id(), "phase", phaseLabel(t, k)));
  }

  private String phaseLabel(TurnContext t, Case k) {
    return k.phase().flow != null ? engine.prompts().flow(k.phase().flow).map(f -> f.title().in(t.lang())).orElse(k.phase().word())
        : t.texts().get(ConflictMsg.CONFLICT_PHASE_FOLLOWUP, t.lang(), "date",
            when(t, k.reviewAt()));
  }

  @Override
  public void ended(TurnContext t, Conversation c) throws Exception {
    if (c.flow().equals(REQUEST_FLOW)) {
      if (c.status() == Conversation.Status.DONE && ConflictFlows.SEND.yes(c)) {
        request(t, ConflictFlows.WORDS.of(c));
      }
      return;
    }
    if (Phase.ofFlow(c.flow()) == null) {
      return;
    }
    Party p = ConflictCases.byConversation(t.connection(), c.id());
    if (p == null || !p.active()) {
      return;
    }
    Case k = ConflictCases.find(t.connection(), p.caseId());
    if (k == null || k.phase() == Phase.CLOSED) {
      return;
    }
    if (c.status() == Conversation.Status.CANCELLED) {
      t.say(ConflictMsg.CONFLICT_YOU_STOPPED, "case", k.id());
      phases.leave(t, k, p, "stopped", ConflictMsg.CONFLICT_PARTY_STOPPED);
    } else {
      phases.finished(t, p, c);
    }
  }

  /**
   * Coordinator sub-commands ask the access point, which logs and audits; a member is refused with
   * the conflict space's own words (they can ask for a space instead).
   */
  private static boolean coordinator(TurnContext t, String command) throws Exception {
    var d = org.trame.core.access.Access.coordinatorCommand(t.requester(), command);
    if (!d.allowed()) {
      t.decided(d.outcome(), d.why());
      t.say(ConflictMsg.CONFLICT_NOT_COORDINATOR);
      org.trame.core.access.Access.recordRefusal(t.connection(), t.requester(), d, t.now().toEpochMilli());
      return false;
    }
    return true;
  }

  /** Who opened or closed which space goes in the audit log; never the topic or anyone's words. */
  private static void audit(TurnContext t, String action, long caseId) throws Exception {
    org.trame.core.access.AuditLog.record(t.connection(), t.collectiveId(), t.member().memberId(), action, "#" + caseId, false,
        t.now().toEpochMilli());
  }

  private void open(TurnContext t, List<String> args) throws Exception {
    if (!coordinator(t, "conflict")) {
      return;
    }
    Parties.Named named = Parties.parse(t.connection(), t.collectiveId(), args);
    if (named.unknown() != null) {
      t.say(ConflictMsg.CONFLICT_UNKNOWN_PARTY, "name", Texts.oneLine(named.unknown(), 40));
      return;
    }
    if (named.ambiguous() != null) {
      t.say(ConflictMsg.CONFLICT_AMBIGUOUS_PARTY, "name", Texts.oneLine(named.ambiguous(), 40), "members",
          Parties.listed(named.candidates()));
      return;
    }
    if (named.parties().size() == 1) {
      t.say(ConflictMsg.CONFLICT_ONE_PARTY, "name", Parties.name(named.parties().get(0)));
      return;
    }
    if (named.parties().size() < 2) {
      t.say(ConflictMsg.CONFLICT_USAGE);
      return;
    }
    if (named.parties().size() > MOST_PARTIES) {
      t.say(ConflictMsg.CONFLICT_TOO_MANY_PARTIES, "most", MOST_PARTIES);
      return;
    }
    if (named.topic() != null && named.topic().length() > LONGEST_TOPIC) {
      t.say(ConflictMsg.CONFLICT_TOPIC_TOO_LONG, "most", LONGEST_TOPIC);
      return;
    }
    for (Member m : named.parties()) {
      Long busy = ConflictCases.openCaseOf(t.connection(), t.collectiveId(), m.memberId());
      if (busy != null) {
        t.say(ConflictMsg.CONFLICT_ALREADY_PARTY, "name", Parties.name(m), "case", busy);
        return;
      }
    }
    List<String> ids = named.parties().stream().map(Member::memberId).toList();
    long caseId = ConflictCases.open(t.connection(), t.collectiveId(), t.member().memberId(), named.topic(), ids,
        t.now().toEpochMilli());
    audit(t, "conflict open", caseId);
    t.say(ConflictMsg.CONFLICT_OPENED, "case", caseId,
        "names", String.join(", ", named.parties().stream().map(Parties::name).toList()));
    phases.enter(t, caseId, Phase.INVITE);
  }

  /** Progress only: the step, who has answered, who declined; never what anyone wrote. */
  private void status(TurnContext t) throws Exception {
    if (!coordinator(t, "conflict status")) {
      return;
    }
    List<Case> open = ConflictCases.open(t.connection(), t.collectiveId());
    if (open.isEmpty()) {
      t.say(ConflictMsg.CONFLICT_STATUS_NONE);
      return;
    }
    StringBuilder sb = new StringBuilder(t.texts().get(ConflictMsg.CONFLICT_STATUS_HEADER, t.lang()));
    for (Case k : open) {
      List<String> answered = new ArrayList<>();
      List<String> waiting = new ArrayList<>();
      List<String> out = new ArrayList<>();
      for (Party p : ConflictCases.parties(t.connection(), k.id())) {
        String name = CasePhases.name(t, p.memberId());
        if (!p.active()) {
          out.add(name);
        } else if (k.phase().flow == null) {
          continue; // the plan is under way: nobody owes an answer
        } else if (p.answeredSeq() != null && p.answeredSeq() == k.phaseSeq()) {
          answered.add(name);
        } else {
          waiting.add(name);
        }
      }
      String phase = phaseLabel(t, k);
      sb.append('\n').append(t.texts().get(ConflictMsg.CONFLICT_STATUS_LINE, t.lang(), "case", k.id(), "phase", phase,
          "answered", answered.isEmpty() ? "—" : String.join(", ", answered),
          "waiting", waiting.isEmpty() ? "—" : String.join(", ", waiting),
          "out", out.isEmpty() ? "—" : String.join(", ", out),
          "deadline", when(t, k.deadlineAt())));
    }
    t.say(sb.toString());
  }

  /** A time as the reader reads it: in their zone when they gave one ({@code tz}), else in UTC, the zone named. */
  /** A moment of a space in the reader's zone, or none (a dash where it is shown). */
  private static java.util.Optional<org.trame.core.i18n.Moment> when(TurnContext t, Long millis) {
    return java.util.Optional.ofNullable(millis)
        .map(m -> new org.trame.core.i18n.Moment(Instant.ofEpochMilli(m), Dates.zoneOf(t.member())));
  }

  private void close(TurnContext t, List<String> args) throws Exception {
    if (!coordinator(t, "conflict close")) {
      return;
    }
    String number = args.isEmpty() ? "" : args.get(0).replace("#", "");
    Case k = number.matches("\\d{1,12}") ? ConflictCases.find(t.connection(), Long.parseLong(number)) : null;
    if (k == null || !k.collectiveId().equals(t.collectiveId())) {
      t.say(ConflictMsg.CONFLICT_CLOSE_USAGE);
      return;
    }
    if (k.phase() == Phase.CLOSED) {
      t.say(ConflictMsg.CONFLICT_ALREADY_CLOSED, "case", k.id());
      return;
    }
    List<Party> parties = CasePhases.active(t, k.id());
    for (Party p : parties) {
      CasePhases.closeConversation(t, p);
    }
    CasePhases.tellParties(t, k, ConflictMsg.CONFLICT_CLOSED_BY_COORDINATOR);
    ConflictCases.close(t.connection(), k.id(), "closed_by_coordinator", t.now().toEpochMilli());
    audit(t, "conflict close", k.id());
    CasePhases.askWaiting(t, parties);
    t.say(ConflictMsg.CONFLICT_CLOSED, "case", k.id());
  }

  /** "conflict request": the coordinators learn that someone asks for a space, and only the words the member chose to add. */
  private void request(TurnContext t, String words) throws Exception {
    List<Member> coordinators = Members.coordinators(t.connection(), t.collectiveId());
    ConflictCases.request(t.connection(), t.collectiveId(), t.member().memberId(), words, t.now().toEpochMilli());
    if (coordinators.isEmpty()) {
      t.say(ConflictMsg.CONFLICT_REQUEST_NO_COORDINATOR);
      return;
    }
    String name = Parties.name(t.member());
    for (Member m : coordinators) {
      TurnContext theirs = t.asCoordinator(m);
      theirs.say(words == null ? ConflictMsg.CONFLICT_REQUESTED : ConflictMsg.CONFLICT_REQUESTED_WITH_WORDS, "name", name,
          "words", words == null ? "" : Texts.oneLine(words, 1000));
    }
  }
}
