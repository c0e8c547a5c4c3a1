package org.trame.core.turn;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.trame.core.engine.ActionContext;
import org.trame.core.engine.Conversation;
import org.trame.core.i18n.Lang;
import org.trame.core.engine.Prompt;
import org.trame.core.i18n.Texts;
import org.trame.core.port.Audience;
import org.trame.core.port.Handled;
import org.trame.core.port.OutboundMessage;
import org.trame.core.port.OutboundMessage.Expects;
import org.trame.core.storage.Member;
import org.trame.core.i18n.MessageKey;
import org.trame.core.i18n.Msg;

/**
 * One inbound event being handled: who, where, in which language, inside which transaction, and
 * the messages it will leave in the outbox.
 */
public final class TurnContext {

  private final Connection connection;
  private final Instant now;
  private final String platform;
  private final String collective;
  private final String collectiveId;
  private final boolean coordinator;
  private final Texts texts;
  private final List<OutboundMessage> messages;
  private final FlowRunner flows;
  private final CollectiveChannel home;
  /** The channel this turn's event was typed in, or null. */
  private final String typedIn;
  /** This context speaks to a coordinator as such: its private messages leave only if they still coordinate. */
  private final boolean asCoordinator;
  private Member member;
  private Lang lang;
  /** The coordinator command this turn runs, audited once it has run. */
  private CommandRun commandRun;
  /** What this turn said, for whether its coordinator command did anything (see settleAudit). */
  private final java.util.Set<org.trame.core.i18n.MessageKey> said = new java.util.HashSet<>();
  /** What became of the turn's event; shared by the views of the turn as other members. */
  private Decided decided = new Decided();

  /** The outcome of a turn's event as the place that decided it set it; accepted until one does. */
  static final class Decided {
    private Handled.Outcome outcome;
    private Handled.Reason reason = Handled.Reason.NONE;

    Handled.Outcome outcome() {
      return outcome == null ? Handled.Outcome.ACCEPTED : outcome;
    }

    Handled.Reason reason() {
      return reason;
    }
  }

  TurnContext(Connection connection, Instant now, String platform, String collective, String collectiveId,
      Member member, Lang lang, boolean coordinator, Texts texts, FlowRunner flows, List<OutboundMessage> sink,
      CollectiveChannel home, String typedIn, boolean asCoordinator) {
    this.flows = flows;
    this.home = home;
    this.typedIn = typedIn;
    this.asCoordinator = asCoordinator;
    this.messages = sink;
    this.connection = connection;
    this.now = now;
    this.platform = platform;
    this.collective = collective;
    this.collectiveId = collectiveId;
    this.member = member;
    this.lang = lang;
    this.coordinator = coordinator;
    this.texts = texts;
  }

  public Connection connection() {
    return connection;
  }

  public Instant now() {
    return now;
  }

  public String platform() {
    return platform;
  }

  /** The collective's id on its platform (workspace, guild, terminal collective). */
  public String collective() {
    return collective;
  }

  /** The collective's id in the database ({@code platform:platform-id}). */
  public String collectiveId() {
    return collectiveId;
  }

  public Member member() {
    return member;
  }

  public Lang lang() {
    return lang;
  }

  public boolean coordinator() {
    return coordinator;
  }

  /** Who asks, as the access point sees them. */
  public org.trame.core.access.Requester requester() {
    return org.trame.core.access.Requester.member(collectiveId, member.memberId(), coordinator);
  }

  /**
   * Applies the access point's decision: true when allowed; otherwise the member reads why, and the
   * refusal is logged and audited.
   */
  public boolean allowed(org.trame.core.access.Decision d) throws java.sql.SQLException {
    if (d.allowed()) {
      return true;
    }
    decided(d.outcome(), d.why());
    say(d.reason(), "command", d.asked());
    org.trame.core.access.Access.recordRefusal(connection, requester(), d, now.toEpochMilli());
    return false;
  }

  /**
   * A coordinator command: refused (and audited) for members; when allowed, recorded in the audit
   * log with {@code detail}, which must never be a member's free text.
   */
  public boolean coordinatorCommand(String command, String detail) throws java.sql.SQLException {
    if (!allowed(org.trame.core.access.Access.coordinatorCommand(requester(), command))) {
      return false;
    }
    // Written once the command has run (see settleAudit), when it is known whether it did anything.
    commandRun = new CommandRun(command, detail);
    return true;
  }

  /**
   * Writes the audit entry of the coordinator command this turn ran: carried out, or not when it
   * answered that nothing was done (its usage, a value out of range, nothing open to close).
   */
  void settleAudit() throws java.sql.SQLException {
    if (commandRun != null) {
      org.trame.core.access.AuditLog.record(connection, collectiveId, member.memberId(), commandRun.command(), commandRun.detail(),
          said.stream().anyMatch(m -> org.trame.core.access.NothingDone.says(commandRun.command(), m))
              ? org.trame.core.access.AuditLog.Outcome.NOT_CARRIED_OUT : org.trame.core.access.AuditLog.Outcome.CARRIED_OUT,
          now.toEpochMilli());
      commandRun = null;
    }
  }

  private record CommandRun(String command, String detail) {}

  /**
   * Records what became of this turn's event, for the adapter (see {@link Handled.Outcome}). The
   * first decision stands: a refusal is not undone by what the turn says after it.
   */
  public void decided(Handled.Outcome outcome, Handled.Reason reason) {
    if (decided.outcome == null) {
      decided.outcome = outcome;
      decided.reason = reason == null ? Handled.Reason.NONE : reason;
    }
  }

  /** What became of this turn's event so far. */
  Decided decided() {
    return decided;
  }

  /** A failed turn: whatever was decided before was undone with it. */
  void failed() {
    decided.outcome = Handled.Outcome.FAILED;
    decided.reason = Handled.Reason.TURN_FAILED;
  }

  /** Starts and continues conversations within this turn. */
  public FlowRunner flows() {
    return flows;
  }

  public Texts texts() {
    return texts;
  }

  /** Switches the language the rest of this turn speaks. */
  void member(Member updated, Lang newLang) {
    this.member = updated;
    this.lang = newLang;
  }

  /** A private message to the member who spoke. */
  public void say(MessageKey msg, Object... keyValues) {
    said.add(msg);
    // The kernel's "nothing to act on" answers, wherever a command or word ends in them: not done,
    // so an adapter shows them where the member typed rather than as a step taken.
    if (msg == Msg.UNKNOWN_COMMAND) {
      decided(Handled.Outcome.REASKED, Handled.Reason.UNKNOWN_COMMAND);
    } else if (msg == Msg.NO_CONVERSATION || msg == Msg.NOTHING_TO_CANCEL) {
      decided(Handled.Outcome.REASKED, Handled.Reason.NO_CONVERSATION);
    }
    say(texts.get(msg, lang, keyValues));
  }

  public void say(String text) {
    send(self(), text, Expects.NOTHING, List.of(), null, null);
  }

  /** Whom this context's private messages are for: the member, or the member as a coordinator. */
  private Audience self() {
    return asCoordinator ? Audience.coordinator(member.memberId()) : Audience.member(member.memberId());
  }

  /** The channel this turn's event was typed in (for {@code channel here}), or null. */
  public String typedIn() {
    return typedIn;
  }

  /** Where the collective's channel is. */
  public CollectiveChannel home() {
    return home;
  }

  /** The engine's prompts for a conversation, privately to its member. */
  public void say(List<Prompt> prompts, Conversation c) {
    for (Prompt p : prompts) {
      Audience to = p.to() != null ? p.to() : Audience.member(c.memberId());
      send(to, p.text(), p.expects(), p.options(), p.stepRef() == null ? null : c.ref(), p.stepRef());
    }
  }

  /** Schedules work for this collective at {@code dueAt}; it survives restarts. */
  public void schedule(String kind, Instant dueAt, String payload) throws java.sql.SQLException {
    org.trame.core.storage.Jobs.schedule(connection, collectiveId, kind, dueAt.toEpochMilli(), payload, now.toEpochMilli());
  }

  /** A message to the collective's channel. */
  public void post(String text) throws java.sql.SQLException {
    post(text, null);
  }

  /** A private message with a file (a report's chart) to the member who spoke; without one when {@code image} is null. */
  public void say(String text, org.trame.core.port.Attachment image) {
    messages.add(new OutboundMessage(0, platform, collective, self(), text, Expects.NOTHING, List.of(),
        null, null, lang.code(), image));
  }

  /**
   * A message to the collective's channel with a file (a report's chart), or without when {@code
   * image} is null. While the collective has no channel, each coordinator gets it privately with a
   * line saying how to set one: a report is never posted where nobody chose.
   */
  public void post(String text, org.trame.core.port.Attachment image) throws java.sql.SQLException {
    java.util.Optional<String> channel = home.of(connection, platform, collective, collectiveId);
    if (channel.isPresent()) {
      messages.add(new OutboundMessage(0, platform, collective, Audience.channel(channel.get()), text, Expects.NOTHING,
          List.of(), null, null, lang.code(), image));
      return;
    }
    for (Member coordinator : org.trame.core.storage.Members.coordinators(connection, collectiveId)) {
      TurnContext theirs = asCoordinator(coordinator);
      theirs.say(text + "\n\n" + texts.get(Msg.CHANNEL_NOT_SET, theirs.lang), image);
    }
  }

  void send(Audience audience, String text, Expects expects, List<org.trame.core.port.Option> options,
      String conversationRef, String stepRef) {
    // A channel message is read by many: it goes in the speaker's language until collectives have one.
    messages.add(new OutboundMessage(0, platform, collective, audience, text, expects, options, conversationRef, stepRef,
        lang.code()));
  }

  List<OutboundMessage> messages() {
    return messages;
  }

  /** Whether the last question this turn asks {@code memberId} is one of conversation {@code c}. */
  boolean lastAsked(String memberId, Conversation c) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      OutboundMessage m = messages.get(i);
      if (m.conversationRef() != null && m.audience().equals(Audience.member(memberId))) {
        return m.conversationRef().equals(c.ref());
      }
    }
    return false;
  }

  /**
   * Replaces {@code needle} in the messages this turn has yet to store, with the words {@code
   * replacement} gives in each message's language: a member erased in this turn is not named in
   * what it still sends.
   */
  public void redactPending(String needle, java.util.function.Function<Lang, String> replacement) {
    messages.replaceAll(m -> m.text() == null || !m.text().contains(needle) ? m
        : new OutboundMessage(m.id(), m.platform(), m.collective(), m.audience(), m.text().replace(needle,
            replacement.apply(Lang.parse(m.lang()).orElse(lang))), m.expects(), m.options(), m.conversationRef(), m.stepRef(),
            m.lang(), m.image(), m.inReplyTo()));
  }

  void forgetMessages() {
    messages.clear();
  }

  /** The same turn seen as another member of the collective: what it says goes to them, in their language. */
  public TurnContext as(Member other, boolean otherIsCoordinator, Lang fallback) {
    Lang theirs = Lang.parse(other.lang()).orElse(fallback);
    TurnContext view = new TurnContext(connection, now, platform, collective, collectiveId, other, theirs, otherIsCoordinator,
        texts, flows, messages, home, null, false);
    view.decided = decided;
    return view;
  }

  /**
   * The same turn speaking to {@code coordinator} because they coordinate (a request for a space,
   * the coordinators' synthesis, drift signals): what it says leaves only if they still do then.
   */
  public TurnContext asCoordinator(Member coordinator) {
    Lang theirs = Lang.parse(coordinator.lang()).orElse(lang);
    TurnContext view = new TurnContext(connection, now, platform, collective, collectiveId, coordinator, theirs, true, texts,
        flows, messages, home, null, true);
    view.decided = decided;
    return view;
  }

  /** What a flow's actions see while running in {@code c}. */
  public ActionContext forConversation(Conversation c) {
    return new ActionContext() {
      @Override
      public Conversation conversation() {
        return c;
      }

      @Override
      public Lang lang() {
        return lang;
      }

      @Override
      public Connection connection() {
        return connection;
      }

      @Override
      public Instant now() {
        return now;
      }

      @Override
      public void send(Audience audience, String text) {
        TurnContext.this.send(audience, text, Expects.NOTHING, List.of(), null, null);
      }
    };
  }
}
