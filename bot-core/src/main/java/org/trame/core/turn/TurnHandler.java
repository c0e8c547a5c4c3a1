package org.trame.core.turn;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trame.core.engine.Conversation;
import org.trame.core.engine.FlowEngine;
import org.trame.core.engine.GlobalWord;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Msg;
import org.trame.core.nlp.LanguageGuesser;
import org.trame.core.port.CommandCatalogue;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.OutboundMessage;
import org.trame.core.storage.Conversations;
import org.trame.core.storage.EventLog;
import org.trame.core.storage.Member;
import org.trame.core.storage.Members;
import org.trame.core.storage.NamedSavepoint;
import org.trame.core.storage.Outbox;

/**
 * Handles one inbound event inside the writer's transaction: dedup record, state change and
 * outbox rows together. Whatever goes wrong inside a turn is rolled back to the turn's start and
 * the member is told, so no input can leave a conversation half-changed.
 */
public final class TurnHandler {

  private static final Logger log = LoggerFactory.getLogger(TurnHandler.class);
  private static final int LONGEST_SHOWN_WORD = 40;
  private static final CommandCatalogue CATALOGUE = CommandCatalogue.packaged();
  private static final NamedSavepoint TURN_START = new NamedSavepoint("turn_start");

  private final Clock clock;
  private final FlowEngine engine;
  private final FlowRunner flows;
  private final Map<String, Command> commands;
  private final LanguageGuesser languages;
  private final Set<String> coordinators;
  private final Lang defaultLang;
  private final CollectiveChannel home;

  public TurnHandler(Clock clock, FlowEngine engine, Map<String, Command> commands, LanguageGuesser languages,
      Set<String> coordinators, Lang defaultLang) {
    this(clock, engine, commands, languages, coordinators, defaultLang, ConversationEnded.NOBODY);
  }

  public TurnHandler(Clock clock, FlowEngine engine, Map<String, Command> commands, LanguageGuesser languages,
      Set<String> coordinators, Lang defaultLang, ConversationEnded ended) {
    this(clock, engine, commands, languages, coordinators, defaultLang, ended, CollectiveChannel.STORED_ONLY);
  }

  /**
   * @param coordinators the configured coordinators' platform ids (the terminal's names are its ids)
   * @param home         where the collective's channel is
   */
  public TurnHandler(Clock clock, FlowEngine engine, Map<String, Command> commands, LanguageGuesser languages,
      Set<String> coordinators, Lang defaultLang, ConversationEnded ended, CollectiveChannel home) {
    this.home = home;
    this.clock = clock;
    this.engine = engine;
    this.flows = new FlowRunner(engine, ended);
    this.commands = Map.copyOf(commands);
    this.languages = languages;
    this.coordinators = Set.copyOf(coordinators);
    this.defaultLang = defaultLang;
  }

  public Handled handle(Connection c, InboundEvent e) throws SQLException {
    Instant now = clock.instant();
    long millis = now.toEpochMilli();
    if (!EventLog.record(c, e.platform() + ":" + e.eventId(), millis)) {
      return Handled.duplicate();
    }
    String collectiveId = e.platform() + ":" + e.collective();
    if (e.kind() == InboundEvent.Kind.CHOICE && Members.find(c, collectiveId, e.member()) == null) {
      // Nobody the collective knows can own the conversation a button names: a click from a
      // stranger (or forged) is refused like someone else's, and leaves no member behind.
      return refusedStranger(c, e, collectiveId, now);
    }
    // The id decides, never the display name: anyone can take the name "carol".
    boolean configured = coordinators.contains(e.member());
    boolean coordinator = e.hints().coordinator() || configured;
    Member member = Members.arrive(c, collectiveId, e.platform(), e.collective(), e.member(), e.memberName(),
        e.hints().coordinator(), configured, millis);
    if (member.lang() == null && e.hints().locale() != null) {
      Optional<Lang> fromPlatform = Lang.parse(e.hints().locale());
      if (fromPlatform.isPresent()) {
        member = Members.setLang(c, member, fromPlatform.get().code(), Member.LANG_PLATFORM);
      }
    }
    if (member.timeZone() == null && Member.validZone(e.hints().timeZone()).isPresent()) {
      // The platform's zone until the member gives one with "tz": check-ins then reach them at their local time.
      member = Members.setTimeZone(c, member, e.hints().timeZone());
    }
    TurnContext t = new TurnContext(c, now, e.platform(), e.collective(), collectiveId, member, langOf(member),
        coordinator, engine.prompts().texts(), flows, new ArrayList<>(), home, e.channel(), false);
    TURN_START.open(c);
    try {
      dispatch(t, e);
      t.settleAudit();
      TURN_START.release(c);
    } catch (Exception failure) {
      if (org.trame.core.storage.StorageFaults.isFault(failure)) {
        // The file, not the event, is at fault (disk full, read-only): the whole event is refused and
        // kept nowhere, so that it applies when delivered again, instead of being marked handled with
        // an apology that happened to fit on the disk.
        throw failure instanceof SQLException sql ? sql : new SQLException(failure.getMessage(), failure);
      }
      // Never let one bad turn lose the event or crash the conversation: undo it and say so.
      TURN_START.rollback(c);
      log.error("turn {} for a member of {} failed; its changes were rolled back", e.eventId(), collectiveId, failure);
      t.forgetMessages();
      t.failed();
      t.say(Msg.SOMETHING_WENT_WRONG);
    }
    return applied(c, e, collectiveId, t, millis);
  }

  /** A stranger's click: the same answer as for someone else's conversation, audited, and nothing stored about them. */
  private Handled refusedStranger(Connection c, InboundEvent e, String collectiveId, Instant now) throws SQLException {
    Member stranger = new Member(collectiveId, e.member(), null, null, null, null);
    TurnContext t = new TurnContext(c, now, e.platform(), e.collective(), collectiveId, stranger,
        Lang.parse(e.hints().locale()).orElse(defaultLang), false, engine.prompts().texts(), flows, new ArrayList<>(), home,
        null, false);
    t.allowed(org.trame.core.access.Access.conversation(t.requester(), "", ""));
    return applied(c, e, collectiveId, t, now.toEpochMilli());
  }

  /**
   * The turn's replies written to the outbox, in the turn's transaction, each saying which event it
   * answers and what became of it: an adapter can place a reply without waiting for this result.
   */
  private static Handled applied(Connection c, InboundEvent e, String collectiveId, TurnContext t, long millis)
      throws SQLException {
    Handled.Outcome outcome = t.decided().outcome();
    OutboundMessage.Reply reply = new OutboundMessage.Reply(e.eventId(), outcome);
    List<OutboundMessage> stored = new ArrayList<>(t.messages().size());
    for (OutboundMessage m : t.messages()) {
      stored.add(Outbox.add(c, collectiveId, m.inReplyTo(reply), millis));
    }
    return new Handled(outcome, t.decided().reason(), stored);
  }

  private Lang langOf(Member m) {
    return Lang.parse(m.lang()).orElse(defaultLang);
  }

  private void dispatch(TurnContext t, InboundEvent e) throws Exception {
    switch (e.kind()) {
      case COMMAND -> command(t, e.text());
      case CHOICE -> choice(t, e);
      case TEXT -> text(t, e.text());
    }
  }

  private void text(TurnContext t, String text) throws Exception {
    String stripped = text.strip();
    if (stripped.regionMatches(true, 0, "/trame", 0, 6)) { // "/Trame", "/TRAME": phones capitalise
      command(t, stripped.substring("/trame".length()));
      return;
    }
    Conversation open = Conversations.latestOpen(t.connection(), t.collectiveId(), t.member().memberId());
    boolean word = GlobalWord.parse(stripped).isPresent();
    if (!word) {
      detectLanguage(t, stripped);
    }
    if (open != null) {
      flows.continueWith(t, open, text, null);
      return;
    }
    // Words that read as a command, in French or English, run it ("fiche 7", "stakes history"); a
    // sentence that only starts with a command's word is not one. The conversation's words say there is none.
    if (CATALOGUE.reads(Arrays.asList(stripped.split("\\s+")))) {
      command(t, stripped);
    } else {
      t.say(Msg.NO_CONVERSATION);
    }
  }

  /** The first free text of a member who has not chosen a language sets it. */
  private void detectLanguage(TurnContext t, String text) throws SQLException {
    Member m = t.member();
    if (Member.LANG_CHOSEN.equals(m.langSource()) || Member.LANG_DETECTED.equals(m.langSource())) {
      return;
    }
    Optional<Lang> guess = languages.guess(text);
    if (guess.isPresent()) {
      t.member(Members.setLang(t.connection(), m, guess.get().code(), Member.LANG_DETECTED), guess.get());
      return;
    }
    // A greeting only speaks for a member of whom nothing else is known (no platform locale either).
    Optional<Lang> greeted = m.lang() == null ? languages.greeting(text) : Optional.empty();
    if (greeted.isPresent()) {
      t.member(Members.setLang(t.connection(), m, greeted.get().code(), Member.LANG_GREETING), greeted.get());
    }
  }

  private void choice(TurnContext t, InboundEvent e) throws Exception {
    Conversation c = null;
    if (e.conversationRef() != null && e.conversationRef().matches("\\d{1,18}")) {
      c = Conversations.find(t.connection(), Long.parseLong(e.conversationRef()));
    }
    // Someone else's or a forged reference: the same answer either way, revealing nothing.
    if (!t.allowed(c == null ? org.trame.core.access.Access.conversation(t.requester(), "", "")
        : org.trame.core.access.Access.conversation(t.requester(), c.collectiveId(), c.memberId()))) {
      return;
    }
    flows.continueWith(t, c, e.text(), e.stepRef() == null ? "" : e.stepRef());
  }

  private void command(TurnContext t, String words) throws Exception {
    List<String> typed = new ArrayList<>(Arrays.asList(words.strip().split("\\s+")));
    typed.removeIf(String::isEmpty);
    // French words and aliases become the canonical ones the features answer to ("enjeux tour" is "stakes round").
    List<String> tokens = CATALOGUE.canonical(typed);
    String name = tokens.isEmpty() ? "help" : GlobalWord.normalize(tokens.remove(0));
    Command command = commands.get(name);
    if (command != null) {
      command.run(t, tokens);
      return;
    }
    Optional<GlobalWord> word = GlobalWord.parse(name);
    if (word.isPresent()) {
      // "/trame pause", "/trame back"...: the same as saying the word in the conversation.
      Conversation open = Conversations.latestOpen(t.connection(), t.collectiveId(), t.member().memberId());
      if (open == null) {
        t.say(word.get() == GlobalWord.CANCEL ? Msg.NOTHING_TO_CANCEL : Msg.NO_CONVERSATION);
      } else {
        flows.continueWith(t, open, name, null);
      }
      return;
    }
    if (CATALOGUE.command(name).filter(c -> !c.available()).isPresent()) {
      t.decided(Handled.Outcome.REASKED, Handled.Reason.NOT_AVAILABLE);
      t.say(Msg.NOT_YET_AVAILABLE, "command", typed.get(0)); // as typed: "éthique" to a French member
      return;
    }
    String shown = name.length() > LONGEST_SHOWN_WORD ? name.substring(0, LONGEST_SHOWN_WORD) + "…" : name;
    t.say(Msg.UNKNOWN_COMMAND, "command", shown);
  }

  /** Registers the commands every collective has, whatever its features: help and lang. */
  public static Map<String, Command> kernelCommands() {
    Map<String, Command> map = new HashMap<>();
    map.put("help", Command.of("help", TurnHandler::help));
    map.put("lang", Command.of("lang", TurnHandler::lang));
    return map;
  }

  /** {@code help}: the commands, and for coordinators where the collective's channel stands. */
  private static void help(TurnContext t, List<String> args) throws SQLException {
    String help = Help.of(CATALOGUE, t.texts(), t.lang(), t.coordinator());
    if (!t.coordinator()) {
      t.say(help);
      return;
    }
    boolean set = t.home().of(t.connection(), t.platform(), t.collective(), t.collectiveId()).isPresent();
    t.say(help + (set ? "" : "\n" + t.texts().get(Msg.CHANNEL_NOT_SET, t.lang())));
  }

  /** {@code lang fr|en}: the member's choice, which detection never overrides. */
  private static void lang(TurnContext t, List<String> args) throws SQLException {
    Optional<Lang> chosen = args.size() == 1 && args.get(0).length() == 2 ? Lang.parse(args.get(0)) : Optional.empty();
    if (chosen.isEmpty()) {
      t.say(Msg.LANG_USAGE);
      return;
    }
    t.member(Members.setLang(t.connection(), t.member(), chosen.get().code(), Member.LANG_CHOSEN), chosen.get());
    t.say(Msg.LANG_SET);
  }
}
