package org.trame.core.privacy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trame.core.port.Attachment;
import org.trame.core.storage.Json;

/**
 * Everything the bot holds about one member on one platform, across their collectives: the rows
 * themselves, so that the export is complete rather than a retelling. Check-in answers, stored
 * without their author, are found through the author's keyed tag (see {@link Pseudonyms}).
 */
final class PersonalData {

  static final String FILE_NAME = "mydata.json";

  /** One collective's part of the export: table-like sections, each a list of rows. */
  record Part(String collectiveId, Map<String, List<Map<String, Object>>> sections) {

    int count(String section) {
      return sections.getOrDefault(section, List.of()).size();
    }
  }

  private PersonalData() {}

  static List<Part> collect(Connection c, Pseudonyms key, String platform, String memberId) throws SQLException {
    List<Part> parts = new java.util.ArrayList<>();
    for (String k : Rows.collectivesOf(c, platform, memberId)) {
      Map<String, List<Map<String, Object>>> s = new LinkedHashMap<>();
      s.put("member", Rows.of(c, "SELECT member_id, display_name, lang, lang_source, time_zone, coordinator, created_at,"
          + " withdrawn_at FROM member WHERE collective_id = ? AND member_id = ?", k, memberId));
      s.put("conversations", Rows.of(c, "SELECT id, flow, step, status, state, started_at, updated_at FROM conversation"
          + " WHERE collective_id = ? AND member_id = ? ORDER BY id", k, memberId));
      s.put("stakes_answers", Rows.of(c, "SELECT version, question, answer, sharing, answered_at, round_id FROM stakes_answer"
          + " WHERE collective_id = ? AND member_id = ? ORDER BY version, id", k, memberId));
      s.put("stakes_rounds", Rows.of(c, "SELECT r.id AS round_id, r.opened_at, r.deadline_at, r.closed_at, m.answered_at,"
          + " m.reminded_at FROM stakes_round_member m JOIN stakes_round r ON r.id = m.round_id"
          + " WHERE r.collective_id = ? AND m.member_id = ? ORDER BY r.id", k, memberId));
      s.put("stakes_rounds_opened", Rows.of(c, "SELECT id AS round_id, opened_at FROM stakes_round"
          + " WHERE collective_id = ? AND opened_by = ?", k, memberId));
      s.put("checkin_invitations", Rows.of(c, "SELECT i.round_id, i.time_zone, i.ask_at, i.asked_at, i.answered_at,"
          + " i.skipped_at, i.reminded_at FROM checkin_invitee i JOIN checkin_round r ON r.id = i.round_id"
          + " WHERE r.collective_id = ? AND i.member_id = ? ORDER BY i.round_id", k, memberId));
      s.put("checkin_answers", CheckinAnswers.of(c, key, platform, k, memberId));
      s.put("checkin_snooze", Rows.of(c, "SELECT until_date FROM checkin_snooze WHERE collective_id = ? AND member_id = ?",
          k, memberId));
      s.put("checkin_schedule_set", Rows.of(c, "SELECT cron, time_zone, updated_at FROM checkin_schedule"
          + " WHERE collective_id = ? AND set_by = ?", k, memberId));
      s.put("settings_set", Rows.of(c, "SELECT key, value, updated_at FROM collective_setting"
          + " WHERE collective_id = ? AND updated_by = ?", k, memberId));
      s.put("audit_entries", Rows.of(c, "SELECT at, action, detail, refused FROM audit_log WHERE collective_id = ? AND actor = ?"
          + " ORDER BY id", k, memberId));
      s.put("scheduled_jobs", Rows.of(c, "SELECT kind, due_at, payload, done_at FROM scheduled_job"
          + " WHERE collective_id = ? AND " + org.trame.core.storage.Sql.holds(c, "payload"), k, memberId));
      // Delivered ones stay 7 days (a late edit or retry), then the retention run deletes them.
      s.put("messages_delivered", Rows.of(c, "SELECT created_at, sent_at, payload FROM outbox WHERE collective_id = ?"
          + " AND audience = 'member' AND recipient = ? AND sent_at IS NOT NULL", k, memberId));
      s.put("messages_waiting", Rows.of(c, "SELECT created_at, payload FROM outbox WHERE collective_id = ?"
          + " AND audience = 'member' AND recipient = ? AND sent_at IS NULL AND given_up_at IS NULL", k, memberId));
      // Kept for 7 days like delivered ones, and never sent: the member should know they exist, and why.
      s.put("messages_given_up", Rows.of(c, "SELECT created_at, given_up_at, last_error AS reason, payload FROM outbox"
          + " WHERE collective_id = ? AND audience = 'member' AND recipient = ? AND given_up_at IS NOT NULL", k, memberId));
      ConflictPrivacy.export(c, k, memberId, displayName(c, k, memberId), s);
      parts.add(new Part(k, s));
    }
    return parts;
  }

  /**
   * The keys of the member's inbound events still in the dedup log whose key names them (Slack's
   * button clicks are keyed by user and time; other keys are opaque platform ids that name no one
   * and are not exported). The log is not per collective: these come once, beside the collectives.
   */
  static List<Map<String, Object>> eventsNaming(Connection c, String platform, String memberId) throws SQLException {
    EventsNaming those = EventsNaming.of(c, platform, memberId);
    return Rows.of(c, "SELECT event_id, received_at FROM inbound_event WHERE " + those.condition(), those.parameters());
  }

  /**
   * The platform's keys holding ":member:" as one of their parts, compared exactly (SQLite's LIKE
   * would ignore case, and two members' ids may differ only by case). On SQLite the platform is a
   * range of the key, which its index serves; PostgreSQL compares the prefix itself, since its
   * collation may order punctuation otherwise.
   */
  record EventsNaming(String condition, Object[] parameters) {
    static EventsNaming of(Connection c, String platform, String memberId) throws SQLException {
      String part = ":" + memberId + ":";
      return org.trame.core.storage.Sql.isPostgresql(c)
          ? new EventsNaming("strpos(event_id, ?) = 1 AND strpos(event_id, ?) > 0", new Object[] {platform + ":", part})
          : new EventsNaming("event_id >= ? AND event_id < ? AND instr(event_id, ?) > 0",
              new Object[] {platform + ":", platform + ";", part});
    }
  }

  static String displayName(Connection c, String collectiveId, String memberId) throws SQLException {
    try (var rs = org.trame.core.storage.Sql.query(c, "SELECT coalesce(display_name, member_id) FROM member"
        + " WHERE collective_id = ? AND member_id = ?", collectiveId, memberId).executeQuery()) {
      return rs.next() ? rs.getString(1) : memberId;
    }
  }

  /** The JSON file: readable (indented), complete, with a note on how check-in answers are kept. */
  static Attachment file(String platform, String memberId, List<Part> parts, List<Map<String, Object>> events, Instant now) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("exported_at", now.toString());
    doc.put("platform", platform);
    doc.put("member_id", memberId);
    doc.put("note", "Check-in answers are stored without your name, under a tag that only the bot's key, kept outside"
        + " the database, links to you; yours are in checkin_answers (answers given before that tag existed cannot be"
        + " found). / Les réponses aux points d'étape sont enregistrées sans votre nom, avec une étiquette que seule la"
        + " clé du bot, gardée hors de la base, relie à vous ; les vôtres sont dans checkin_answers (celles données"
        + " avant cette étiquette ne peuvent pas être retrouvées).");
    Map<String, Object> collectives = new LinkedHashMap<>();
    parts.forEach(p -> collectives.put(p.collectiveId(), p.sections()));
    doc.put("collectives", collectives);
    doc.put("inbound_events", events);
    try {
      byte[] bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc).getBytes(StandardCharsets.UTF_8);
      return new Attachment(FILE_NAME, "application/json", bytes);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the export", e);
    }
  }
}
