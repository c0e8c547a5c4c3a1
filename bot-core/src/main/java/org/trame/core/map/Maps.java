package org.trame.core.map;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trame.core.storage.Sql;

/** Partner maps, who was asked and their positions, as rows. */
final class Maps {

  record PartnerMap(long id, String collectiveId, String topic, String topicKey, long openedAt, long deadlineAt, Long closedAt) {}

  record Invitee(String memberId, Long conversationId, Long answeredAt) {}

  /** One finished answer: a position on the map, with its owner's consent to be named and shared texts. */
  record Position(String memberId, String displayName, int synergyRational, int synergyAffective, int antagonismRational,
      int antagonismAffective, int influence, int mobilise, boolean named, String turnAgainst, String turnAgainstSharing,
      String commitment, String commitmentSharing) {

    double synergy() {
      return (synergyRational + synergyAffective) / 2.0;
    }

    double antagonism() {
      return (antagonismRational + antagonismAffective) / 2.0;
    }

    /** Seed 004, tool sheet 1: the capacity to act is the product of influence and ability to mobilise (1 to 25). */
    int capacity() {
      return influence * mobilise;
    }
  }

  private static final String MAP_COLUMNS = "id, collective_id, topic, topic_key, opened_at, deadline_at, closed_at";

  private Maps() {}

  /** The key that tells two wordings of the same topic apart from two topics: case, accents and spaces do not count. */
  static String key(String topic) {
    String plain = Normalizer.normalize(topic, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  static long open(Connection c, String collectiveId, String topic, String openedBy, long now, long deadline) throws SQLException {
    try (ResultSet rs = Sql.query(c, "INSERT INTO partner_map (collective_id, topic, topic_key, opened_by, opened_at, deadline_at)"
        + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id", collectiveId, topic, key(topic), openedBy, now, deadline).executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static PartnerMap openMap(Connection c, String collectiveId) throws SQLException {
    return one(Sql.query(c, "SELECT " + MAP_COLUMNS + " FROM partner_map WHERE collective_id = ? AND closed_at IS NULL"
        + " ORDER BY id DESC LIMIT 1", collectiveId));
  }

  static PartnerMap find(Connection c, long id) throws SQLException {
    return one(Sql.query(c, "SELECT " + MAP_COLUMNS + " FROM partner_map WHERE id = ?", id));
  }

  /** The latest map closed before {@code mapId} on the same topic, or null. */
  static PartnerMap previous(Connection c, PartnerMap map) throws SQLException {
    return one(Sql.query(c, "SELECT " + MAP_COLUMNS + " FROM partner_map WHERE collective_id = ? AND topic_key = ?"
        + " AND closed_at IS NOT NULL AND id < ? ORDER BY id DESC LIMIT 1", map.collectiveId(), map.topicKey(), map.id()));
  }

  /** The map a member's conversation answers, or null. */
  static PartnerMap ofConversation(Connection c, long conversationId) throws SQLException {
    return one(Sql.query(c, "SELECT p.id, p.collective_id, p.topic, p.topic_key, p.opened_at, p.deadline_at, p.closed_at"
        + " FROM partner_map p JOIN partner_map_member m ON m.map_id = p.id WHERE m.conversation_id = ?", conversationId));
  }

  private static PartnerMap one(java.sql.PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? new PartnerMap(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
          rs.getLong(6), Sql.longOrNull(rs, 7)) : null;
    }
  }

  static void invite(Connection c, long mapId, String memberId, Long conversationId) throws SQLException {
    Sql.update(c, "INSERT INTO partner_map_member (map_id, member_id, conversation_id) VALUES (?, ?, ?)"
        + " ON CONFLICT (map_id, member_id) DO UPDATE SET conversation_id = excluded.conversation_id", mapId, memberId,
        conversationId);
  }

  static List<Invitee> invitees(Connection c, long mapId) throws SQLException {
    List<Invitee> list = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, "SELECT member_id, conversation_id, answered_at FROM partner_map_member WHERE map_id = ?"
        + " ORDER BY member_id", mapId).executeQuery()) {
      while (rs.next()) {
        list.add(new Invitee(rs.getString(1), Sql.longOrNull(rs, 2), Sql.longOrNull(rs, 3)));
      }
    }
    return list;
  }

  static void answer(Connection c, long mapId, String memberId, Position p, long now) throws SQLException {
    Sql.update(c, "UPDATE partner_map_member SET answered_at = ?, synergy_rational = ?, synergy_affective = ?,"
        + " antagonism_rational = ?, antagonism_affective = ?, influence = ?, mobilise = ?, named = ?, turn_against = ?,"
        + " turn_against_sharing = ?, commitment = ?, commitment_sharing = ? WHERE map_id = ? AND member_id = ?", now,
        p.synergyRational(), p.synergyAffective(), p.antagonismRational(), p.antagonismAffective(), p.influence(), p.mobilise(),
        p.named() ? 1 : 0, p.turnAgainst(), p.turnAgainstSharing(), p.commitment(), p.commitmentSharing(), mapId, memberId);
  }

  /** The finished answers of a map, by member id. */
  static List<Position> positions(Connection c, long mapId) throws SQLException {
    List<Position> list = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, "SELECT a.member_id, m.display_name, a.synergy_rational, a.synergy_affective,"
        + " a.antagonism_rational, a.antagonism_affective, a.influence, a.mobilise, a.named, a.turn_against,"
        + " a.turn_against_sharing, a.commitment, a.commitment_sharing FROM partner_map_member a"
        + " JOIN partner_map p ON p.id = a.map_id"
        + " LEFT JOIN member m ON m.collective_id = p.collective_id AND m.member_id = a.member_id"
        + " WHERE a.map_id = ? AND a.answered_at IS NOT NULL ORDER BY a.member_id", mapId).executeQuery()) {
      while (rs.next()) {
        list.add(new Position(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
            rs.getInt(7), rs.getInt(8), rs.getInt(9) == 1 && rs.getString(2) != null, rs.getString(10), rs.getString(11),
            rs.getString(12), rs.getString(13)));
      }
    }
    return list;
  }

  static void close(Connection c, long mapId, long now) throws SQLException {
    Sql.update(c, "UPDATE partner_map SET closed_at = ? WHERE id = ? AND closed_at IS NULL", now, mapId);
  }

  /** How many maps the member answered in the collective. */
  static int answeredBy(Connection c, String collectiveId, String memberId) throws SQLException {
    try (ResultSet rs = Sql.query(c, "SELECT COUNT(*) FROM partner_map_member a JOIN partner_map p ON p.id = a.map_id"
        + " WHERE p.collective_id = ? AND a.member_id = ? AND a.answered_at IS NOT NULL", collectiveId, memberId).executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
