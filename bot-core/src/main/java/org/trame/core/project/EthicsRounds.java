package org.trame.core.project;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.trame.core.access.Access;
import org.trame.core.access.Requester;
import org.trame.core.engine.Conversation;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Texts;
import org.trame.core.storage.Conversations;
import org.trame.core.storage.Member;
import org.trame.core.storage.Members;
import org.trame.core.turn.TurnContext;

/**
 * An ethics grid round (seed 004 sheet 8) among a project's members: each is asked privately, one
 * conversation at a time (a member in two projects with open rounds gets the second when the first
 * is done); those who began and have not finished are reminded once after {@code REMINDER_AFTER};
 * the round closes when everyone has answered or declined, when a coordinator closes it, or at its
 * deadline ({@code OPEN_FOR} after it opened). The verdict goes privately to the project's members and to the coordinators, and to the
 * collective's channel only when at least {@value #SHOWN_FROM} answered: it says whether a black
 * ball blocks and which criteria weighed, never who took which position. Below {@value
 * #SHOWN_FROM} answers it gives no counts at all, only the criteria that received a black ball
 * (with one black ball blocking, the verdict itself says that someone cast one: that is the rule
 * of the grid, and every member is told so when invited).
 */
final class EthicsRounds {

  /**
   * The fewest answers whose counts are shown, as for check-in reports (checkin.CheckinReport's
   * SHOWN_FROM, DESIGN.md: "counts below 3 are never shown").
   */
  static final int SHOWN_FROM = 3;
  /** How long a round stays open, and when those who have not answered are reminded (as a stakes round's defaults). */
  static final java.time.Duration OPEN_FOR = java.time.Duration.ofDays(7);
  static final java.time.Duration REMINDER_AFTER = java.time.Duration.ofHours(48);
  static final String REMIND = "ethics.remind";
  static final String CLOSE = "ethics.close";
  private static final int LONGEST_FEELINGS = 6_000;

  private EthicsRounds() {}

  /** Opens a round on the project and asks its members; false (the coordinator was told why) when it could not. */
  static boolean open(TurnContext t, Project project, String subject) throws Exception {
    Connection c = t.connection();
    EthicsGrids.lockProject(c, project.id());
    if (EthicsGrids.openOn(c, project.id()) != null) {
      t.say(ProjectMsg.ETHICS_ALREADY_OPEN, "name", project.name());
      return false;
    }
    List<Member> asked = new ArrayList<>();
    for (String id : Projects.members(c, project.id())) {
      Member m = Members.find(c, t.collectiveId(), id);
      if (m != null && Members.withdrawnAt(c, t.collectiveId(), id) == null) {
        asked.add(m);
      }
    }
    if (asked.isEmpty()) {
      t.say(ProjectMsg.ETHICS_NO_MEMBERS, "name", project.name());
      return false;
    }
    java.time.Instant deadline = t.now().plus(OPEN_FOR);
    long grid = EthicsGrids.open(c, project, subject, t.member().memberId(), t.now().toEpochMilli(), deadline.toEpochMilli(),
        EthicsCriteria.stored(c, t.collectiveId()));
    for (Member m : asked) {
      EthicsGrids.invite(c, grid, m.memberId());
    }
    t.schedule(REMIND, t.now().plus(REMINDER_AFTER), org.trame.core.storage.Jobs.roundPayload(grid));
    t.schedule(CLOSE, deadline, org.trame.core.storage.Jobs.roundPayload(grid));
    t.say(ProjectMsg.ETHICS_OPENED, "name", project.name(), "count", asked.size(), "deadline",
        org.trame.core.i18n.Moment.utc(deadline.toEpochMilli()));
    List<Member> coordinators = Members.coordinators(c, t.collectiveId());
    for (Member m : asked) {
      TurnContext theirs = m.memberId().equals(t.member().memberId()) ? t
          : t.as(m, coordinators.stream().anyMatch(x -> x.memberId().equals(m.memberId())), t.lang());
      if (Conversations.openIn(c, t.collectiveId(), m.memberId(), EthicsFlow.FLOW) != null) {
        theirs.say(ProjectMsg.ETHICS_WAITING, "project", project.name());
      } else {
        begin(theirs, EthicsGrids.find(c, grid));
      }
    }
    return true;
  }

  /** Invites the member of {@code theirs} and starts their grid conversation (its first step binds it to the round). */
  static void begin(TurnContext theirs, EthicsGrids.Grid grid) throws Exception {
    theirs.say(ProjectMsg.ETHICS_INVITE, "project", grid.projectName(), "subject", subject(theirs.texts(), grid, theirs.lang()),
        "deadline", org.trame.core.i18n.Moment.utc(grid.deadlineAt()));
    theirs.flows().start(theirs, EthicsFlow.FLOW);
  }

  static String subject(Texts texts, EthicsGrids.Grid grid, Lang lang) {
    return grid.subject() == null ? texts.get(ProjectMsg.ETHICS_SUBJECT_PROJECT, lang)
        : texts.get(ProjectMsg.ETHICS_SUBJECT, lang, "subject", grid.subject());
  }

  /** Reminds, once, those asked who began the round's conversation and have neither finished nor declined. */
  static void remind(TurnContext t, long gridId) throws Exception {
    Connection c = t.connection();
    EthicsGrids.Grid grid = EthicsGrids.find(c, gridId);
    if (grid == null || grid.closedAt() != null) {
      return;
    }
    for (EthicsGrids.Invitee i : EthicsGrids.invitees(c, gridId)) {
      if (!i.pending() || i.remindedAt() != null || i.conversationId() == null) {
        continue; // one waiting behind another round is asked when that one is done
      }
      Conversation open = Conversations.find(c, i.conversationId());
      Member m = open != null && open.status().open() ? Members.find(c, t.collectiveId(), i.memberId()) : null;
      if (m != null && Members.withdrawnAt(c, t.collectiveId(), m.memberId()) == null) {
        TurnContext theirs = t.as(m, false, t.lang());
        theirs.say(ProjectMsg.ETHICS_REMINDER, "project", grid.projectName(), "deadline",
            org.trame.core.i18n.Moment.utc(grid.deadlineAt()));
        if (EthicsFlow.VOTE.id().equals(open.state().step) && !open.state().awaitingSharing) {
          // the question alone does not say which criterion it is about
          List<EthicsCriteria.Criterion> criteria = EthicsGrids.criteria(c, gridId);
          int number = Math.min(EthicsGrids.votes(c, gridId, m.memberId()) + 1, criteria.size());
          theirs.say(ProjectMsg.ETHICS_CRITERION, "number", number, "count", criteria.size(), "criterion",
              org.trame.core.i18n.Texts.oneLine(criteria.get(number - 1).in(theirs.lang()), EthicsCriteria.LONGEST));
        }
        theirs.flows().remind(theirs, open);
        EthicsGrids.reminded(c, gridId, m.memberId(), t.now().toEpochMilli());
      }
    }
  }

  /** Closes the round when nobody is left to answer. */
  static void closeIfComplete(TurnContext t, EthicsGrids.Grid grid) throws Exception {
    if (grid.closedAt() == null && EthicsGrids.lockOpen(t.connection(), grid.id())
        && EthicsGrids.invitees(t.connection(), grid.id()).stream().noneMatch(EthicsGrids.Invitee::pending)) {
      close(t, grid);
    }
  }

  /** Closes the round now: unfinished conversations stop (their positions are not counted), and the verdict goes out. */
  static void close(TurnContext t, EthicsGrids.Grid grid) throws Exception {
    Connection c = t.connection();
    if (!EthicsGrids.lockOpen(c, grid.id())) {
      return; // closed meanwhile, by another process
    }
    List<EthicsGrids.Tally> tallies = EthicsGrids.tallies(c, grid.id());
    List<EthicsGrids.Invitee> invitees = EthicsGrids.invitees(c, grid.id());
    int answered = (int) invitees.stream().filter(i -> i.answeredAt() != null).count();
    boolean blocked = tallies.stream().anyMatch(k -> k.blackBall() > 0);
    EthicsGrids.close(c, grid.id(), blocked, t.now().toEpochMilli());
    org.trame.core.storage.Jobs.cancel(c, t.collectiveId(), REMIND, org.trame.core.storage.Jobs.roundPayload(grid.id()),
        t.now().toEpochMilli());
    org.trame.core.storage.Jobs.cancel(c, t.collectiveId(), CLOSE, org.trame.core.storage.Jobs.roundPayload(grid.id()),
        t.now().toEpochMilli());
    for (EthicsGrids.Invitee i : invitees) {
      Conversation open = i.pending() && i.conversationId() != null ? Conversations.find(c, i.conversationId()) : null;
      Member m = open != null && open.status().open() ? Members.find(c, t.collectiveId(), i.memberId()) : null;
      if (m != null) {
        TurnContext theirs = t.as(m, false, t.lang());
        theirs.say(ProjectMsg.ETHICS_CLOSED_UNFINISHED, "name", grid.projectName());
        theirs.flows().cancel(theirs, open);
      }
    }
    Verdict verdict = new Verdict(t.texts(), grid, tallies, invitees.size(), answered, blocked);
    List<Member> coordinators = Members.coordinators(c, t.collectiveId());
    List<String> told = new ArrayList<>();
    for (Member coordinator : coordinators) {
      TurnContext theirs = t.asCoordinator(coordinator);
      theirs.say(verdict.write(theirs.lang(), readable(c, theirs.requester(), grid)));
      told.add(coordinator.memberId());
    }
    for (String id : Projects.members(c, grid.projectId())) {
      Member m = told.contains(id) ? null : Members.find(c, t.collectiveId(), id);
      if (m != null && Members.withdrawnAt(c, t.collectiveId(), id) == null) {
        TurnContext theirs = t.as(m, false, t.lang());
        theirs.say(verdict.write(theirs.lang(), readable(c, theirs.requester(), grid)));
      }
    }
    if (answered >= SHOWN_FROM) {
      t.post(verdict.write(t.lang(), readable(c, Requester.channel(t.collectiveId()), grid)));
    }
  }

  /** The feelings {@code reader} may read: shared ones only (never a private one, even its author's), as far as the access point allows. */
  private static List<String> readable(Connection c, Requester reader, EthicsGrids.Grid grid) throws Exception {
    List<String> out = new ArrayList<>();
    for (EthicsGrids.Feeling f : EthicsGrids.feelings(c, grid.id(), List.of(Access.COLLECTIVE, Access.COORDINATORS))) {
      if (Access.read(reader, grid.collectiveId(), f.memberId(), f.sharing()).allowed()
          && (Access.COLLECTIVE.equals(f.sharing()) || reader.coordinator())) {
        out.add(f.text());
      }
    }
    return out;
  }

  /** The verdict of a closed round, written for one reader. */
  private record Verdict(Texts texts, EthicsGrids.Grid grid, List<EthicsGrids.Tally> tallies, int invited, int answered,
      boolean blocked) {

    String write(Lang lang, List<String> feelings) {
      StringBuilder sb = new StringBuilder(texts.get(ProjectMsg.ETHICS_VERDICT_HEADER, lang, "project", grid.projectName(),
          "subject", subject(texts, grid, lang)));
      sb.append('\n').append(texts.get(ProjectMsg.ETHICS_VERDICT_PARTICIPATION, lang, "answered", answered, "invited", invited));
      if (answered == 0) {
        sb.append('\n').append(texts.get(ProjectMsg.ETHICS_VERDICT_NOBODY, lang));
        return sb.toString();
      }
      sb.append('\n').append(texts.get(blocked ? ProjectMsg.ETHICS_VERDICT_BLOCKED : ProjectMsg.ETHICS_VERDICT_CLEAR, lang));
      if (answered >= SHOWN_FROM) {
        for (EthicsGrids.Tally k : tallies) {
          sb.append('\n').append(texts.get(ProjectMsg.ETHICS_VERDICT_COUNTS, lang, "criterion", Texts.oneLine(k.criterion().in(lang),
              EthicsCriteria.LONGEST), "ok", k.ok(), "black", k.blackBall(), "unsure", k.unsure()));
        }
      } else {
        sb.append('\n').append(texts.get(ProjectMsg.ETHICS_VERDICT_FEW, lang, "least", SHOWN_FROM));
        for (EthicsGrids.Tally k : tallies) {
          if (k.blackBall() > 0) {
            sb.append('\n').append(texts.get(ProjectMsg.ETHICS_VERDICT_WEIGHED, lang, "criterion",
                Texts.oneLine(k.criterion().in(lang), EthicsCriteria.LONGEST)));
          }
        }
      }
      if (!feelings.isEmpty()) {
        sb.append('\n').append(texts.get(ProjectMsg.ETHICS_VERDICT_FEELINGS, lang));
        int length = 0;
        for (String f : feelings) {
          String line = lang == Lang.FR ? "\n• « " + Texts.oneLine(f, 1000) + " »" : "\n• \"" + Texts.oneLine(f, 1000) + "\"";
          if (length + line.length() > LONGEST_FEELINGS) {
            sb.append("\n• …");
            break;
          }
          length += line.length();
          sb.append(line);
        }
      }
      if (blocked) {
        sb.append('\n').append(texts.get(ProjectMsg.ETHICS_VERDICT_WITHDRAW, lang, "project", grid.projectName()));
      }
      return sb.toString();
    }
  }
}
