package org.trame.core.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.trame.core.engine.Answer;
import org.trame.core.engine.ConversationState;
import org.trame.core.storage.Json;
import org.trame.core.storage.Sql;

/**
 * Erases a member (seed 004 sheet 9, transparency; GDPR erasure): their answers and conversations
 * are deleted, and where a row must stay for the others (who was asked in a round, who opened it,
 * a plan step) their id is replaced by a random token kept nowhere, so nothing links back. What was
 * already published (reports, aggregates) stays, without them: their check-in scores stay, found
 * through their keyed tag and cut loose from it, while their remarks go.
 */
final class Erasure {

  /** Shorter answers ("yes", "3") are choices, not texts: scrubbing them elsewhere would mangle other messages. */
  private static final int SHORTEST_TEXT = 6;

  private Erasure() {}

  /**
   * Erases the member on {@code platform}, in every collective, in the caller's transaction;
   * returns the texts they had written, for the caller to keep out of what it still sends.
   */
  static Set<String> forget(Connection c, Pseudonyms key, String platform, String memberId, FreeText freeText)
      throws SQLException {
    List<String> collectives = Rows.collectivesOf(c, platform, memberId);
    Set<String> written = new LinkedHashSet<>();
    String token = "erased-" + UUID.randomUUID();
    for (String k : collectives) {
      Set<String> texts = textsOf(c, k, memberId, freeText);
      ConflictPrivacy.textsOf(c, k, memberId, texts);
      CheckinAnswers.erase(c, key, platform, k, memberId).forEach(remark -> addText(texts, remark));
      written.addAll(texts);
      ConflictPrivacy.forget(c, k, memberId, PersonalData.displayName(c, k, memberId), token);
      Sql.update(c, "UPDATE stakes_round_member SET member_id = ?, conversation_id = NULL WHERE member_id = ?"
          + " AND round_id IN (SELECT id FROM stakes_round WHERE collective_id = ?)", token, memberId, k);
      Sql.update(c, "UPDATE checkin_invitee SET member_id = ?, conversation_id = NULL WHERE member_id = ?"
          + " AND round_id IN (SELECT id FROM checkin_round WHERE collective_id = ?)", token, memberId, k);
      Sql.update(c, "DELETE FROM stakes_answer WHERE collective_id = ? AND member_id = ?", k, memberId);
      Sql.update(c, "DELETE FROM checkin_snooze WHERE collective_id = ? AND member_id = ?", k, memberId);
      Sql.update(c, "DELETE FROM conversation WHERE collective_id = ? AND member_id = ?", k, memberId);
      org.trame.core.storage.Conversations.forgetParsedStates();
      Sql.update(c, "UPDATE stakes_round SET opened_by = ? WHERE collective_id = ? AND opened_by = ?", token, k, memberId);
      Sql.update(c, "UPDATE collective_setting SET updated_by = ? WHERE collective_id = ? AND updated_by = ?", token, k, memberId);
      Sql.update(c, "UPDATE checkin_schedule SET set_by = ? WHERE collective_id = ? AND set_by = ?", token, k, memberId);
      Sql.update(c, "UPDATE audit_log SET actor = ? WHERE collective_id = ? AND actor = ?", token, k, memberId);
      Sql.update(c, "UPDATE audit_log SET detail = replace(detail, ?, ?) WHERE collective_id = ? AND " + Sql.holds(c, "detail"),
          memberId, token, k, memberId);
      Sql.update(c, "UPDATE scheduled_job SET payload = replace(payload, ?, ?) WHERE collective_id = ? AND " + Sql.holds(c, "payload"),
          memberId, token, k, memberId);
      Sql.update(c, "DELETE FROM member WHERE collective_id = ? AND member_id = ?", k, memberId);
      scrubOutbox(c, k, memberId, token, texts);
    }
    // Dedup records whose key names the member (Slack's button clicks) go: a redelivery of one of
    // them, so long after, would find no conversation of theirs left to act on.
    PersonalData.EventsNaming naming = PersonalData.EventsNaming.of(c, platform, memberId);
    Sql.update(c, "DELETE FROM inbound_event WHERE " + naming.condition(), naming.parameters());
    return written;
  }

  /** Whether a flow's step takes free text (a choice's value, "collective", is no one's words). */
  @FunctionalInterface
  interface FreeText {
    boolean at(String flow, String step);
  }

  /** What the member typed in the collective: free-text answers in their conversations and their stakes register. */
  static Set<String> textsOf(Connection c, String collectiveId, String memberId, FreeText freeText) throws SQLException {
    Set<String> texts = new LinkedHashSet<>();
    try (ResultSet rs = Sql.query(c, "SELECT flow, state FROM conversation WHERE collective_id = ? AND member_id = ?", collectiveId,
        memberId).executeQuery()) {
      while (rs.next()) {
        String flow = rs.getString(1);
        ConversationState state = Json.read(rs.getString(2), ConversationState.class);
        for (Map.Entry<String, Answer> a : state.everyAnswer().entrySet()) {
          if (freeText.at(flow, a.getKey())) {
            addText(texts, a.getValue().value());
          }
        }
        state.previous.forEach((step, v) -> {
          if (freeText.at(flow, step)) {
            addText(texts, v);
          }
        });
      }
    }
    try (ResultSet rs = Sql.query(c, "SELECT question, answer FROM stakes_answer WHERE collective_id = ? AND member_id = ?",
        collectiveId, memberId).executeQuery()) {
      while (rs.next()) {
        if (freeText.at("stakes", rs.getString(1))) {
          addText(texts, rs.getString(2));
        }
      }
    }
    return texts;
  }

  static void addText(Set<String> texts, String value) {
    if (value != null && value.strip().length() >= SHORTEST_TEXT && value.chars().anyMatch(Character::isLetter)) {
      texts.add(value.strip());
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
