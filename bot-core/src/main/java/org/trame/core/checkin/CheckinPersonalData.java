package org.trame.core.checkin;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trame.core.personaldata.PersonalDataContribution;
import org.trame.core.personaldata.Rows;
import org.trame.core.personaldata.Written;
import org.trame.core.storage.Sql;

/**
 * Check-ins seen from one member. Their answers are stored without them, under a keyed tag only the
 * bot's key links to them (org.trame.core.privacy.Pseudonyms): found through it for their export,
 * cut loose from it at their erasure (the remark goes with the tag, the scores stay in the round's
 * figures, already published). That they were asked stays for the round, under a random token.
 */
public final class CheckinPersonalData implements PersonalDataContribution {

  @Override
  public List<Table> tables() {
    return List.of(Table.of("checkin_invitee", "member_id"), Table.of("checkin_answer", "author_tag"),
        Table.of("checkin_snooze", "member_id"), Table.of("checkin_schedule", "set_by"));
  }

  /** The member's tag in every round of the collective, by round id. */
  private static Map<Long, String> tags(Subject m) throws SQLException {
    Map<Long, String> tags = new LinkedHashMap<>();
    try (ResultSet rs = Sql.query(m.connection(), "SELECT id FROM checkin_round WHERE collective_id = ? ORDER BY id",
        m.collectiveId()).executeQuery()) {
      while (rs.next()) {
        tags.put(rs.getLong(1), m.tag(rs.getLong(1)));
      }
    }
    return tags;
  }

  @Override
  public void export(Subject m, Map<String, List<Map<String, Object>>> s) throws SQLException {
    Connection c = m.connection();
    String k = m.collectiveId();
    String memberId = m.memberId();
    s.put("checkin_invitations", Rows.of(c, "SELECT i.round_id, i.time_zone, i.ask_at, i.asked_at, i.answered_at,"
        + " i.skipped_at, i.reminded_at FROM checkin_invitee i JOIN checkin_round r ON r.id = i.round_id"
        + " WHERE r.collective_id = ? AND i.member_id = ? ORDER BY i.round_id", k, memberId));
    List<Map<String, Object>> answers = new ArrayList<>();
    for (Map.Entry<Long, String> t : tags(m).entrySet()) {
      answers.addAll(Rows.of(c, "SELECT a.round_id, r.opened_at, a.alignment, a.engagement, a.fairness, a.trust, a.remark"
          + " FROM checkin_answer a JOIN checkin_round r ON r.id = a.round_id WHERE a.round_id = ? AND a.author_tag = ?",
          t.getKey(), t.getValue()));
    }
    s.put("checkin_answers", answers);
    s.put("checkin_snooze", Rows.of(c, "SELECT until_date FROM checkin_snooze WHERE collective_id = ? AND member_id = ?",
        k, memberId));
    s.put("checkin_schedule_set", Rows.of(c, "SELECT cron, time_zone, updated_at FROM checkin_schedule"
        + " WHERE collective_id = ? AND set_by = ?", k, memberId));
  }

  /** The remarks the member let reports show: a report still in the outbox may quote them. */
  @Override
  public void written(Subject m, Written texts) throws SQLException {
    for (Map.Entry<Long, String> t : tags(m).entrySet()) {
      try (ResultSet rs = Sql.query(m.connection(), "SELECT remark FROM checkin_answer WHERE round_id = ? AND author_tag = ?"
          + " AND remark IS NOT NULL", t.getKey(), t.getValue()).executeQuery()) {
        while (rs.next()) {
          texts.add(rs.getString(1));
        }
      }
    }
  }

  @Override
  public void erase(Forgetting f) throws SQLException {
    Connection c = f.connection();
    String k = f.collectiveId();
    for (Map.Entry<Long, String> t : tags(f.member()).entrySet()) {
      Sql.update(c, "UPDATE checkin_answer SET remark = NULL, author_tag = NULL WHERE round_id = ? AND author_tag = ?",
          t.getKey(), t.getValue());
    }
    Sql.update(c, "UPDATE checkin_invitee SET member_id = ?, conversation_id = NULL WHERE member_id = ?"
        + " AND round_id IN (SELECT id FROM checkin_round WHERE collective_id = ?)", f.token(), f.memberId(), k);
    Sql.update(c, "DELETE FROM checkin_snooze WHERE collective_id = ? AND member_id = ?", k, f.memberId());
    Sql.update(c, "UPDATE checkin_schedule SET set_by = ? WHERE collective_id = ? AND set_by = ?", f.token(), k, f.memberId());
  }

  /** Past retention an answer keeps its scores only: no words, and no tag that could lead back to its author. */
  @Override
  public List<Purged> retain(Expiry e) throws SQLException {
    int answers = Sql.update(e.connection(), "UPDATE checkin_answer SET remark = NULL, author_tag = NULL"
        + " WHERE (remark IS NOT NULL OR author_tag IS NOT NULL) AND round_id IN"
        + " (SELECT id FROM checkin_round WHERE collective_id = ? AND status <> 'open' AND closed_at < ?)", e.collectiveId(),
        e.cutoff());
    return List.of(new Purged(answers, "check-in answers"));
  }
}
