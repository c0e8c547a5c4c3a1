package org.trame.core.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trame.core.engine.Answer;
import org.trame.core.engine.ConversationState;
import org.trame.core.storage.Conversations;
import org.trame.core.storage.Json;
import org.trame.core.storage.Outbox;
import org.trame.core.storage.Sql;

/**
 * The kernel's tables seen from one member, in two contributions: the member and their
 * conversations, which the export shows first and erasure removes last (features' rows point at
 * them); and the bot's records (settings, audit log, jobs, outbox, dedup log), shown after the
 * features' own rounds.
 */
public final class KernelPersonalData {

  private KernelPersonalData() {}

  /** The member's row and their conversations with the bot. */
  public static final PersonalDataContribution MEMBER = new PersonalDataContribution() {

    @Override
    public List<Table> tables() {
      return List.of(Table.of("member", "member_id"), Table.of("conversation", "member_id"));
    }

    @Override
    public void export(Subject m, Map<String, List<Map<String, Object>>> s) throws SQLException {
      Connection c = m.connection();
      s.put("member", Rows.of(c, "SELECT member_id, display_name, lang, lang_source, time_zone, coordinator, created_at,"
          + " withdrawn_at FROM member WHERE collective_id = ? AND member_id = ?", m.collectiveId(), m.memberId()));
      s.put("conversations", Rows.of(c, "SELECT id, flow, step, status, state, started_at, updated_at FROM conversation"
          + " WHERE collective_id = ? AND member_id = ? ORDER BY id", m.collectiveId(), m.memberId()));
    }

    /** Free-text answers in their conversations, the ones left behind by "back" included. */
    @Override
    public void written(Subject m, Written texts) throws SQLException {
      try (ResultSet rs = Sql.query(m.connection(), "SELECT flow, state FROM conversation WHERE collective_id = ? AND member_id = ?",
          m.collectiveId(), m.memberId()).executeQuery()) {
        while (rs.next()) {
          String flow = rs.getString(1);
          ConversationState state = Json.read(rs.getString(2), ConversationState.class);
          for (Map.Entry<String, Answer> a : state.everyAnswer().entrySet()) {
            if (texts.freeTextAt(flow, a.getKey())) {
              texts.add(a.getValue().value());
            }
          }
          state.previous.forEach((step, v) -> {
            if (texts.freeTextAt(flow, step)) {
              texts.add(v);
            }
          });
        }
      }
    }

    @Override
    public void erase(Forgetting f) throws SQLException {
      Sql.update(f.connection(), "DELETE FROM conversation WHERE collective_id = ? AND member_id = ?", f.collectiveId(),
          f.memberId());
      Conversations.forgetParsedStates();
      Sql.update(f.connection(), "DELETE FROM member WHERE collective_id = ? AND member_id = ?", f.collectiveId(), f.memberId());
    }

    /** Finished conversations past retention keep their step and status, not their answers. */
    @Override
    public List<Purged> retain(Expiry e) throws SQLException {
      int conversations = Sql.update(e.connection(), "UPDATE conversation SET state = '{}' WHERE collective_id = ?"
          + " AND status IN ('done', 'cancelled') AND updated_at < ? AND state <> '{}'", e.collectiveId(), e.cutoff());
      if (conversations > 0) {
        Conversations.forgetParsedStates();
      }
      return List.of(new Purged(conversations, "conversations"));
    }
  };

  /** What the bot recorded around the member: settings they set, their audit entries, jobs, messages, event keys. */
  public static final PersonalDataContribution RECORDS = new PersonalDataContribution() {

    @Override
    public List<Table> tables() {
      return List.of(Table.of("collective_setting", "updated_by"), Table.of("audit_log", "actor", "detail"),
          Table.of("scheduled_job", "payload"), Table.of("outbox", "recipient", "payload"),
          Table.of("inbound_event", "event_id"));
    }

    @Override
    public void export(Subject m, Map<String, List<Map<String, Object>>> s) throws SQLException {
      Connection c = m.connection();
      String k = m.collectiveId();
      String memberId = m.memberId();
      s.put("settings_set", Rows.of(c, "SELECT key, value, updated_at FROM collective_setting"
          + " WHERE collective_id = ? AND updated_by = ?", k, memberId));
      s.put("audit_entries", Rows.of(c, "SELECT at, action, detail, refused FROM audit_log WHERE collective_id = ? AND actor = ?"
          + " ORDER BY id", k, memberId));
      s.put("scheduled_jobs", Rows.of(c, "SELECT kind, due_at, payload, done_at FROM scheduled_job"
          + " WHERE collective_id = ? AND " + Sql.holds(c, "payload"), k, memberId));
      // Delivered ones stay 7 days (a late edit or retry), then the retention run deletes them.
      s.put("messages_delivered", Rows.of(c, "SELECT created_at, sent_at, payload FROM outbox WHERE collective_id = ?"
          + " AND audience = 'member' AND recipient = ? AND sent_at IS NOT NULL", k, memberId));
      s.put("messages_waiting", Rows.of(c, "SELECT created_at, payload FROM outbox WHERE collective_id = ?"
          + " AND audience = 'member' AND recipient = ? AND sent_at IS NULL AND given_up_at IS NULL", k, memberId));
      // Kept for 7 days like delivered ones, and never sent: the member should know they exist, and why.
      s.put("messages_given_up", Rows.of(c, "SELECT created_at, given_up_at, last_error AS reason, payload FROM outbox"
          + " WHERE collective_id = ? AND audience = 'member' AND recipient = ? AND given_up_at IS NOT NULL", k, memberId));
    }

    @Override
    public void erase(Forgetting f) throws SQLException {
      Connection c = f.connection();
      String k = f.collectiveId();
      String memberId = f.memberId();
      String token = f.token();
      Sql.update(c, "UPDATE collective_setting SET updated_by = ? WHERE collective_id = ? AND updated_by = ?", token, k, memberId);
      Sql.update(c, "UPDATE audit_log SET actor = ? WHERE collective_id = ? AND actor = ?", token, k, memberId);
      Sql.update(c, "UPDATE audit_log SET detail = replace(detail, ?, ?) WHERE collective_id = ? AND " + Sql.holds(c, "detail"),
          memberId, token, k, memberId);
      Sql.update(c, "UPDATE scheduled_job SET payload = replace(payload, ?, ?) WHERE collective_id = ? AND " + Sql.holds(c, "payload"),
          memberId, token, k, memberId);
      scrubOutbox(c, k, memberId, token, f.texts());
    }

    /**
     * Sent messages go after 7 days, whoever they were for (they hold what members said). The dedup
     * log is purged in slices by the privacy feature's own job: it is one for all collectives.
     */
    @Override
    public List<Purged> retain(Expiry e) throws SQLException {
      Outbox.purgeSent(e.connection(), e.now() - SENT_MESSAGES_KEPT_MS);
      return List.of();
    }

    @Override
    public void exportAcrossCollectives(Connection c, String platform, String memberId,
        Map<String, List<Map<String, Object>>> sections) throws SQLException {
      EventsNaming those = EventsNaming.of(c, platform, memberId);
      sections.put("inbound_events", Rows.of(c, "SELECT event_id, received_at FROM inbound_event WHERE " + those.condition(),
          those.parameters()));
    }

    /**
     * Dedup records whose key names the member (Slack's button clicks) go: a redelivery of one of
     * them, so long after, would find no conversation of theirs left to act on.
     */
    @Override
    public void eraseAcrossCollectives(Connection c, String platform, String memberId) throws SQLException {
      EventsNaming naming = EventsNaming.of(c, platform, memberId);
      Sql.update(c, "DELETE FROM inbound_event WHERE " + naming.condition(), naming.parameters());
    }
  };

  /** Delivered messages are kept this long, for a late edit or a retry, then deleted: they hold what members said. */
  public static final long SENT_MESSAGES_KEPT_MS = java.time.Duration.ofDays(7).toMillis();

  /**
   * The platform's keys holding ":member:" as one of their parts, compared exactly (SQLite's LIKE
   * would ignore case, and two members' ids may differ only by case). On SQLite the platform is a
   * range of the key, which its index serves; PostgreSQL compares the prefix itself, since its
   * collation may order punctuation otherwise. Other keys are opaque platform ids that name no one.
   */
  record EventsNaming(String condition, Object[] parameters) {
    static EventsNaming of(Connection c, String platform, String memberId) throws SQLException {
      String part = ":" + memberId + ":";
      return Sql.isPostgresql(c)
          ? new EventsNaming("strpos(event_id, ?) = 1 AND strpos(event_id, ?) > 0", new Object[] {platform + ":", part})
          : new EventsNaming("event_id >= ? AND event_id < ? AND instr(event_id, ?) > 0",
              new Object[] {platform + ":", platform + ";", part});
    }
  }

  /**
   * Messages to the member go; messages to others that quote them lose the quote (and the id) if
   * not yet sent, or go if they were (the outbox is no archive).
   */
  private static void scrubOutbox(Connection c, String collectiveId, String memberId, String token, Set<String> texts)
      throws SQLException {
    Sql.update(c, "DELETE FROM outbox WHERE collective_id = ? AND audience = 'member' AND recipient = ?", collectiveId, memberId);
    List<long[]> hits = new ArrayList<>();
    List<String> payloads = new ArrayList<>();
    // A number, not a comparison: PostgreSQL returns a comparison as a boolean, SQLite as 0 or 1.
    try (ResultSet rs = Sql.query(c, "SELECT id, CASE WHEN sent_at IS NULL THEN 0 ELSE 1 END, payload FROM outbox"
        + " WHERE collective_id = ?", collectiveId).executeQuery()) {
      while (rs.next()) {
        String payload = rs.getString(3);
        if (mentions(payload, memberId, texts)) {
          hits.add(new long[] {rs.getLong(1), rs.getInt(2)});
          payloads.add(payload);
        }
      }
    }
    for (int i = 0; i < hits.size(); i++) {
      if (hits.get(i)[1] == 1) {
        Sql.update(c, "DELETE FROM outbox WHERE id = ?", hits.get(i)[0]);
      } else {
        Sql.update(c, "UPDATE outbox SET payload = ? WHERE id = ?", scrub(payloads.get(i), memberId, token, texts), hits.get(i)[0]);
      }
    }
  }

  private static boolean mentions(String payload, String memberId, Set<String> texts) {
    if (payload.contains(memberId)) {
      return true;
    }
    for (String t : texts) {
      String escaped = Json.write(t);
      if (payload.contains(escaped.substring(1, escaped.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  /** Replaces the member's id and texts in every string of a stored message. */
  private static String scrub(String payload, String memberId, String token, Set<String> texts) {
    JsonNode root = Json.read(payload, JsonNode.class);
    return Json.write(scrubNode(root, memberId, token, texts));
  }

  private static JsonNode scrubNode(JsonNode node, String memberId, String token, Set<String> texts) {
    if (node.isTextual()) {
      String s = node.asText();
      for (String t : texts) {
        s = s.replace(t, "…");
      }
      return new TextNode(s.replace(memberId, token));
    }
    if (node instanceof ObjectNode o) {
      Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
      List<Map.Entry<String, JsonNode>> copy = new ArrayList<>();
      fields.forEachRemaining(copy::add);
      copy.forEach(e -> o.set(e.getKey(), scrubNode(e.getValue(), memberId, token, texts)));
      return o;
    }
    if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        a.set(i, scrubNode(a.get(i), memberId, token, texts));
      }
      return a;
    }
    return node;
  }
}
