package org.trame.core.stakes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trame.core.engine.ActionContext;
import org.trame.core.engine.Answer;
import org.trame.core.engine.FlowAction;
import org.trame.core.engine.FlowEngine;
import org.trame.core.engine.Step;
import org.trame.core.engine.StepKind;
import org.trame.core.i18n.Texts;
import org.trame.core.port.Audience;
import org.trame.core.storage.Jobs;
import org.trame.core.storage.Settings;
import org.trame.core.turn.Command;
import org.trame.core.turn.Feature;
import org.trame.core.turn.ScheduledTask;
import org.trame.core.turn.TurnContext;
import org.trame.core.i18n.Msg;

/**
 * Personal stakes (seed 004 sheets 2 and 4): each member says privately why they are here, what
 * they seek, fear and can give. Every answer is stored with its own sharing choice, private
 * unless the member chose otherwise; rounds gather them and publish only what was shared.
 */
public final class StakesFeature implements Feature {

  public static final String FLOW = "stakes";
  static final String SAVE = "stakes.save";
  static final String RECAP = "stakes.recap";
  static final String PREVIOUS = "stakes.previous";
  private static final int LONGEST_AMBITION = 1000;

  private FlowEngine engine;
  private StakesRoundService rounds;

  /** The engine is built after features register their actions; it is handed back here. */
  public void engine(FlowEngine flowEngine) {
    this.engine = flowEngine;
    this.rounds = new StakesRoundService(flowEngine);
  }

  @Override
  public java.util.List<StakesMsg> messages() {
    return java.util.List.of(StakesMsg.values());
  }

  @Override
  public Map<String, Command> commands() {
    return Map.of(FLOW, Command.of(FLOW, this::stakes));
  }

  /** {@code stakes} and its sub-commands. */
  private void stakes(TurnContext t, List<String> args) throws Exception {
    String sub = args.isEmpty() ? "" : args.get(0).toLowerCase(java.util.Locale.ROOT);
    List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
    switch (sub) {
      case "" -> t.flows().start(t, FLOW);
      case "history" -> history(t);
      case "round" -> round(t, rest);
      case "ambition" -> ambition(t, rest);
      case "every" -> every(t, rest);
      case "share" -> share(t, rest);
      default -> t.say(Msg.UNKNOWN_COMMAND, "command", "stakes " + Texts.oneLine(sub, 40));
    }
  }

  @Override
  public Map<String, FlowAction> actions() {
    return Map.of(SAVE, this::save, RECAP, this::recap, PREVIOUS, this::previous);
  }

  @Override
  public List<org.trame.core.engine.FlowContract> contracts() {
    return StakesFlow.ALL;
  }

  @Override
  public Map<String, ScheduledTask> tasks() {
    return Map.of(
        StakesRoundService.REMIND, (t, payload) -> rounds.remind(t, Jobs.roundOf(payload)),
        StakesRoundService.CLOSE, (t, payload) -> {
          StakesRounds.Round round = StakesRounds.find(t.connection(), Jobs.roundOf(payload));
          if (round != null) {
            rounds.close(t, round);
          }
        },
        StakesRoundService.REEVALUATE, (t, payload) -> rounds.open(t, null, StakesRoundService.DEFAULT_DAYS,
            StakesRoundService.DEFAULT_REMINDER_HOURS));
  }

  /** What the member has shared from their latest register, and with whom. */
  @Override
  public List<String> summary(TurnContext t) throws Exception {
    Map<String, String> latest = StakesRegister.latest(t.connection(), t.collectiveId(), t.member().memberId());
    Map<String, String> sharings = StakesRegister.latestSharing(t.connection(), t.collectiveId(), t.member().memberId());
    var flow = engine.prompts().flow(FLOW).orElseThrow();
    Texts texts = engine.prompts().texts();
    List<String> lines = new ArrayList<>();
    latest.forEach((question, answer) -> {
      String sharing = sharings.getOrDefault(question, Answer.PRIVATE);
      Step step = flow.step(question);
      if (!sharing.equals(Answer.PRIVATE) && step != null) {
        lines.add("• " + Texts.oneLine(step.text().in(t.lang()).lines().findFirst().orElse(question), 120) + " — "
            + Texts.oneLine(engine.shown(step, answer, t.lang()), 200) + "  [" + texts.get(SharingLabels.label(sharing), t.lang()) + "]");
      }
    });
    lines.add(0, texts.get(lines.isEmpty() ? Msg.HOME_NOTHING_SHARED : Msg.HOME_SHARED_ANSWERS, t.lang()));
    return lines;
  }

  /** Coordinator commands go through the access point, which also writes the audit log. */
  private static boolean refuseUnlessCoordinator(TurnContext t, String command, List<String> args) throws Exception {
    return !t.coordinatorCommand(command, args == null ? null : String.join(" ", args));
  }

  private void round(TurnContext t, List<String> args) throws Exception {
    if (refuseUnlessCoordinator(t, "stakes round", args)) {
      return;
    }
    if (args.size() == 1 && args.get(0).equalsIgnoreCase("close")) {
      StakesRounds.Round open = StakesRounds.openRound(t.connection(), t.collectiveId());
      if (open == null) {
        t.say(StakesMsg.STAKES_ROUND_NONE_OPEN);
      } else {
        rounds.close(t, open);
        t.say(StakesMsg.STAKES_ROUND_CLOSED);
      }
      return;
    }
    int days = StakesRoundService.DEFAULT_DAYS;
    int hours = StakesRoundService.DEFAULT_REMINDER_HOURS;
    try {
      if (args.size() > 2) {
        throw new NumberFormatException();
      }
      if (!args.isEmpty()) {
        days = Integer.parseInt(args.get(0));
      }
      if (args.size() == 2) {
        hours = Integer.parseInt(args.get(1));
      }
      if (days < 1 || days > 60 || hours < 1 || hours > 24 * 60) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      t.say(StakesMsg.STAKES_ROUND_USAGE);
      return;
    }
    if (!rounds.open(t, t.member().memberId(), days, hours) && StakesRounds.openRound(t.connection(), t.collectiveId()) == null) {
      t.say(StakesMsg.STAKES_ROUND_NO_MEMBERS);
    }
  }

  private void ambition(TurnContext t, List<String> args) throws Exception {
    if (refuseUnlessCoordinator(t, "stakes ambition", null)) {
      return;
    }
    String text = String.join(" ", args).strip();
    if (text.length() < 3 || text.length() > LONGEST_AMBITION) {
      t.say(StakesMsg.STAKES_AMBITION_USAGE);
      return;
    }
    Settings.put(t.connection(), t.collectiveId(), StakesRoundService.AMBITION, text, t.member().memberId(), t.now().toEpochMilli());
    t.say(StakesMsg.STAKES_AMBITION_SET);
  }

  private void every(TurnContext t, List<String> args) throws Exception {
    if (refuseUnlessCoordinator(t, "stakes every", args)) {
      return;
    }
    int months;
    try {
      months = args.size() == 1 ? Integer.parseInt(args.get(0)) : -1;
    } catch (NumberFormatException e) {
      months = -1;
    }
    if (months < 1 || months > 24) {
      t.say(StakesMsg.STAKES_EVERY_USAGE);
      return;
    }
    Settings.put(t.connection(), t.collectiveId(), StakesRoundService.EVERY_MONTHS, Integer.toString(months),
        t.member().memberId(), t.now().toEpochMilli());
    t.say(StakesMsg.STAKES_EVERY_SET, "months", months);
  }

  /**
   * {@code stakes share}: the latest answers, numbered, with who may see each; {@code stakes share
   * 2 collective} changes the second one. Nothing leaves the register without such a choice.
   */
  private void share(TurnContext t, List<String> args) throws Exception {
    Map<String, String> latest = StakesRegister.latest(t.connection(), t.collectiveId(), t.member().memberId());
    if (latest.isEmpty()) {
      t.say(StakesMsg.STAKES_HISTORY_EMPTY);
      return;
    }
    List<String> questions = new ArrayList<>(latest.keySet());
    String sharing = args.size() == 2 ? sharingWord(args.get(1)) : null;
    int n = -1;
    if (args.size() == 2 && args.get(0).matches("\\d{1,3}")) {
      n = Integer.parseInt(args.get(0));
    }
    if (n >= 1 && n <= questions.size() && sharing != null) {
      StakesRegister.changeSharing(t.connection(), t.collectiveId(), t.member().memberId(), questions.get(n - 1), sharing);
      t.say(StakesMsg.STAKES_SHARE_CHANGED, "number", n, "sharing", engine.prompts().texts().get(SharingLabels.label(sharing), t.lang()));
      return;
    }
    // A change asked for and not made says why, before the list that shows the numbers.
    if (args.size() == 2 && (n < 1 || n > questions.size())) {
      t.say(StakesMsg.STAKES_SHARE_NO_SUCH_ANSWER, "number", Texts.oneLine(args.get(0), 20), "count", questions.size());
    } else if (args.size() == 2) {
      t.say(StakesMsg.STAKES_SHARE_UNKNOWN_AUDIENCE, "word", Texts.oneLine(args.get(1), 40));
    } else if (!args.isEmpty()) {
      t.say(StakesMsg.STAKES_SHARE_UNCHANGED);
    }
    var flow = engine.prompts().flow(FLOW).orElseThrow();
    Texts texts = engine.prompts().texts();
    Map<String, String> sharings = StakesRegister.latestSharing(t.connection(), t.collectiveId(), t.member().memberId());
    StringBuilder sb = new StringBuilder(texts.get(StakesMsg.STAKES_SHARE_LIST, t.lang()));
    for (int i = 0; i < questions.size(); i++) {
      Step step = flow.step(questions.get(i));
      String question = step == null ? questions.get(i) : step.text().in(t.lang()).lines().findFirst().orElse("");
      String shown = step == null ? latest.get(questions.get(i)) : engine.shown(step, latest.get(questions.get(i)), t.lang());
      sb.append("\n").append(i + 1).append(". ").append(Texts.oneLine(question, 120)).append("\n    ")
          .append(Texts.oneLine(shown, 200)).append("  [")
          .append(texts.get(SharingLabels.label(sharings.getOrDefault(questions.get(i), Answer.PRIVATE)), t.lang())).append(']');
    }
    t.say(sb.toString());
  }

  /** private / coordinators / collective, in either language. */
  private static String sharingWord(String word) {
    return switch (org.trame.core.engine.GlobalWord.normalize(word)) {
      case "private", "prive", "moi" -> Answer.PRIVATE;
      case "coordinators", "coordination", "coordinateurs" -> Answer.COORDINATORS;
      case "collective", "collectif", "all", "tous" -> Answer.COLLECTIVE;
      default -> null;
    };
  }

  /** The member's own register, version by version: only they see it. */
  private void history(TurnContext t) throws Exception {
    List<StakesRegister.Stored> rows = StakesRegister.history(t.connection(), t.collectiveId(), t.member().memberId());
    if (rows.isEmpty()) {
      t.say(StakesMsg.STAKES_HISTORY_EMPTY);
      return;
    }
    var flow = engine.prompts().flow(FLOW).orElseThrow();
    Texts texts = engine.prompts().texts();
    StringBuilder sb = new StringBuilder(texts.get(StakesMsg.STAKES_HISTORY_HEADER, t.lang()));
    int version = 0;
    for (StakesRegister.Stored r : rows) {
      if (r.version() != version) {
        version = r.version();
        sb.append("\n— v").append(version).append(" · ").append(StakesRoundService.date(r.answeredAt()));
      }
      Step step = flow.step(r.question());
      if (step == null || r.answer() == null) {
        continue;
      }
      sb.append("\n• ").append(step.text().in(t.lang()).lines().findFirst().orElse(r.question()))
          .append("\n    ").append(Texts.oneLine(engine.shown(step, r.answer(), t.lang()), 300))
          .append("  [").append(texts.get(SharingLabels.label(r.sharing()), t.lang())).append(']');
    }
    t.say(sb.toString());
  }

  /** Loads the member's latest answers so that each question shows "last time you said". */
  private String previous(ActionContext ctx) throws Exception {
    var c = ctx.conversation();
    c.state().previous.putAll(StakesRegister.latest(ctx.connection(), c.collectiveId(), c.memberId()));
    return null;
  }

  /** Writes the questionnaire as a new version of the member's register. */
  private String save(ActionContext ctx) throws Exception {
    var c = ctx.conversation();
    var flow = engine.prompts().flow(FLOW).orElseThrow();
    List<StakesRegister.Entry> entries = new ArrayList<>();
    for (Map.Entry<String, Answer> e : c.state().onPath().entrySet()) {
      Step step = flow.step(e.getKey());
      if (step != null && step.kind() != StepKind.CONFIRM) {
        entries.add(new StakesRegister.Entry(e.getKey(), e.getValue().value(), e.getValue().sharingOrPrivate()));
      }
    }
    long now = ctx.now().toEpochMilli();
    Long round = StakesRoundService.answeredIn(ctx.connection(), c.collectiveId(), c.memberId(), c.id(), now);
    StakesRegister.saveVersion(ctx.connection(), c.collectiveId(), c.memberId(), c.id(), round, now, entries);
    return null;
  }

  /** Shows the member, privately, each answer with who may see it, before they confirm. */
  private String recap(ActionContext ctx) {
    var c = ctx.conversation();
    var flow = engine.prompts().flow(FLOW).orElseThrow();
    Texts texts = engine.prompts().texts();
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Answer> e : c.state().onPath().entrySet()) {
      Step step = flow.step(e.getKey());
      if (step == null || step.kind() == StepKind.CONFIRM) {
        continue;
      }
      String shown = e.getValue().skipped() ? "—" : engine.shown(step, e.getValue().value(), ctx.lang());
      String question = step.text().in(ctx.lang()).lines().findFirst().orElse("");
      sb.append("• ").append(question).append("\n    ").append(Texts.oneLine(shown, 300));
      if (step.share() && !e.getValue().skipped()) {
        sb.append("  [").append(texts.get(SharingLabels.label(e.getValue().sharingOrPrivate()), ctx.lang())).append(']');
      }
      sb.append('\n');
    }
    ctx.send(Audience.member(c.memberId()), sb.toString().stripTrailing());
    return null;
  }
}
