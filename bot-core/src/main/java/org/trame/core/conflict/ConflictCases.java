package org.trame.core.conflict;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.trame.core.storage.Sql;

/** Conflict cases, their parties, solutions, ratings and action plans, as rows. */
final class ConflictCases {

  record Case(long id, String collectiveId, String openedBy, String topic, String nature, Phase phase, int phaseSeq,
      int round, int stepDays, Long deadlineAt, Integer nudgedSeq, String decision, Long reviewAt, String goal, int listenRound,
      String project) {

    boolean valuePath() {
      return "value".equals(nature);
    }
  }

  record Party(long caseId, String memberId, String status, Long conversationId, Integer answeredSeq,
      String proposedNature, Integer proposedSheet, String nature, Integer sheet, Integer stepDays, String needsDraft,
      String needs, String accepted, String decisionText, Long reviewAt, String review, String valueAnswers,
      String restates, String restatement, int recognition, String correction, String goalText, Integer planOk,
      String planRemark, String conviction, String needPart, String stance, String stanceText) {

    /** Whether the party recognised themselves in the restatement of their words (see {@link Listening}). */
    boolean recognised() {
      return recognition >= Listening.RECOGNISED;
    }

    boolean active() {
      return "invited".equals(status) || "active".equals(status);
    }
  }

  record Solution(long id, int round, String text) {}

  /** A solution with its mean marks over the parties who rated it, and their words on its advantages and drawbacks. */
  record Ranked(Solution solution, double feasibility, double relevance, double impact, int raters, List<String> remarks) {
    double score() {
      return feasibility + relevance + impact;
    }
  }

  record Action(String what, String owner, String dueDate, String resources, String obstacles) {}

  /** Columns of conflict_party a caller may set: anything else is a programming error. */
  private static final Set<String> PARTY_COLUMNS = Set.of("status", "conversation_id", "answered_seq", "proposed_nature",
      "proposed_sheet", "nature", "sheet", "step_days", "needs_draft", "needs", "accepted", "decision_text", "review_at",
      "review", "review_note", "value_answers", "restates", "restatement", "recognised", "correction", "goal_text", "plan_ok",
      "plan_remark", "conviction", "need_part", "stance", "stance_text");

  private static final String CASE_COLUMNS = "id, collective_id, opened_by, topic, nature, phase, phase_seq, round, step_days,"
      + " phase_deadline_at, nudged_seq, decision, review_at, goal, listen_round, project";
  private static final String PARTY_COLUMNS_READ = "case_id, member_id, status, conversation_id, answered_seq, proposed_nature,"
      + " proposed_sheet, nature, sheet, step_days, needs_draft, needs, accepted, decision_text, review_at, review, value_answers,"
      + " restates, restatement, recognised, correction, goal_text, plan_ok, plan_remark, conviction, need_part, stance, stance_text";

  private ConflictCases() {}

  static long open(Connection c, String collectiveId, String openedBy, String topic, List<String> parties, long now)
      throws SQLException {
    long id;
    try (ResultSet rs = Sql.query(c, "INSERT INTO conflict_case (collective_id, opened_by, topic, phase, opened_at)"
        + " VALUES (?, ?, ?, ?, ?) RETURNING id", collectiveId, openedBy, topic, Phase.INVITE.word(), now).executeQuery()) {
      rs.next();
      id = rs.getLong(1);
    }
    for (String p : parties) {
      Sql.update(c, "INSERT INTO conflict_party (case_id, member_id, status) VALUES (?, ?, 'invited')", id, p);
    }
    return id;
  }

  static Case find(Connection c, long id) throws SQLException {
    try (ResultSet rs = Sql.query(c, "SELECT " + CASE_COLUMNS + " FROM conflict_case WHERE id = ?", id).executeQuery()) {
      return rs.next() ? readCase(rs) : null;
    }
  }

  /** The collective's cases not closed yet, oldest first. */
  static List<Case> open(Connection c, String collectiveId) throws SQLException {
    List<Case> list = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, "SELECT " + CASE_COLUMNS + " FROM conflict_case WHERE collective_id = ? AND closed_at IS NULL"
        + " ORDER BY id", collectiveId).executeQuery()) {
      while (rs.next()) {
        list.add(readCase(rs));
      }
    }
    return list;
  }

  /** The open case in which the member is still a party, if any. */
  static Long openCaseOf(Connection c, String collectiveId, String memberId) throws SQLException {
    try (ResultSet rs = Sql.query(c, "SELECT k.id FROM conflict_case k JOIN conflict_party p ON p.case_id = k.id"
        + " WHERE k.collective_id = ? AND k.closed_at IS NULL AND p.member_id = ? AND p.status IN ('invited', 'active')"
        + " LIMIT 1", collectiveId, memberId).executeQuery()) {
      return rs.next() ? rs.getLong(1) : null;
    }
  }

  private static Case readCase(ResultSet rs) throws SQLException {
    return new Case(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        Phase.of(rs.getString(6)), rs.getInt(7), rs.getInt(8), rs.getInt(9), Sql.longOrNull(rs, 10), Sql.intOrNull(rs, 11),
        rs.getString(12), Sql.longOrNull(rs, 13), rs.getString(14), rs.getInt(15), rs.getString(16));
  }

  /** Moves the case to {@code phase}; the sequence number makes jobs of the phase left behind do nothing. */
  static int enter(Connection c, long caseId, Phase phase, Long deadlineAt) throws SQLException {
    Sql.update(c, "UPDATE conflict_case SET phase = ?, phase_seq = phase_seq + 1, phase_deadline_at = ?, nudged_seq = NULL"
        + " WHERE id = ?", phase.word(), deadlineAt, caseId);
    return find(c, caseId).phaseSeq();
  }

  static void set(Connection c, long caseId, String column, Object value) throws SQLException {
    if (!Set.of("nature", "round", "step_days", "phase_deadline_at", "nudged_seq", "decision", "review_at", "goal", "listen_round",
        "project").contains(column)) {
      throw new IllegalArgumentException("conflict_case has no settable column " + column);
    }
    Sql.update(c, "UPDATE conflict_case SET " + column + " = ? WHERE id = ?", value, caseId);
  }

  static void close(Connection c, long caseId, String outcome, long now) throws SQLException {
    Sql.update(c, "UPDATE conflict_case SET phase = ?, phase_seq = phase_seq + 1, phase_deadline_at = NULL, outcome = ?,"
        + " closed_at = ? WHERE id = ?", Phase.CLOSED.word(), outcome, now, caseId);
  }

  static List<Party> parties(Connection c, long caseId) throws SQLException {
    List<Party> list = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, "SELECT " + PARTY_COLUMNS_READ + " FROM conflict_party WHERE case_id = ? ORDER BY rowid",
        caseId).executeQuery()) {
      while (rs.next()) {
        list.add(readParty(rs));
      }
    }
    return list;
  }

  /** The party whose current conversation this is, or null when it belongs to no case. */
  static Party byConversation(Connection c, long conversationId) throws SQLException {
    try (ResultSet rs = Sql.query(c, "SELECT " + PARTY_COLUMNS_READ + " FROM conflict_party WHERE conversation_id = ?",
        conversationId).executeQuery()) {
      return rs.next() ? readParty(rs) : null;
    }
  }

  private static Party readParty(ResultSet rs) throws SQLException {
    return new Party(rs.getLong(1), rs.getString(2), rs.getString(3), Sql.longOrNull(rs, 4), Sql.intOrNull(rs, 5), rs.getString(6),
        Sql.intOrNull(rs, 7), rs.getString(8), Sql.intOrNull(rs, 9), Sql.intOrNull(rs, 10), rs.getString(11), rs.getString(12),
        rs.getString(13), rs.getString(14), Sql.longOrNull(rs, 15), rs.getString(16), rs.getString(17), rs.getString(18),
        rs.getString(19), rs.getInt(20), rs.getString(21), rs.getString(22), Sql.intOrNull(rs, 23), rs.getString(24),
        rs.getString(25), rs.getString(26), rs.getString(27), rs.getString(28));
  }

  static void setParty(Connection c, long caseId, String memberId, String column, Object value) throws SQLException {
    if (!PARTY_COLUMNS.contains(column)) {
      throw new IllegalArgumentException("conflict_party has no settable column " + column);
    }
    Sql.update(c, "UPDATE conflict_party SET " + column + " = ? WHERE case_id = ? AND member_id = ?", value, caseId, memberId);
  }

  static long addSolution(Connection c, long caseId, int round, String text, String by, long now) throws SQLException {
    try (ResultSet rs = Sql.query(c, "INSERT INTO conflict_solution (case_id, round, text, added_by, created_at)"
        + " VALUES (?, ?, ?, ?, ?) RETURNING id", caseId, round, text, by, now).executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Takes back an idea the member proposed; returns its text, or null when there was none. */
  static String withdrawSolution(Connection c, long solutionId, String memberId) throws SQLException {
    String text = null;
    try (ResultSet rs = Sql.query(c, "SELECT text FROM conflict_solution WHERE id = ? AND added_by = ?", solutionId, memberId)
        .executeQuery()) {
      if (rs.next()) {
        text = rs.getString(1);
      }
    }
    Sql.update(c, "DELETE FROM conflict_solution WHERE id = ? AND added_by = ?", solutionId, memberId);
    return text;
  }

  /** Takes back the member's marks for a solution; returns them as typed ("4 5 3"), or null when there were none. */
  static String unrate(Connection c, long solutionId, String memberId) throws SQLException {
    String marks = null;
    try (ResultSet rs = Sql.query(c, "SELECT feasibility, relevance, impact FROM conflict_rating WHERE solution_id = ? AND member_id = ?",
        solutionId, memberId).executeQuery()) {
      if (rs.next()) {
        marks = rs.getInt(1) + " " + rs.getInt(2) + " " + rs.getInt(3);
      }
    }
    Sql.update(c, "DELETE FROM conflict_rating WHERE solution_id = ? AND member_id = ?", solutionId, memberId);
    return marks;
  }

  /** Takes back a plan step the member added. */
  static void removeAction(Connection c, long actionId, String memberId) throws SQLException {
    Sql.update(c, "DELETE FROM conflict_action WHERE id = ? AND added_by = ?", actionId, memberId);
  }

  static int solutionsAddedBy(Connection c, long caseId, int round, String memberId) throws SQLException {
    try (ResultSet rs = Sql.query(c, "SELECT count(*) FROM conflict_solution WHERE case_id = ? AND round = ? AND added_by = ?",
        caseId, round, memberId).executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static List<Solution> solutions(Connection c, long caseId) throws SQLException {
    List<Solution> list = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, "SELECT id, round, text FROM conflict_solution WHERE case_id = ? ORDER BY id", caseId)
        .executeQuery()) {
      while (rs.next()) {
        list.add(new Solution(rs.getLong(1), rs.getInt(2), rs.getString(3)));
      }
    }
    return list;
  }

  /** The solutions the member has not rated yet, in the order they were given. */
  static List<Solution> unrated(Connection c, long caseId, String memberId) throws SQLException {
    List<Solution> list = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, "SELECT s.id, s.round, s.text FROM conflict_solution s WHERE s.case_id = ? AND NOT EXISTS"
        + " (SELECT 1 FROM conflict_rating r WHERE r.solution_id = s.id AND r.member_id = ?) ORDER BY s.id", caseId, memberId)
        .executeQuery()) {
      while (rs.next()) {
        list.add(new Solution(rs.getLong(1), rs.getInt(2), rs.getString(3)));
      }
    }
    return list;
  }

  /** A party's marks for a solution, with their short word on its advantages and drawbacks if they gave one. */
  static void rate(Connection c, long solutionId, String memberId, int feasibility, int relevance, int impact, String remark)
      throws SQLException {
    Sql.update(c, "INSERT INTO conflict_rating (solution_id, member_id, feasibility, relevance, impact, remark) VALUES (?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (solution_id, member_id) DO UPDATE SET feasibility = excluded.feasibility,"
        + " relevance = excluded.relevance, impact = excluded.impact, remark = excluded.remark", solutionId, memberId, feasibility,
        relevance, impact, remark);
  }

  /**
   * The words on each solution's advantages and drawbacks of the parties still taking part, by
   * solution, without their authors (ordered by member, not by time, so that the order tells nothing
   * either). One query for the whole ranking.
   */
  private static java.util.Map<Long, List<String>> remarks(Connection c, long caseId) throws SQLException {
    java.util.Map<Long, List<String>> bySolution = new java.util.HashMap<>();
    try (ResultSet rs = Sql.query(c, "SELECT r.solution_id, r.remark FROM conflict_rating r JOIN conflict_solution s ON s.id = r.solution_id"
        + " WHERE s.case_id = ? AND r.remark IS NOT NULL AND r.member_id IN"
        + " (SELECT p.member_id FROM conflict_party p WHERE p.case_id = ? AND p.status = 'active') ORDER BY r.solution_id, r.member_id",
        caseId, caseId).executeQuery()) {
      while (rs.next()) {
        bySolution.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
      }
    }
    return bySolution;
  }

  /**
   * Every solution of the case, best first: by the sum of the mean marks, then the earliest given.
   * Only the marks of parties still taking part count: one who left is no longer heard.
   */
  static List<Ranked> ranking(Connection c, long caseId) throws SQLException {
    List<Ranked> list = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, "SELECT s.id, s.round, s.text, coalesce(avg(r.feasibility), 0), coalesce(avg(r.relevance), 0),"
        + " coalesce(avg(r.impact), 0), count(r.member_id) FROM conflict_solution s LEFT JOIN conflict_rating r ON r.solution_id = s.id"
        + " AND r.member_id IN (SELECT p.member_id FROM conflict_party p WHERE p.case_id = ? AND p.status = 'active')"
        + " WHERE s.case_id = ? GROUP BY s.id ORDER BY coalesce(avg(r.feasibility) + avg(r.relevance) + avg(r.impact), 0) DESC, s.id",
        caseId, caseId).executeQuery()) {
      while (rs.next()) {
        list.add(new Ranked(new Solution(rs.getLong(1), rs.getInt(2), rs.getString(3)), rs.getDouble(4), rs.getDouble(5),
            rs.getDouble(6), rs.getInt(7), List.of()));
      }
    }
    java.util.Map<Long, List<String>> remarks = remarks(c, caseId);
    List<Ranked> withRemarks = new ArrayList<>();
    for (Ranked r : list) {
      withRemarks.add(new Ranked(r.solution(), r.feasibility(), r.relevance(), r.impact(), r.raters(),
          remarks.getOrDefault(r.solution().id(), List.of())));
    }
    return withRemarks;
  }

  static long addAction(Connection c, long caseId, int planSeq, Action a, String by, long now) throws SQLException {
    try (ResultSet rs = Sql.query(c, "INSERT INTO conflict_action (case_id, plan_seq, what, owner, due_date, resources, obstacles,"
        + " added_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", caseId, planSeq, a.what(), a.owner(), a.dueDate(),
        a.resources(), a.obstacles(), by, now)
        .executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static int stepsAddedBy(Connection c, long caseId, int planSeq, String memberId) throws SQLException {
    try (ResultSet rs = Sql.query(c, "SELECT count(*) FROM conflict_action WHERE case_id = ? AND plan_seq = ? AND added_by = ?",
        caseId, planSeq, memberId).executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** The phase in which the latest plan was written, or 0 when there is none. */
  static int planSeq(Connection c, long caseId) throws SQLException {
    try (ResultSet rs = Sql.query(c, "SELECT coalesce(max(plan_seq), 0) FROM conflict_action WHERE case_id = ?", caseId)
        .executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** The latest action plan, by due date. */
  static List<Action> plan(Connection c, long caseId) throws SQLException {
    List<Action> list = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, "SELECT what, owner, due_date, resources, obstacles FROM conflict_action WHERE case_id = ? AND plan_seq ="
        + " (SELECT max(plan_seq) FROM conflict_action WHERE case_id = ?) ORDER BY due_date, id", caseId, caseId).executeQuery()) {
      while (rs.next()) {
        list.add(new Action(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
      }
    }
    return list;
  }

  static void request(Connection c, String collectiveId, String memberId, String message, long now) throws SQLException {
    Sql.update(c, "INSERT INTO conflict_request (collective_id, member_id, message, created_at) VALUES (?, ?, ?, ?)",
        collectiveId, memberId, message, now);
  }
}
