package org.trame.core.checkin;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.trame.core.storage.Sql;

/** Check-in schedules, rounds, invitees, answers and snoozes as rows. */
final class CheckinStore {

  record Schedule(String collectiveId, String cron, String timeZone, boolean paused) {}

  record Round(long id, String collectiveId, String occurrence, long dueAt, String status, boolean anonymous, Long openedAt,
      Long deadlineAt, Long closedAt) {

    boolean open() {
      return "open".equals(status);
    }

    boolean manual() {
      return occurrence.startsWith(MANUAL);
    }
  }

  record Invitee(long roundId, String memberId, String timeZone, long askAt, Long askedAt, Long conversationId, Long answeredAt,
      Long skippedAt, Long remindedAt) {

    /** Neither answered nor said they would skip: what "silent" means. */
    boolean silent() {
      return answeredAt == null && skippedAt == null;
    }
  }

  /** One member's answers, without the member. Any score may be null (the flow was left early). */
  record Answers(Integer alignment, Integer engagement, Integer fairness, Integer trust, String remark) {}

  /** The occurrence prefix of a round opened by hand ({@code checkin now}). */
  static final String MANUAL = "now-";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ROUND_COLUMNS = "id, collective_id, occurrence, due_at, status, anonymous, opened_at, deadline_at, closed_at";
  private static final String INVITEE_COLUMNS = "round_id, member_id, time_zone, ask_at, asked_at, conversation_id, answered_at,"
      + " skipped_at, reminded_at";

  private CheckinStore() {}

  // --- schedules

  static Schedule schedule(Connection c, String collectiveId) throws SQLException {
    try (ResultSet rs = Sql.query(c, "SELECT cron, time_zone, paused FROM checkin_schedule WHERE collective_id = ?", collectiveId)
        .executeQuery()) {
      return rs.next() ? new Schedule(collectiveId, rs.getString(1), rs.getString(2), rs.getInt(3) == 1) : null;
    }
  }

  static void saveSchedule(Connection c, String collectiveId, String cron, String zone, String by, long now) throws SQLException {
    Sql.update(c, "INSERT INTO checkin_schedule (collective_id, cron, time_zone, paused, set_by, updated_at) VALUES (?, ?, ?, 0, ?, ?)"
        + " ON CONFLICT (collective_id) DO UPDATE SET cron = excluded.cron, time_zone = excluded.time_zone, paused = 0,"
        + " set_by = excluded.set_by, updated_at = excluded.updated_at", collectiveId, cron, zone, by, now);
  }

  static void setPaused(Connection c, String collectiveId, boolean paused, long now) throws SQLException {
    Sql.update(c, "UPDATE checkin_schedule SET paused = ?, updated_at = ? WHERE collective_id = ?", paused ? 1 : 0, now, collectiveId);
  }

  /** Cancels the pending jobs of one kind for the collective, whatever their payload. */
  static void cancelJobs(Connection c, String collectiveId, String kind, long now) throws SQLException {
    Sql.update(c, "UPDATE scheduled_job SET done_at = ? WHERE collective_id = ? AND kind = ? AND done_at IS NULL", now, collectiveId, kind);
  }

  /** Cancels the pending jobs of the given kinds whose payload names this round. */
  static void cancelRoundJobs(Connection c, String collectiveId, long roundId, long now) throws SQLException {
    Sql.update(c, "UPDATE scheduled_job SET done_at = ? WHERE collective_id = ? AND kind LIKE 'checkin.%' AND kind <> ?"
        + " AND done_at IS NULL AND " + (Sql.isPostgresql(c) ? "CAST(CAST(payload AS jsonb) ->> 'round' AS BIGINT)"
        : "json_extract(payload, '$.round')") + " = ?", now, collectiveId, CheckinRounds.OPEN, roundId);
  }

  /** When the next scheduled round is due, or null. */
  static Long nextOpenDue(Connection c, String collectiveId) throws SQLException {
    try (ResultSet rs = Sql.query(c, "SELECT MIN(due_at) FROM scheduled_job WHERE collective_id = ? AND kind = ? AND done_at IS NULL",
        collectiveId, CheckinRounds.OPEN).executeQuery()) {
      return rs.next() ? Sql.longOrNull(rs, 1) : null;
    }
  }

  /** The pending occurrence job's payload (the next scheduled round), or null when none is planned. */
  static String nextOpenPayload(Connection c, String collectiveId) throws SQLException {
    try (ResultSet rs = Sql.query(c, "SELECT payload FROM scheduled_job WHERE collective_id = ? AND kind = ? AND done_at IS NULL"
        + " ORDER BY due_at, id LIMIT 1", collectiveId, CheckinRounds.OPEN).executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  // --- rounds

  /** Creates the round of an occurrence; null when that occurrence already has one (never twice). */
  static Round createRound(Connection c, String collectiveId, String occurrence, long dueAt, String status, boolean anonymous)
      throws SQLException {
    try (ResultSet rs = Sql.query(c, "INSERT INTO checkin_round (collective_id, occurrence, due_at, status, anonymous)"
        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (collective_id, occurrence) DO NOTHING RETURNING id",
        collectiveId, occurrence, dueAt, status, anonymous ? 1 : 0).executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      return new Round(rs.getLong(1), collectiveId, occurrence, dueAt, status, anonymous, null, null, null);
    }
  }

  static boolean hasRound(Connection c, String collectiveId, String occurrence) throws SQLException {
    try (ResultSet rs = Sql.query(c, "SELECT 1 FROM checkin_round WHERE collective_id = ? AND occurrence = ?", collectiveId, occurrence)
        .executeQuery()) {
      return rs.next();
    }
  }

  /** How many occurrences from {@code first} to {@code last} (schedule keys, which sort as times) are recorded missed. */
  static int missedBetween(Connection c, String collectiveId, String first, String last) throws SQLException {
    try (ResultSet rs = Sql.query(c, "SELECT COUNT(*) FROM checkin_round WHERE collective_id = ? AND status = 'missed'"
        + " AND occurrence >= ? AND occurrence <= ?", collectiveId, first, last).executeQuery()) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  static void markOpened(Connection c, long roundId, long openedAt, long deadlineAt) throws SQLException {
    Sql.update(c, "UPDATE checkin_round SET opened_at = ?, deadline_at = ? WHERE id = ?", openedAt, deadlineAt, roundId);
  }

  static void markClosed(Connection c, long roundId, long now) throws SQLException {
    Sql.update(c, "UPDATE checkin_round SET status = 'closed', closed_at = ? WHERE id = ?", now, roundId);
  }

  static Round round(Connection c, long id) throws SQLException {
    return oneRound(c, "SELECT " + ROUND_COLUMNS + " FROM checkin_round WHERE id = ?", id);
  }

  static Round openRound(Connection c, String collectiveId) throws SQLException {
    return oneRound(c, "SELECT " + ROUND_COLUMNS + " FROM checkin_round WHERE collective_id = ? AND status = 'open' ORDER BY id DESC LIMIT 1",
        collectiveId);
  }

  static Round lastClosed(Connection c, String collectiveId) throws SQLException {
    return oneRound(c, "SELECT " + ROUND_COLUMNS + " FROM checkin_round WHERE collective_id = ? AND status = 'closed'"
        + " ORDER BY closed_at DESC, id DESC LIMIT 1", collectiveId);
  }

  /** The closed rounds up to and including {@code upTo}, most recent last, at most {@code most}. */
  static List<Round> closedUpTo(Connection c, String collectiveId, long upTo, int most) throws SQLException {
    List<Round> rounds = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, "SELECT " + ROUND_COLUMNS + " FROM checkin_round WHERE collective_id = ? AND status = 'closed'"
        + " AND id <= ? ORDER BY id DESC LIMIT ?", collectiveId, upTo, most).executeQuery()) {
      while (rs.next()) {
        rounds.add(0, round(rs));
      }
    }
    return rounds;
  }

  private static Round oneRound(Connection c, String sql, Object... params) throws SQLException {
    try (ResultSet rs = Sql.query(c, sql, params).executeQuery()) {
      return rs.next() ? round(rs) : null;
    }
  }

  private static Round round(ResultSet rs) throws SQLException {
    return new Round(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getInt(6) == 1,
        Sql.longOrNull(rs, 7), Sql.longOrNull(rs, 8), Sql.longOrNull(rs, 9));
  }

  // --- invitees

  static void invite(Connection c, long roundId, String memberId, String zone, long askAt) throws SQLException {
    Sql.update(c, "INSERT INTO checkin_invitee (round_id, member_id, time_zone, ask_at) VALUES (?, ?, ?, ?)"
        + " ON CONFLICT (round_id, member_id) DO NOTHING", roundId, memberId, zone, askAt);
  }

  static void markAsked(Connection c, long roundId, String memberId, long conversationId, long now) throws SQLException {
    Sql.update(c, "UPDATE checkin_invitee SET asked_at = ?, conversation_id = ? WHERE round_id = ? AND member_id = ?",
        now, conversationId, roundId, memberId);
  }

  static void markAnswered(Connection c, long roundId, String memberId, long now) throws SQLException {
    Sql.update(c, "UPDATE checkin_invitee SET answered_at = ? WHERE round_id = ? AND member_id = ?", now, roundId, memberId);
  }

  static void markSkipped(Connection c, long roundId, String memberId, long now) throws SQLException {
    Sql.update(c, "UPDATE checkin_invitee SET skipped_at = ? WHERE round_id = ? AND member_id = ? AND answered_at IS NULL",
        now, roundId, memberId);
  }

  static void markReminded(Connection c, long roundId, String memberId, long now) throws SQLException {
    Sql.update(c, "UPDATE checkin_invitee SET reminded_at = ? WHERE round_id = ? AND member_id = ?", now, roundId, memberId);
  }

  static List<Invitee> invitees(Connection c, long roundId) throws SQLException {
    return invitees(c, "SELECT " + INVITEE_COLUMNS + " FROM checkin_invitee WHERE round_id = ? ORDER BY member_id", roundId);
  }

  static List<Invitee> inviteesIn(Connection c, long roundId, String zone) throws SQLException {
    return invitees(c, "SELECT " + INVITEE_COLUMNS + " FROM checkin_invitee WHERE round_id = ? AND time_zone = ? ORDER BY member_id",
        roundId, zone);
  }

  static Invitee invitee(Connection c, long roundId, String memberId) throws SQLException {
    List<Invitee> one = invitees(c, "SELECT " + INVITEE_COLUMNS + " FROM checkin_invitee WHERE round_id = ? AND member_id = ?",
        roundId, memberId);
    return one.isEmpty() ? null : one.get(0);
  }

  /** The invitee whose questions run in this conversation, or null. */
  static Invitee byConversation(Connection c, long conversationId) throws SQLException {
    List<Invitee> one = invitees(c, "SELECT " + INVITEE_COLUMNS + " FROM checkin_invitee WHERE conversation_id = ?", conversationId);
    return one.isEmpty() ? null : one.get(0);
  }

  private static List<Invitee> invitees(Connection c, String sql, Object... params) throws SQLException {
    List<Invitee> list = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, sql, params).executeQuery()) {
      while (rs.next()) {
        list.add(new Invitee(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), Sql.longOrNull(rs, 5), Sql.longOrNull(rs, 6),
            Sql.longOrNull(rs, 7), Sql.longOrNull(rs, 8), Sql.longOrNull(rs, 9)));
      }
    }
    return list;
  }

  // --- answers

  /**
   * Stores one member's answers under a random id, with no trace of who gave them but their keyed
   * tag for this round ({@code authorTag}), which only the key kept outside the database re-creates.
   */
  static void saveAnswers(Connection c, long roundId, Answers a, String authorTag) throws SQLException {
    Sql.update(c, "INSERT INTO checkin_answer (id, round_id, alignment, engagement, fairness, trust, remark, author_tag)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", RANDOM.nextLong() & Long.MAX_VALUE, roundId, a.alignment(), a.engagement(),
        a.fairness(), a.trust(), a.remark(), authorTag);
  }

  /** The platform a collective lives on (part of an author's tag). */
  static String platformOf(Connection c, String collectiveId) throws SQLException {
    try (ResultSet rs = Sql.query(c, "SELECT platform FROM collective WHERE id = ?", collectiveId).executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("no collective " + collectiveId);
      }
      return rs.getString(1);
    }
  }

  static List<Answers> answers(Connection c, long roundId) throws SQLException {
    List<Answers> list = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, "SELECT alignment, engagement, fairness, trust, remark FROM checkin_answer WHERE round_id = ?"
        + " ORDER BY id", roundId).executeQuery()) {
      while (rs.next()) {
        list.add(new Answers(Sql.intOrNull(rs, 1), Sql.intOrNull(rs, 2), Sql.intOrNull(rs, 3), Sql.intOrNull(rs, 4), rs.getString(5)));
      }
    }
    return list;
  }

  // --- snoozes

  static void snooze(Connection c, String collectiveId, String memberId, String untilDate) throws SQLException {
    Sql.update(c, "INSERT INTO checkin_snooze (collective_id, member_id, until_date) VALUES (?, ?, ?)"
        + " ON CONFLICT (collective_id, member_id) DO UPDATE SET until_date = excluded.until_date", collectiveId, memberId, untilDate);
  }

  /** The date from which the member is asked again, or null when not snoozed. */
  static String snoozedUntil(Connection c, String collectiveId, String memberId) throws SQLException {
    try (ResultSet rs = Sql.query(c, "SELECT until_date FROM checkin_snooze WHERE collective_id = ? AND member_id = ?",
        collectiveId, memberId).executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
