package org.trame.core.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trame.core.access.AuditLog;
import org.trame.core.engine.FlowAction;
import org.trame.core.engine.FlowEngine;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Texts;
import org.trame.core.storage.Members;
import org.trame.core.storage.Settings;
import org.trame.core.turn.Command;
import org.trame.core.turn.Feature;
import org.trame.core.turn.ScheduledTask;
import org.trame.core.turn.TurnContext;
import org.trame.core.i18n.MessageKey;

/**
 * A member's rights over their data and their place (seed 004 sheet 8: individual withdrawal
 * without exclusion from every collective frame; sheet 9: transparency; tool sheet 4: never force
 * anyone into the frame): {@code mydata export|forget}, {@code withdraw}, and for coordinators the
 * retention setting and the audit log.
 */
public final class PrivacyFeature implements Feature {

  public static final String FORGET_FLOW = "mydata_forget";
  public static final String WITHDRAW_FLOW = "withdraw";
  private static final int DEFAULT_AUDIT_ENTRIES = 20;
  private static final int MOST_AUDIT_ENTRIES = 200;

  private final Withdrawal withdrawal = new Withdrawal(this);
  private FlowEngine engine;
  private org.trame.core.conflict.CaseExit exits;
  private Pseudonyms pseudonyms;
  private List<org.trame.core.personaldata.PersonalDataContribution> personalData = List.of();

  /** The key of check-in authors' tags, to find a member's answers for export and erasure. */
  public void pseudonyms(Pseudonyms key) {
    this.pseudonyms = key;
  }

  /** What every feature stores about a member, in the order the export shows it. */
  public void personalData(List<org.trame.core.personaldata.PersonalDataContribution> contributions) {
    this.personalData = List.copyOf(contributions);
  }

  /** The tag of a member's check-in answers, computed with the key only when a collective has rounds. */
  private String tag(String platform, String collectiveId, String memberId, long roundId) {
    return pseudonyms.tag(platform, collectiveId, memberId, roundId);
  }

  /** The engine is built after features register their actions; it is handed back here. */
  public void engine(FlowEngine flowEngine) {
    this.engine = flowEngine;
  }

  /** How a member leaves a conflict space; handed over by the conflict feature. */
  public void exits(org.trame.core.conflict.CaseExit caseExit) {
    this.exits = caseExit;
  }

  org.trame.core.conflict.CaseExit exits() {
    return exits;
  }

  Texts texts() {
    return engine.prompts().texts();
  }

  @Override
  public java.util.List<PrivacyMsg> messages() {
    return java.util.List.of(PrivacyMsg.values());
  }

  @Override
  public Map<String, Command> commands() {
    return Map.of(
        "mydata", Command.of("mydata", this::mydata),
        WITHDRAW_FLOW, Command.of(WITHDRAW_FLOW, withdrawal::command),
        "privacy", Command.of("privacy", this::privacy),
        "audit", Command.of("audit", this::audit));
  }

  @Override
  public Map<String, FlowAction> actions() {
    return withdrawal.actions();
  }

  @Override
  public List<org.trame.core.engine.FlowContract> contracts() {
    return PrivacyFlows.ALL;
  }

  /**
   * Erasure and withdrawal act once their conversation is over, in the same turn: they may end a
   * conflict space and erase the very conversation that asked for it.
   */
  @Override
  public void ended(TurnContext t, org.trame.core.engine.Conversation c) throws Exception {
    if (c.status() != org.trame.core.engine.Conversation.Status.DONE) {
      if (c.flow().equals(WITHDRAW_FLOW)) { // a withdrawal given up forgets the project it was about
        org.trame.core.project.ProjectExit.forgetIntent(t.connection(), c.collectiveId(), c.memberId());
      }
      return;
    }
    if (c.flow().equals(FORGET_FLOW) && PrivacyFlows.CONFIRM.yesOnPath(c)) {
      erase(t);
    } else if (c.flow().equals(WITHDRAW_FLOW)) {
      withdrawal.apply(t, c);
    }
  }

  @Override
  public Map<String, ScheduledTask> tasks() {
    return Map.of(Retention.TASK, (t, payload) -> Retention.run(t, personalData), Retention.EVENT_KEYS_TASK, Retention::purgeEventKeys);
  }

  private void mydata(TurnContext t, List<String> args) throws Exception {
    String sub = args.isEmpty() ? "" : args.get(0).toLowerCase(Locale.ROOT);
    switch (sub) {
      case "export" -> export(t); // French words and aliases arrive as these, through the catalogue
      case "forget" -> t.flows().start(t, FORGET_FLOW);
      default -> t.say(PrivacyMsg.MYDATA_USAGE);
    }
  }

  /** The export, privately: the JSON file and a short summary in the member's language. */
  void export(TurnContext t) throws Exception {
    String memberId = t.member().memberId();
    List<PersonalData.Part> parts = PersonalData.collect(t.connection(), personalData, this::tag, t.platform(), memberId);
    t.say(summaryOf(parts, t.lang()), PersonalData.file(t.platform(), memberId, parts,
        PersonalData.acrossCollectives(t.connection(), personalData, t.platform(), memberId), t.now()));
  }

  /**
   * Erases the member on this platform: first they leave their open conflict space (so that it
   * goes on or stops for the others), then nothing of them stays linked to them.
   */
  void erase(TurnContext t) throws Exception {
    for (String k : org.trame.core.personaldata.Rows.collectivesOf(t.connection(), t.platform(), t.member().memberId())) {
      Long open = org.trame.core.conflict.CaseExit.openCaseOf(t.connection(), k, t.member().memberId());
      if (open != null && k.equals(t.collectiveId())) {
        exits.leave(t, open, t.member(), null);
      }
    }
    // Out of this collective's projects too: an open grid round stops waiting for them (and may close on the others' answers).
    org.trame.core.project.ProjectExit.leaveAll(t, t.member());
    for (String written : Erasure.forget(t.connection(), personalData, this::tag, t.platform(), t.member().memberId(),
        this::freeText)) {
      t.redactPending(written, lang -> "…");
    }
    // What this turn still says to the others (their space stops, the collective's announcement) no longer names them.
    String name = t.member().displayName();
    if (name != null && !name.isBlank()) {
      t.redactPending(name, lang -> texts().get(PrivacyMsg.PRIVACY_ERASED_NAME, lang));
    }
    t.redactPending(t.member().memberId(), lang -> texts().get(PrivacyMsg.PRIVACY_ERASED_NAME, lang));
    // Erased in the bytes too: secure_delete zeroes the rows in their pages; the log's older frames go at the commit.
    org.trame.core.storage.Writer.truncateLogAfterCommit();
  }

  String summaryOf(List<PersonalData.Part> parts, Lang lang) {
    StringBuilder sb = new StringBuilder(texts().get(PrivacyMsg.MYDATA_EXPORT_HEADER, lang, "count", parts.size(),
        "file", PersonalData.FILE_NAME));
    for (PersonalData.Part p : parts) {
      int other = p.sections().values().stream().mapToInt(List::size).sum() - p.count("member") - p.count("conversations")
          - p.count("stakes_answers") - p.count("checkin_invitations") - p.count("checkin_answers") - p.count("conflict_parties");
      sb.append('\n').append(texts().get(PrivacyMsg.MYDATA_EXPORT_LINE, lang, "collective", p.collectiveId().split(":", 2)[1],
          "conversations", p.count("conversations"), "stakes", p.count("stakes_answers"),
          "checkins", p.count("checkin_invitations"), "checkin_answers", p.count("checkin_answers"), "cases", p.count("conflict_parties"), "other", other));
    }
    sb.append('\n').append(texts().get(PrivacyMsg.MYDATA_EXPORT_FOOTER, lang, "months", Retention.DEFAULT_MONTHS));
    return sb.toString();
  }

  /** Steps unknown to the loaded flows count as free text: better scrub too much than leave words behind. */
  private boolean freeText(String flow, String step) {
    return engine.prompts().flow(flow).map(f -> f.step(step)).map(s -> s.kind() == org.trame.core.engine.StepKind.TEXT)
        .orElse(true);
  }

  /** {@code privacy}: the collective's retention, for everyone; {@code privacy retention <months>} for coordinators. */
  private void privacy(TurnContext t, List<String> args) throws Exception {
    if (args.isEmpty()) {
      t.say(PrivacyMsg.PRIVACY_SHOW, "months", Retention.months(t.connection(), t.collectiveId()));
      return;
    }
    if (!args.get(0).equalsIgnoreCase("retention")) {
      t.say(PrivacyMsg.PRIVACY_USAGE, "most", Retention.MOST_MONTHS);
      return;
    }
    String months = args.size() == 2 && args.get(1).matches("\\d{1,4}") ? args.get(1) : "";
    if (!t.coordinatorCommand("privacy retention", months)) {
      return;
    }
    int n = months.isEmpty() ? -1 : Integer.parseInt(months);
    if (n < 1 || n > Retention.MOST_MONTHS) {
      t.say(PrivacyMsg.PRIVACY_USAGE, "most", Retention.MOST_MONTHS);
      return;
    }
    Settings.put(t.connection(), t.collectiveId(), Retention.MONTHS, Integer.toString(n), t.member().memberId(),
        t.now().toEpochMilli());
    Retention.ensureAll(t.connection(), t.now());
    t.say(PrivacyMsg.PRIVACY_RETENTION_SET, "months", n);
  }

  /** {@code audit [n]}: the latest entries of the collective's audit log, for coordinators. */
  private void audit(TurnContext t, List<String> args) throws Exception {
    // Reading the log is itself not logged: it would fill the log with its own reading.
    if (!t.allowed(org.trame.core.access.Access.coordinatorCommand(t.requester(), "audit"))) {
      return;
    }
    int n = DEFAULT_AUDIT_ENTRIES;
    if (args.size() == 1 && args.get(0).matches("\\d{1,4}")) {
      n = Math.min(MOST_AUDIT_ENTRIES, Math.max(1, Integer.parseInt(args.get(0))));
    } else if (!args.isEmpty()) {
      t.say(PrivacyMsg.AUDIT_USAGE);
      return;
    }
    List<AuditLog.Entry> entries = AuditLog.latest(t.connection(), t.collectiveId(), n);
    if (entries.isEmpty()) {
      t.say(PrivacyMsg.AUDIT_EMPTY);
      return;
    }
    StringBuilder sb = new StringBuilder(texts().get(PrivacyMsg.AUDIT_HEADER, t.lang(), "count", entries.size()));
    for (AuditLog.Entry e : entries) {
      String who = e.actor() == null ? texts().get(PrivacyMsg.AUDIT_SCHEDULE, t.lang()) : nameOf(t, e.actor());
      sb.append("\n• ").append(java.time.Instant.ofEpochMilli(e.at()).toString(), 0, 16).append(' ')
          .append(who).append(" — ").append(e.action());
      boolean refused = e.outcome() == AuditLog.Outcome.REFUSED;
      if (!refused && e.detail() != null && !e.detail().isBlank()) {
        sb.append(" (").append(Texts.oneLine(e.detail(), 120)).append(')');
      }
      if (refused) {
        sb.append(" — ").append(texts().get(PrivacyMsg.AUDIT_REFUSED, t.lang())).append(because(e.detail(), t));
      } else if (e.outcome() == AuditLog.Outcome.NOT_CARRIED_OUT) {
        sb.append(" — ").append(texts().get(PrivacyMsg.AUDIT_NOT_CARRIED_OUT, t.lang()));
      }
    }
    t.say(sb.toString());
  }

  /** Why the access point refused, in words: the entry holds the reason's key (an older entry may hold nothing). */
  private String because(String reasonKey, TurnContext t) {
    for (MessageKey m : PrivacyMsg.values()) {
      if (m.key().equals("audit_because_" + reasonKey)) {
        return " (" + texts().get(m, t.lang()) + ")";
      }
    }
    return "";
  }

  private static String nameOf(TurnContext t, String memberId) throws Exception {
    var m = Members.find(t.connection(), t.collectiveId(), memberId);
    if (m == null) {
      return memberId.startsWith("erased-") ? "—" : memberId;
    }
    return m.displayName() == null ? memberId : m.displayName();
  }
}
