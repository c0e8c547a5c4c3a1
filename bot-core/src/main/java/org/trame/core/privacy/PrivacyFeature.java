package org.trame.core.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trame.core.access.AuditLog;
import org.trame.core.engine.ActionContext;
import org.trame.core.engine.FlowAction;
import org.trame.core.engine.FlowEngine;
import org.trame.core.engine.Lang;
import org.trame.core.i18n.Msg;
import org.trame.core.i18n.Texts;
import org.trame.core.port.Attachment;
import org.trame.core.port.Audience;
import org.trame.core.storage.Members;
import org.trame.core.storage.Settings;
import org.trame.core.turn.Command;
import org.trame.core.turn.Feature;
import org.trame.core.turn.ScheduledTask;
import org.trame.core.turn.TurnContext;

/**
 * A member's rights over their data and their place (seed 004 sheet 8: individual withdrawal
 * without exclusion from every collective frame; sheet 9: transparency; tool sheet 4: never force
 * anyone into the frame): {@code mydata export|forget}, {@code withdraw}, and for coordinators the
 * retention setting and the audit log.
 */
public final class PrivacyFeature implements Feature {

  public static final String FORGET_FLOW = "mydata_forget";
  public static final String WITHDRAW_FLOW = "withdraw";
  static final String FORGET = "privacy.forget";
  private static final int DEFAULT_AUDIT_ENTRIES = 20;
  private static final int MOST_AUDIT_ENTRIES = 200;

  private final Withdrawal withdrawal = new Withdrawal(this);
  private FlowEngine engine;

  /** The engine is built after features register their actions; it is handed back here. */
  public void engine(FlowEngine flowEngine) {
    this.engine = flowEngine;
  }

  Texts texts() {
    return engine.prompts().texts();
  }

  @Override
  public Map<String, Command> commands() {
    return Map.of(
        "mydata", command("mydata", this::mydata),
        WITHDRAW_FLOW, command(WITHDRAW_FLOW, withdrawal::command),
        "privacy", command("privacy", this::privacy),
        "audit", command("audit", this::audit));
  }

  @Override
  public Map<String, FlowAction> actions() {
    Map<String, FlowAction> actions = new java.util.HashMap<>(withdrawal.actions());
    actions.put(FORGET, this::forget);
    return actions;
  }

  @Override
  public Map<String, ScheduledTask> tasks() {
    return Map.of(Retention.TASK, (t, payload) -> Retention.run(t));
  }

  interface Run {
    void run(TurnContext t, List<String> args) throws Exception;
  }

  static Command command(String word, Run run) {
    return new Command() {
      @Override
      public String name() {
        return word;
      }

      @Override
      public void run(TurnContext t, List<String> args) throws Exception {
        run.run(t, args);
      }
    };
  }

  private void mydata(TurnContext t, List<String> args) throws Exception {
    String sub = args.isEmpty() ? "" : args.get(0).toLowerCase(Locale.ROOT);
    switch (sub) {
      case "export", "exporter" -> export(t);
      case "forget", "oublier", "effacer", "erase" -> t.flows().start(t, FORGET_FLOW);
      default -> t.say(Msg.MYDATA_USAGE);
    }
  }

  /** The export, privately: the JSON file and a short summary in the member's language. */
  private void export(TurnContext t) throws Exception {
    t.say(summaryOf(t.connection(), t.platform(), t.member().memberId(), t.lang()), exportFile(t.connection(), t.platform(),
        t.member().memberId(), t.now()));
  }

  Attachment exportFile(java.sql.Connection c, String platform, String memberId, java.time.Instant now) throws Exception {
    return PersonalData.file(platform, memberId, PersonalData.collect(c, platform, memberId), now);
  }

  String summaryOf(java.sql.Connection c, String platform, String memberId, Lang lang) throws Exception {
    List<PersonalData.Part> parts = PersonalData.collect(c, platform, memberId);
    StringBuilder sb = new StringBuilder(texts().get(Msg.MYDATA_EXPORT_HEADER, lang, "count", parts.size(),
        "file", PersonalData.FILE_NAME));
    for (PersonalData.Part p : parts) {
      int other = p.sections().values().stream().mapToInt(List::size).sum() - p.count("member") - p.count("conversations")
          - p.count("stakes_answers") - p.count("checkin_invitations") - p.count("conflict_parties");
      sb.append('\n').append(texts().get(Msg.MYDATA_EXPORT_LINE, lang, "collective", p.collectiveId().split(":", 2)[1],
          "conversations", p.count("conversations"), "stakes", p.count("stakes_answers"),
          "checkins", p.count("checkin_invitations"), "cases", p.count("conflict_parties"), "other", other));
    }
    sb.append('\n').append(texts().get(Msg.MYDATA_EXPORT_FOOTER, lang, "months", Retention.DEFAULT_MONTHS));
    return sb.toString();
  }

  /** The forget flow's last step, once the member confirmed: nothing of them stays linked to them. */
  private String forget(ActionContext ctx) throws Exception {
    var c = ctx.conversation();
    String platform = c.collectiveId().split(":", 2)[0];
    Erasure.forget(ctx.connection(), platform, c.memberId());
    return null;
  }

  void eraseFrom(ActionContext ctx) throws Exception {
    forget(ctx);
  }

  /** {@code privacy}: the collective's retention, for everyone; {@code privacy retention <months>} for coordinators. */
  private void privacy(TurnContext t, List<String> args) throws Exception {
    if (args.isEmpty()) {
      t.say(Msg.PRIVACY_SHOW, "months", Retention.months(t.connection(), t.collectiveId()));
      return;
    }
    if (!args.get(0).equalsIgnoreCase("retention") && !args.get(0).equalsIgnoreCase("conservation")) {
      t.say(Msg.PRIVACY_USAGE, "most", Retention.MOST_MONTHS);
      return;
    }
    String months = args.size() == 2 && args.get(1).matches("\\d{1,4}") ? args.get(1) : "";
    if (!t.coordinatorCommand("privacy retention", months)) {
      return;
    }
    int n = months.isEmpty() ? -1 : Integer.parseInt(months);
    if (n < 1 || n > Retention.MOST_MONTHS) {
      t.say(Msg.PRIVACY_USAGE, "most", Retention.MOST_MONTHS);
      return;
    }
    Settings.put(t.connection(), t.collectiveId(), Retention.MONTHS, Integer.toString(n), t.member().memberId(),
        t.now().toEpochMilli());
    Retention.ensureAll(t.connection(), t.now());
    t.say(Msg.PRIVACY_RETENTION_SET, "months", n);
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
      t.say(Msg.AUDIT_USAGE);
      return;
    }
    List<AuditLog.Entry> entries = AuditLog.latest(t.connection(), t.collectiveId(), n);
    if (entries.isEmpty()) {
      t.say(Msg.AUDIT_EMPTY);
      return;
    }
    StringBuilder sb = new StringBuilder(texts().get(Msg.AUDIT_HEADER, t.lang(), "count", entries.size()));
    for (AuditLog.Entry e : entries) {
      String who = e.actor() == null ? texts().get(Msg.AUDIT_SCHEDULE, t.lang()) : nameOf(t, e.actor());
      sb.append("\n• ").append(java.time.Instant.ofEpochMilli(e.at()).toString(), 0, 16).append(' ')
          .append(who).append(" — ").append(e.action());
      if (e.detail() != null && !e.detail().isBlank()) {
        sb.append(" (").append(Texts.oneLine(e.detail(), 120)).append(')');
      }
      if (e.refused()) {
        sb.append(" — ").append(texts().get(Msg.AUDIT_REFUSED, t.lang()));
      }
    }
    t.say(sb.toString());
  }

  private static String nameOf(TurnContext t, String memberId) throws Exception {
    var m = Members.find(t.connection(), t.collectiveId(), memberId);
    if (m == null) {
      return memberId.startsWith("erased-") ? "—" : memberId;
    }
    return m.displayName() == null ? memberId : m.displayName();
  }

  /** A private message to someone other than the speaker, in their language. */
  void tell(ActionContext ctx, String memberId, String collectiveId, Msg msg, Object... kv) throws Exception {
    var m = Members.find(ctx.connection(), collectiveId, memberId);
    Lang lang = m == null ? ctx.lang() : Lang.parse(m.lang()).orElse(ctx.lang());
    ctx.send(Audience.member(memberId), texts().get(msg, lang, kv));
  }
}
