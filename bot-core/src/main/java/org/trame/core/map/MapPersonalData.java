package org.trame.core.map;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.trame.core.personaldata.PersonalDataContribution;
import org.trame.core.personaldata.Rows;
import org.trame.core.personaldata.Written;
import org.trame.core.storage.Sql;

/**
 * The partner maps seen from one member: their positions and texts are theirs, exported and gone at
 * their erasure (the map keeps that someone was asked, under a random token); that they opened a
 * map stays, under the token. Retention forgets, in maps closed before the cutoff, the texts, the
 * consent to be named and the link to the conversation: the positions stay, unnamed, for the next
 * map on the topic to compare with.
 */
public final class MapPersonalData implements PersonalDataContribution {

  @Override
  public List<Table> tables() {
    return List.of(Table.of("partner_map", "opened_by"), Table.of("partner_map_member", "member_id"));
  }

  @Override
  public void export(Subject m, Map<String, List<Map<String, Object>>> s) throws SQLException {
    Connection c = m.connection();
    s.put("partner_map_answers", Rows.of(c, "SELECT p.id AS map_id, p.topic, p.opened_at, p.closed_at, a.answered_at,"
        + " a.synergy_rational, a.synergy_affective, a.antagonism_rational, a.antagonism_affective, a.influence, a.mobilise,"
        + " a.named, a.turn_against, a.turn_against_sharing, a.commitment, a.commitment_sharing FROM partner_map_member a"
        + " JOIN partner_map p ON p.id = a.map_id WHERE p.collective_id = ? AND a.member_id = ? ORDER BY p.id",
        m.collectiveId(), m.memberId()));
    s.put("partner_maps_opened", Rows.of(c, "SELECT id AS map_id, topic, opened_at FROM partner_map"
        + " WHERE collective_id = ? AND opened_by = ? ORDER BY id", m.collectiveId(), m.memberId()));
  }

  @Override
  public void written(Subject m, Written texts) throws SQLException {
    try (ResultSet rs = Sql.query(m.connection(), "SELECT a.turn_against, a.commitment FROM partner_map_member a"
        + " JOIN partner_map p ON p.id = a.map_id WHERE p.collective_id = ? AND a.member_id = ?", m.collectiveId(),
        m.memberId()).executeQuery()) {
      while (rs.next()) {
        for (int i = 1; i <= 2; i++) {
          if (rs.getString(i) != null) {
            texts.add(rs.getString(i));
          }
        }
      }
    }
  }

  @Override
  public void erase(Forgetting f) throws SQLException {
    Connection c = f.connection();
    String k = f.collectiveId();
    String inCollective = " AND map_id IN (SELECT id FROM partner_map WHERE collective_id = ?)";
    Sql.update(c, "UPDATE partner_map_member SET member_id = ?, conversation_id = NULL, answered_at = NULL,"
        + " synergy_rational = NULL, synergy_affective = NULL, antagonism_rational = NULL, antagonism_affective = NULL,"
        + " influence = NULL, mobilise = NULL, named = 0, turn_against = NULL, turn_against_sharing = NULL, commitment = NULL,"
        + " commitment_sharing = NULL WHERE member_id = ?" + inCollective, f.token(), f.memberId(), k);
    Sql.update(c, "UPDATE partner_map SET opened_by = ? WHERE collective_id = ? AND opened_by = ?", f.token(), k, f.memberId());
  }

  @Override
  public List<Purged> retain(Expiry e) throws SQLException {
    int answers = Sql.update(e.connection(), "UPDATE partner_map_member SET turn_against = NULL, turn_against_sharing = NULL,"
        + " commitment = NULL, commitment_sharing = NULL, named = 0, conversation_id = NULL"
        + " WHERE (turn_against IS NOT NULL OR commitment IS NOT NULL OR named = 1 OR conversation_id IS NOT NULL)"
        + " AND map_id IN (SELECT id FROM partner_map WHERE collective_id = ? AND closed_at IS NOT NULL AND closed_at < ?)",
        e.collectiveId(), e.cutoff());
    return List.of(new Purged(answers, "partner map answers"));
  }
}
