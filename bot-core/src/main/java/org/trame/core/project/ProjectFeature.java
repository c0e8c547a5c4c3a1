package org.trame.core.project;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.trame.core.engine.ActionContext;
import org.trame.core.engine.Answer;
import org.trame.core.engine.Conversation;
import org.trame.core.engine.FlowAction;
import org.trame.core.engine.FlowEngine;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Texts;
import org.trame.core.port.Audience;
import org.trame.core.port.CommandCatalogue;
import org.trame.core.port.CommandSpec;
import org.trame.core.storage.Member;
import org.trame.core.storage.Members;
import org.trame.core.turn.Command;
import org.trame.core.turn.Feature;
import org.trame.core.turn.TurnContext;

/**
 * Projects and the collective's ethics grid (seed 004 sheet 8). Coordinators create projects and
 * members join or leave them; the collective's ethics criteria are set before any decision or
 * conflict (the sheet's three by default, adapted by coordinators) and told to each member who
 * joins a project; a coordinator opens a grid round among a project's members, where each says
 * privately, per criterion, ok, black ball or "I don't know", with a feeling they may share; one
 * black ball blocks. Leaving a project (the right of withdrawal) never takes anyone out of the
 * collective: see {@link ProjectExit} and the guided {@code withdraw <project>}.
 *
 * <p>{@code ethics <project> [partner]}: a grid is always run among a project's members, since
 * the sheet gives the ethical stance to those who will take part in the cooperation; a partner is
 * examined within the project it would join, the words after the project's name naming it.
 */
public final class ProjectFeature implements Feature {

  static final String FIRST = "ethics.first";
  static final String VOTE = "ethics.vote";
  static final String UNVOTE = "ethics.unvote";
  static final String ANSWERED = "ethics.answered";
  private static final int LONGEST_SUBJECT = 200;

  private FlowEngine engine;

  /** The engine is built after features register their actions; it is handed back here. */
  public void engine(FlowEngine flowEngine) {
    this.engine = flowEngine;
  }

  private Texts texts() {
    return engine.prompts().texts();
  }

  @Override
  public List<ProjectMsg> messages() {
    return List.of(ProjectMsg.values());
  }

  @Override
  public Map<String, Command> commands() {
    return Map.of("project", Command.of("project", this::project), "ethics", Command.of("ethics", this::ethics));
  }

  @Override
  public Map<String, FlowAction> actions() {
    return Map.of(FIRST, this::first, VOTE, this::vote, UNVOTE, this::unvote, ANSWERED, this::answered);
  }

  @Override
  public Map<String, org.trame.core.turn.ScheduledTask> tasks() {
    return Map.of(EthicsRounds.REMIND, (t, payload) -> EthicsRounds.remind(t, org.trame.core.storage.Jobs.roundOf(payload)),
        EthicsRounds.CLOSE, (t, payload) -> {
          EthicsGrids.Grid grid = EthicsGrids.find(t.connection(), org.trame.core.storage.Jobs.roundOf(payload));
          if (grid != null && grid.closedAt() == null) {
            EthicsRounds.close(t, grid);
          }
        });
  }

  @Override
  public List<org.trame.core.engine.FlowContract> contracts() {
    return EthicsFlow.ALL;
  }

  /** The projects the member takes part in, for their own page. */
  @Override
  public List<String> summary(TurnContext t) throws Exception {
    List<Project> mine = Projects.ofMember(t.connection(), t.collectiveId(), t.member().memberId());
    if (mine.isEmpty()) {
      return List.of();
    }
    Map<Long, Integer> sizes = Projects.sizes(t.connection(), t.collectiveId());
    List<String> lines = new ArrayList<>();
    lines.add(texts().get(ProjectMsg.PROJECT_HOME_HEADER, t.lang()));
    for (Project p : mine) {
      lines.add(texts().get(ProjectMsg.PROJECT_LIST_LINE_MINE, t.lang(), "name", p.name(), "count", sizes.getOrDefault(p.id(), 0)));
    }
    return lines;
  }

  // ---- project ----

  private void project(TurnContext t, List<String> args) throws Exception {
    String sub = args.isEmpty() ? "list" : args.get(0).toLowerCase(Locale.ROOT);
    String name = args.size() < 2 ? "" : Projects.clean(String.join(" ", args.subList(1, args.size())));
    switch (sub) {
      case "list" -> list(t);
      case "create" -> create(t, name);
      case "join" -> join(t, name);
      case "leave" -> leave(t, name);
      default -> t.say(ProjectMsg.PROJECT_USAGE);
    }
  }

  private void list(TurnContext t) throws Exception {
    List<Project> all = Projects.of(t.connection(), t.collectiveId());
    if (all.isEmpty()) {
      t.say(ProjectMsg.PROJECT_LIST_EMPTY);
      return;
    }
    Map<Long, Integer> sizes = Projects.sizes(t.connection(), t.collectiveId());
    StringBuilder sb = new StringBuilder(texts().get(ProjectMsg.PROJECT_LIST_HEADER, t.lang()));
    for (Project p : all) {
      boolean mine = Projects.isMember(t.connection(), p.id(), t.member().memberId());
      sb.append('\n').append(texts().get(mine ? ProjectMsg.PROJECT_LIST_LINE_MINE : ProjectMsg.PROJECT_LIST_LINE, t.lang(),
          "name", p.name(), "count", sizes.getOrDefault(p.id(), 0)));
    }
    t.say(sb.toString());
  }

  private void create(TurnContext t, String name) throws Exception {
    if (!t.coordinatorCommand("project create", null)) {
      return;
    }
    if (name.length() < 2 || name.length() > Projects.LONGEST_NAME) {
      t.say(ProjectMsg.PROJECT_NAME_USAGE, "most", Projects.LONGEST_NAME);
      return;
    }
    String reserved = reservedWord(name);
    if (reserved != null) {
      t.say(ProjectMsg.PROJECT_NAME_RESERVED, "word", reserved);
      return;
    }
    Optional<Project> same = Projects.named(t.connection(), t.collectiveId(), name);
    if (same.isPresent()) {
      t.say(ProjectMsg.PROJECT_NAME_TAKEN, "name", same.get().name());
      return;
    }
    Projects.create(t.connection(), t.collectiveId(), name, t.member().memberId(), t.now().toEpochMilli());
    t.say(ProjectMsg.PROJECT_CREATED, "name", name);
  }

  /**
   * The first word of a name, when it is a word of the commands that take a project's name
   * ({@code ethics close}, {@code withdraw return}...): such a name would be read as the command.
   */
  static String reservedWord(String name) {
    String first = CommandCatalogue.normalize(name.split("\\s+")[0]);
    for (String command : List.of("project", "ethics", "withdraw")) {
      Optional<CommandSpec> spec = CommandCatalogue.packaged().command(command);
      if (spec.isEmpty()) {
        continue;
      }
      if (spec.get().subcommand(first).isPresent() || (spec.get().bare() != null && spec.get().bare().answers(first))) {
        return name.split("\\s+")[0];
      }
    }
    return null;
  }

  private void join(TurnContext t, String name) throws Exception {
    Project p = named(t, name, "join");
    if (p == null) {
      return;
    }
    if (!Projects.join(t.connection(), p.id(), t.member().memberId(), t.now().toEpochMilli())) {
      t.say(ProjectMsg.PROJECT_ALREADY_IN, "name", p.name());
      return;
    }
    t.say(ProjectMsg.PROJECT_JOINED, "name", p.name());
    t.say(ProjectMsg.PROJECT_CRITERIA_ON_JOIN, "criteria", numbered(t.connection(), t.collectiveId(), t.lang()));
  }

  private void leave(TurnContext t, String name) throws Exception {
    Project p = named(t, name, "leave");
    if (p == null) {
      return;
    }
    if (!Projects.isMember(t.connection(), p.id(), t.member().memberId())) {
      t.say(ProjectMsg.PROJECT_NOT_IN, "name", p.name());
      return;
    }
    ProjectExit.leave(t, p, t.member(), null);
    t.say(ProjectMsg.PROJECT_LEFT, "name", p.name());
  }

  /** The project the member named, or null once they were told why there is none. */
  private Project named(TurnContext t, String name, String command) throws Exception {
    if (name.isEmpty()) {
      t.say(ProjectMsg.PROJECT_NAME_NEEDED, "command", command);
      return null;
    }
    Optional<Project> p = Projects.named(t.connection(), t.collectiveId(), name);
    if (p.isEmpty()) {
      t.say(ProjectMsg.PROJECT_UNKNOWN, "name", Texts.oneLine(name, Projects.LONGEST_NAME));
      return null;
    }
    return p.get();
  }

  /** The collective's criteria in {@code lang}, one numbered line each. */
  static String numbered(Connection c, String collectiveId, Lang lang) throws Exception {
    List<String> criteria = EthicsCriteria.of(c, collectiveId, lang);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < criteria.size(); i++) {
      sb.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(Texts.oneLine(criteria.get(i), EthicsCriteria.LONGEST));
    }
    return sb.toString();
  }

  // ---- ethics ----

  private void ethics(TurnContext t, List<String> args) throws Exception {
    String sub = args.isEmpty() ? "" : args.get(0).toLowerCase(Locale.ROOT);
    List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
    switch (sub) {
      case "" -> t.say(ProjectMsg.ETHICS_USAGE);
      case "criteria" -> criteriaCommand(t, rest);
      case "add" -> add(t, Projects.clean(String.join(" ", rest)));
      case "remove" -> remove(t, rest);
      case "close" -> close(t, Projects.clean(String.join(" ", rest)));
      default -> open(t, args);
    }
  }

  /** {@code ethics criteria}, and its longer forms {@code ethics criteria add|remove …} for {@code ethics add|remove …}. */
  private void criteriaCommand(TurnContext t, List<String> args) throws Exception {
    String verb = args.isEmpty() ? "" : CommandCatalogue.normalize(args.get(0));
    List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
    CommandSpec ethics = CommandCatalogue.packaged().command("ethics").orElseThrow();
    String canonical = ethics.subcommand(verb).map(CommandSpec::word).orElse("");
    switch (canonical) {
      case "add" -> add(t, Projects.clean(String.join(" ", rest)));
      case "remove" -> remove(t, rest);
      default -> criteria(t);
    }
  }

  private void criteria(TurnContext t) throws Exception {
    t.say(ProjectMsg.ETHICS_CRITERIA, "criteria", numbered(t.connection(), t.collectiveId(), t.lang()));
    if (edited(t.connection(), t.collectiveId())) {
      return;
    }
    t.say(ProjectMsg.ETHICS_CRITERIA_DEFAULTS);
  }

  private static boolean edited(Connection c, String collectiveId) throws Exception {
    try (var rs = org.trame.core.storage.Sql.query(c, "SELECT 1 FROM ethics_criterion WHERE collective_id = ?", collectiveId)
        .executeQuery()) {
      return rs.next();
    }
  }

  private void add(TurnContext t, String text) throws Exception {
    if (!t.coordinatorCommand("ethics add", null)) {
      return;
    }
    List<EthicsCriteria.Criterion> criteria = new ArrayList<>(EthicsCriteria.stored(t.connection(), t.collectiveId()));
    if (text.length() < 3 || text.length() > EthicsCriteria.LONGEST) {
      t.say(ProjectMsg.ETHICS_ADD_USAGE, "most", EthicsCriteria.LONGEST);
      return;
    }
    if (criteria.size() >= EthicsCriteria.MOST) {
      t.say(ProjectMsg.ETHICS_CRITERIA_FULL, "most", EthicsCriteria.MOST);
      return;
    }
    criteria.add(new EthicsCriteria.Criterion(null, text));
    EthicsCriteria.replace(t.connection(), t.collectiveId(), criteria);
    t.say(ProjectMsg.ETHICS_CRITERIA_CHANGED, "criteria", numbered(t.connection(), t.collectiveId(), t.lang()));
  }

  private void remove(TurnContext t, List<String> args) throws Exception {
    String number = args.size() == 1 && args.get(0).matches("\\d{1,2}") ? args.get(0) : "";
    if (!t.coordinatorCommand("ethics remove", number)) {
      return;
    }
    List<EthicsCriteria.Criterion> criteria = new ArrayList<>(EthicsCriteria.stored(t.connection(), t.collectiveId()));
    int n = number.isEmpty() ? -1 : Integer.parseInt(number);
    if (n < 1 || n > criteria.size()) {
      t.say(ProjectMsg.ETHICS_REMOVE_USAGE, "count", criteria.size());
      return;
    }
    if (criteria.size() == 1) {
      t.say(ProjectMsg.ETHICS_REMOVE_LAST);
      return;
    }
    criteria.remove(n - 1);
    EthicsCriteria.replace(t.connection(), t.collectiveId(), criteria);
    t.say(ProjectMsg.ETHICS_CRITERIA_CHANGED, "criteria", numbered(t.connection(), t.collectiveId(), t.lang()));
  }

  /** {@code ethics <project> [partner]}: the longest run of first words that names a project; the rest names what is examined. */
  private void open(TurnContext t, List<String> args) throws Exception {
    if (!t.coordinatorCommand("ethics", null)) {
      return;
    }
    Project project = null;
    int used = 0;
    for (int n = args.size(); n >= 1 && project == null; n--) {
      Optional<Project> p = Projects.named(t.connection(), t.collectiveId(), Projects.clean(String.join(" ", args.subList(0, n))));
      if (p.isPresent()) {
        project = p.get();
        used = n;
      }
    }
    if (project == null) {
      t.say(ProjectMsg.PROJECT_UNKNOWN, "name", Texts.oneLine(Projects.clean(String.join(" ", args)), Projects.LONGEST_NAME));
      t.say(ProjectMsg.ETHICS_PROJECT_NEEDED);
      return;
    }
    String subject = Projects.clean(String.join(" ", args.subList(used, args.size())));
    EthicsRounds.open(t, project, subject.isEmpty() ? null : Texts.oneLine(subject, LONGEST_SUBJECT));
  }

  private void close(TurnContext t, String name) throws Exception {
    if (!t.coordinatorCommand("ethics close", null)) {
      return;
    }
    if (name.isEmpty()) {
      t.say(ProjectMsg.ETHICS_PROJECT_NEEDED);
      return;
    }
    Optional<Project> p = Projects.named(t.connection(), t.collectiveId(), name);
    if (p.isEmpty()) {
      t.say(ProjectMsg.PROJECT_UNKNOWN, "name", Texts.oneLine(name, Projects.LONGEST_NAME));
      return;
    }
    EthicsGrids.Grid grid = EthicsGrids.openOn(t.connection(), p.get().id());
    if (grid == null) {
      t.say(ProjectMsg.ETHICS_NONE_OPEN, "name", p.get().name());
      return;
    }
    EthicsRounds.close(t, grid);
    t.say(ProjectMsg.ETHICS_CLOSED, "name", p.get().name());
  }

  // ---- the grid conversation ----

  /** The round a member's grid conversation answers; its first step binds it to the round waiting for them. */
  private static EthicsGrids.Grid gridOf(ActionContext ctx) throws Exception {
    Conversation c = ctx.conversation();
    EthicsGrids.Grid grid = EthicsGrids.ofConversation(ctx.connection(), c.id());
    if (grid == null) {
      grid = EthicsGrids.waitingFor(ctx.connection(), c.collectiveId(), c.memberId());
      if (grid != null) {
        EthicsGrids.bind(ctx.connection(), grid.id(), c.memberId(), c.id());
      }
    }
    return grid;
  }

  private void sayCriterion(ActionContext ctx, ProjectMsg msg, List<EthicsCriteria.Criterion> criteria, int number) {
    ctx.send(Audience.member(ctx.conversation().memberId()), texts().get(msg, ctx.lang(), "number", number, "count", criteria.size(),
        "criterion", Texts.oneLine(criteria.get(number - 1).in(ctx.lang()), EthicsCriteria.LONGEST)));
  }

  private String first(ActionContext ctx) throws Exception {
    EthicsGrids.Grid grid = gridOf(ctx);
    if (grid != null) {
      List<EthicsCriteria.Criterion> criteria = EthicsGrids.criteria(ctx.connection(), grid.id());
      int given = EthicsGrids.votes(ctx.connection(), grid.id(), ctx.conversation().memberId());
      sayCriterion(ctx, ProjectMsg.ETHICS_CRITERION, criteria, Math.min(given + 1, criteria.size()));
    }
    return null;
  }

  /** Records the position on the current criterion; "more" with the next criterion said, or "done". */
  private String vote(ActionContext ctx) throws Exception {
    EthicsGrids.Grid grid = gridOf(ctx);
    String vote = EthicsFlow.VOTE.of(ctx);
    if (grid == null || grid.closedAt() != null || vote == null) {
      return "done";
    }
    String member = ctx.conversation().memberId();
    List<EthicsCriteria.Criterion> criteria = EthicsGrids.criteria(ctx.connection(), grid.id());
    int position = EthicsGrids.votes(ctx.connection(), grid.id(), member) + 1;
    if (position <= criteria.size()) {
      EthicsGrids.vote(ctx.connection(), grid.id(), member, position, vote);
    }
    if (position < criteria.size()) {
      sayCriterion(ctx, ProjectMsg.ETHICS_CRITERION, criteria, position + 1);
      return "more";
    }
    return "done";
  }

  /** "back": the latest position is taken back, and its criterion asked again. */
  private String unvote(ActionContext ctx) throws Exception {
    EthicsGrids.Grid grid = gridOf(ctx);
    if (grid == null) {
      return null;
    }
    int taken = EthicsGrids.unvote(ctx.connection(), grid.id(), ctx.conversation().memberId());
    if (taken > 0) {
      sayCriterion(ctx, ProjectMsg.ETHICS_BACK_CRITERION, EthicsGrids.criteria(ctx.connection(), grid.id()), taken);
    }
    return null;
  }

  /** The member finished: their positions join the tallies, their feeling is kept with its sharing. */
  private String answered(ActionContext ctx) throws Exception {
    EthicsGrids.Grid grid = gridOf(ctx);
    if (grid == null || grid.closedAt() != null) {
      return null;
    }
    Conversation c = ctx.conversation();
    String feeling = EthicsFlow.FEELING.onPath(c);
    Answer given = c.state().onPath().get(EthicsFlow.FEELING.id());
    String sharing = given == null ? Answer.PRIVATE : given.sharingOrPrivate();
    EthicsGrids.answered(ctx.connection(), grid.id(), c.memberId(), feeling == null ? null : feeling.strip(), sharing,
        ctx.now().toEpochMilli());
    return null;
  }

  /**
   * A grid conversation ended: declining counts as such; the round closes once nobody is left to
   * answer; then the member's next waiting round, if any, begins.
   */
  @Override
  public void ended(TurnContext t, Conversation c) throws Exception {
    if (!c.flow().equals(EthicsFlow.FLOW)) {
      return;
    }
    EthicsGrids.Grid grid = EthicsGrids.ofConversation(t.connection(), c.id());
    if (grid != null && grid.closedAt() == null) {
      if (c.status() == Conversation.Status.CANCELLED) {
        EthicsGrids.declined(t.connection(), grid.id(), c.memberId(), t.now().toEpochMilli());
      }
      EthicsRounds.closeIfComplete(t, grid);
    }
    if (Members.withdrawnAt(t.connection(), t.collectiveId(), c.memberId()) != null) {
      return;
    }
    EthicsGrids.Grid next = EthicsGrids.waitingFor(t.connection(), t.collectiveId(), c.memberId());
    Member m = next == null ? null : Members.find(t.connection(), t.collectiveId(), c.memberId());
    if (m != null) {
      TurnContext theirs = t.member().memberId().equals(c.memberId()) ? t : t.as(m, false, t.lang());
      EthicsRounds.begin(theirs, next);
    }
  }
}
