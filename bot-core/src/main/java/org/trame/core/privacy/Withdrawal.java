package org.trame.core.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trame.core.conflict.CaseExit;
import org.trame.core.engine.ActionContext;
import org.trame.core.engine.Conversation;
import org.trame.core.engine.FlowAction;
import org.trame.core.i18n.Lang;
import org.trame.core.port.Audience;
import org.trame.core.storage.Conversations;
import org.trame.core.storage.Member;
import org.trame.core.storage.Members;
import org.trame.core.turn.TurnContext;
import org.trame.core.i18n.MessageKey;
import java.util.Optional;
import org.trame.core.project.Project;
import org.trame.core.project.ProjectExit;
import org.trame.core.project.Projects;

/**
 * The guided right of withdrawal (seed 004 sheet 8): leaving a conflict space or the collective,
 * with an optional reason kept private or shared, plan commitments released, the others told in
 * words the member approved, and the choice to keep, take away or erase one's data. Leaving a
 * space does not take anyone out of the collective; leaving the collective stops rounds and
 * check-ins (and leaves the open space, if any, and every project), and "withdraw return" undoes it.
 * A member who takes part in a project may also leave that project only ({@code withdraw
 * <project>}, or the guided choice): its other members read the words the member approved, or
 * else the plain fact, and the member stays in the collective and may join again.
 */
final class Withdrawal {

  static final String SCOPE = "withdraw.scope";
  static final String HAS_REASON = "withdraw.has_reason";
  static final String COMMITMENTS = "withdraw.commitments";
  static final String PREVIEW = "withdraw.preview";
  static final String CASE = "case";
  static final String COLLECTIVE = "collective";
  // Leaving one project (sheet 8).
  static final String OFFER = "withdraw.offer";
  static final String PROJECTS = "withdraw.projects";
  static final String PROJECT = "withdraw.project";
  static final String HAS_PROJECT_REASON = "withdraw.has_project_reason";

  private final PrivacyFeature privacy;

  Withdrawal(PrivacyFeature privacy) {
    this.privacy = privacy;
  }

  Map<String, FlowAction> actions() {
    return Map.of(SCOPE, this::scope, HAS_REASON, ctx -> PrivacyFlows.REASON.onPath(ctx.conversation()) == null ? "no" : "yes",
        COMMITMENTS, this::commitments, PREVIEW, this::preview,
        OFFER, this::offer, PROJECTS, this::projects, PROJECT, this::project,
        HAS_PROJECT_REASON, ctx -> PrivacyFlows.PROJECT_REASON.onPath(ctx.conversation()) == null ? "no" : "yes");
  }

  void command(TurnContext t, List<String> args) throws Exception {
    String sub = args.isEmpty() ? "" : args.get(0).toLowerCase(Locale.ROOT);
    switch (sub) {
      case "" -> {
        if (Conversations.openIn(t.connection(), t.collectiveId(), t.member().memberId(), PrivacyFeature.WITHDRAW_FLOW) == null) {
          ProjectExit.forgetIntent(t.connection(), t.collectiveId(), t.member().memberId());
        }
        t.flows().start(t, PrivacyFeature.WITHDRAW_FLOW);
      }
      case "return" -> { // "retrait revenir" arrives as this, through the catalogue
        if (Members.withdrawnAt(t.connection(), t.collectiveId(), t.member().memberId()) == null) {
          t.say(PrivacyMsg.WITHDRAW_NOT_WITHDRAWN);
        } else {
          Members.setWithdrawn(t.connection(), t.collectiveId(), t.member().memberId(), null);
          t.say(PrivacyMsg.WITHDRAW_RETURNED);
        }
      }
      default -> project(t, org.trame.core.i18n.Texts.oneLine(String.join(" ", args), 200));
    }
  }

  /**
   * {@code withdraw <project>}: the guided withdrawal, straight to the project path (a withdrawal
   * already under way goes on where it was instead).
   */
  private void project(TurnContext t, String name) throws Exception {
    Optional<Project> p = Projects.named(t.connection(), t.collectiveId(), name);
    if (p.isEmpty()) {
      t.say(PrivacyMsg.WITHDRAW_PROJECT_NO_SUCH, "name", name);
    } else if (!Projects.isMember(t.connection(), p.get().id(), t.member().memberId())) {
      t.say(PrivacyMsg.WITHDRAW_PROJECT_NOT_IN, "name", p.get().name());
    } else {
      if (Conversations.openIn(t.connection(), t.collectiveId(), t.member().memberId(), PrivacyFeature.WITHDRAW_FLOW) == null) {
        ProjectExit.intend(t.connection(), t.collectiveId(), t.member().memberId(), p.get().id());
      }
      t.flows().start(t, PrivacyFeature.WITHDRAW_FLOW);
    }
  }

  /** Where the flow goes after its opening words: straight to a project named with the command, to the choice with projects, or to the usual one. */
  private String offer(ActionContext ctx) throws Exception {
    var c = ctx.conversation();
    if (ProjectExit.intended(ctx.connection(), c.collectiveId(), c.memberId()).isPresent()) {
      return "named";
    }
    return Projects.ofMember(ctx.connection(), c.collectiveId(), c.memberId()).isEmpty() ? null : "in_project";
  }

  /** The names of the projects the member takes part in, joined for a message. */
  private static String names(ActionContext ctx) throws Exception {
    var c = ctx.conversation();
    return String.join(", ", Projects.ofMember(ctx.connection(), c.collectiveId(), c.memberId()).stream()
        .map(p -> ctx.lang() == Lang.FR ? "« " + p.name() + " »" : "\"" + p.name() + "\"").toList());
  }

  private String projects(ActionContext ctx) throws Exception {
    ctx.send(Audience.member(ctx.conversation().memberId()), privacy.texts().get(PrivacyMsg.WITHDRAW_PROJECT_LIST, ctx.lang(),
        "list", names(ctx)));
    return null;
  }

  /** The project the member names, among theirs; another name is asked again. */
  private String project(ActionContext ctx) throws Exception {
    var c = ctx.conversation();
    String typed = PrivacyFlows.PROJECT.of(c);
    Optional<Project> p = typed == null ? Optional.empty()
        : Projects.named(ctx.connection(), c.collectiveId(), org.trame.core.i18n.Texts.oneLine(typed, 200));
    if (p.isPresent() && Projects.isMember(ctx.connection(), p.get().id(), c.memberId())) {
      ProjectExit.intend(ctx.connection(), c.collectiveId(), c.memberId(), p.get().id());
      return "ok";
    }
    ctx.send(Audience.member(c.memberId()), privacy.texts().get(PrivacyMsg.WITHDRAW_PROJECT_UNKNOWN, ctx.lang(),
        "name", org.trame.core.i18n.Texts.oneLine(typed == null ? "" : typed, 200), "list", names(ctx)));
    c.refuseAnswer();
    return "again";
  }

  /**
   * Whether the member is on the project path: they chose it, or came with {@code withdraw
   * <project>} and so answered no scope question.
   */
  private static boolean projectPath(Conversation c) {
    String inProject = PrivacyFlows.SCOPE_IN_PROJECT.onPath(c);
    return PrivacyFlows.SCOPE_PROJECT.equals(inProject) || (inProject == null && PrivacyFlows.SCOPE.onPath(c) == null);
  }

  // Answers are read on the member's path: one left behind by "back" no longer counts.
  private static boolean collective(Conversation c) {
    return PrivacyFlows.SCOPE_COLLECTIVE.equals(PrivacyFlows.SCOPE.onPath(c))
        || PrivacyFlows.SCOPE_IN_PROJECT_COLLECTIVE.equals(PrivacyFlows.SCOPE_IN_PROJECT.onPath(c));
  }

  /** Which frame: a conflict space needs one the member is in; otherwise the flow says so and ends. */
  private String scope(ActionContext ctx) throws Exception {
    var c = ctx.conversation();
    if (collective(c)) {
      return COLLECTIVE;
    }
    if (PrivacyFlows.SCOPE_PROJECT.equals(PrivacyFlows.SCOPE_IN_PROJECT.onPath(c))) {
      return "project";
    }
    return CaseExit.openCaseOf(ctx.connection(), c.collectiveId(), c.memberId()) == null ? "none" : CASE;
  }

  /** Lists the action-plan steps the member owns in what they leave: they will be released. */
  private String commitments(ActionContext ctx) throws Exception {
    var c = ctx.conversation();
    Long open = CaseExit.openCaseOf(ctx.connection(), c.collectiveId(), c.memberId());
    Member m = Members.find(ctx.connection(), c.collectiveId(), c.memberId());
    List<String> mine = open == null || m == null ? List.of() : CaseExit.commitments(ctx.connection(), open, m);
    ctx.send(Audience.member(c.memberId()), mine.isEmpty() ? privacy.texts().get(PrivacyMsg.WITHDRAW_NO_COMMITMENTS, ctx.lang())
        : privacy.texts().get(PrivacyMsg.WITHDRAW_COMMITMENTS, ctx.lang(), "list", "• " + String.join("\n• ", mine)));
    return null;
  }

  /** Shows the member the exact words the others will read, before they approve them. */
  private String preview(ActionContext ctx) throws Exception {
    var c = ctx.conversation();
    Member m = Members.find(ctx.connection(), c.collectiveId(), c.memberId());
    if (projectPath(c)) {
      Optional<Project> p = ProjectExit.intended(ctx.connection(), c.collectiveId(), c.memberId());
      ctx.send(Audience.member(c.memberId()), privacy.texts().get(PrivacyMsg.WITHDRAW_PREVIEW_PROJECT, ctx.lang(), "message",
          projectAnnouncement(c, m, p.map(Project::name).orElse(""), ctx.lang())));
      return null;
    }
    MessageKey who = collective(c) ? PrivacyMsg.WITHDRAW_PREVIEW_COLLECTIVE : PrivacyMsg.WITHDRAW_PREVIEW_CASE;
    ctx.send(Audience.member(c.memberId()), privacy.texts().get(who, ctx.lang(), "message", announcement(c, m, ctx.lang())));
    return null;
  }

  private String announcement(Conversation c, Member m, Lang lang) {
    String name = m == null || m.displayName() == null ? c.memberId() : m.displayName();
    StringBuilder sb = new StringBuilder(privacy.texts().get(collective(c) ? PrivacyMsg.WITHDRAW_ANNOUNCE_COLLECTIVE
        : PrivacyMsg.WITHDRAW_ANNOUNCE_CASE, lang, "member", name));
    String words = PrivacyFlows.FAREWELL.onPath(c);
    if (words != null) {
      sb.append('\n').append(privacy.texts().get(PrivacyMsg.WITHDRAW_ANNOUNCE_WORDS, lang, "words", words.strip()));
    }
    String reason = PrivacyFlows.REASON.onPath(c);
    if (reason != null && PrivacyFlows.REASON_SHARED.equals(PrivacyFlows.REASON_SHARING.onPath(c))) {
      sb.append('\n').append(privacy.texts().get(PrivacyMsg.WITHDRAW_ANNOUNCE_REASON, lang, "reason", reason.strip()));
    }
    return sb.toString();
  }

  /** What the project's other members read, in the member's words as far as they chose to share them. */
  private String projectAnnouncement(Conversation c, Member m, String project, Lang lang) {
    String name = m == null || m.displayName() == null ? c.memberId() : m.displayName();
    StringBuilder sb = new StringBuilder(privacy.texts().get(PrivacyMsg.WITHDRAW_ANNOUNCE_PROJECT, lang, "member", name,
        "project", project));
    String words = PrivacyFlows.PROJECT_FAREWELL.onPath(c);
    if (words != null) {
      sb.append('\n').append(privacy.texts().get(PrivacyMsg.WITHDRAW_ANNOUNCE_WORDS, lang, "words", words.strip()));
    }
    String reason = PrivacyFlows.PROJECT_REASON.onPath(c);
    if (reason != null && PrivacyFlows.PROJECT_REASON_SHARED.equals(PrivacyFlows.PROJECT_REASON_SHARING.onPath(c))) {
      sb.append('\n').append(privacy.texts().get(PrivacyMsg.WITHDRAW_ANNOUNCE_REASON, lang, "reason", reason.strip()));
    }
    return sb.toString();
  }

  /** The project path done: the member leaves the project, staying in the collective; the others read what they approved. */
  private void applyToProject(TurnContext t, Conversation c) throws Exception {
    Optional<Project> p = ProjectExit.intended(t.connection(), t.collectiveId(), t.member().memberId());
    ProjectExit.forgetIntent(t.connection(), t.collectiveId(), t.member().memberId());
    if (p.isPresent()) {
      boolean approved = PrivacyFlows.PROJECT_APPROVE.yesOnPath(c);
      ProjectExit.leave(t, p.get(), t.member(), approved ? projectAnnouncement(c, t.member(), p.get().name(), t.lang()) : null);
    }
  }

  /** Once the member finished the flow: does what they chose, in this turn, then tells them what became of their data. */
  void apply(TurnContext t, Conversation c) throws Exception {
    if (projectPath(c) && PrivacyFlows.PROJECT_APPROVE.reachedOnPath(c)) {
      applyToProject(t, c);
      return;
    }
    ProjectExit.forgetIntent(t.connection(), t.collectiveId(), t.member().memberId());
    String data = PrivacyFlows.DATA.onPath(c);
    if (data == null) {
      return; // ended early: nothing to leave (no open space)
    }
    Member m = t.member();
    boolean approved = PrivacyFlows.APPROVE.yesOnPath(c);
    String announcement = announcement(c, m, t.lang());
    List<String> told = new ArrayList<>();
    Long open = CaseExit.openCaseOf(t.connection(), t.collectiveId(), m.memberId());
    if (open != null) {
      told.addAll(privacy.exits().leave(t, open, m, approved && !collective(c) ? announcement : null));
    }
    if (collective(c)) {
      Members.setWithdrawn(t.connection(), t.collectiveId(), m.memberId(), t.now().toEpochMilli());
      // Her open rounds and questionnaires stop too, each saying so; their features record it
      // (a check-in or stakes round counts her as having stopped).
      for (Conversation other : Conversations.allOpen(t.connection(), t.collectiveId(), m.memberId())) {
        if (other.id() != c.id()) {
          t.flows().cancel(t, other);
        }
      }
      ProjectExit.leaveAll(t, m); // leaving the collective leaves its projects too, without a word to each

      if (approved) {
        t.post(announcement);
      } else {
        for (Member coordinator : Members.coordinators(t.connection(), t.collectiveId())) {
          if (!coordinator.memberId().equals(m.memberId()) && !told.contains(coordinator.memberId())) {
            t.asCoordinator(coordinator).say(PrivacyMsg.WITHDRAW_FACT_ONLY, "member", m.displayName() == null ? m.memberId()
                : m.displayName());
          }
        }
      }
    }
    if (PrivacyFlows.DATA_EXPORT.equals(data)) {
      privacy.export(t);
    } else if (PrivacyFlows.DATA_ERASE.equals(data)) {
      privacy.erase(t);
      t.say(PrivacyMsg.WITHDRAW_ERASED);
    } else {
      t.say(PrivacyMsg.WITHDRAW_KEPT);
    }
  }
}
