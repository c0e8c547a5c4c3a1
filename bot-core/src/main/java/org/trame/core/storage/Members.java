package org.trame.core.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Collectives and their members: created on first contact. */
public final class Members {

  private Members() {}

  public static void ensureCollective(Connection c, String id, String platform, String externalId, long now) throws SQLException {
    int created = Sql.update(c, "INSERT INTO collective (id, platform, external_id, created_at) VALUES (?, ?, ?, ?)"
        + " ON CONFLICT (id) DO NOTHING", id, platform, externalId, now);
    if (created == 1) {
      Jobs.schedule(c, id, Jobs.RETENTION, now + java.time.Duration.ofDays(1).toMillis(), "{}", now);
    }
  }

  /**
   * The member as this turn finds them: created (with their collective) when first seen, their
   * two coordinator facts brought up to date (the platform's role as it says now, and whether the
   * id is configured). One read on the usual path, since a turn runs this first.
   */
  public static Member arrive(Connection c, String collectiveId, String platform, String externalId, String memberId,
      String displayName, boolean platformRole, boolean configured, long now) throws SQLException {
    int role = platformRole ? 1 : 0;
    int listed = configured ? 1 : 0;
    // Locked on PostgreSQL: two processes handling events of one member apply them one after the
    // other, each reading what the other committed (no lost update of their conversation).
    try (ResultSet rs = Sql.query(c, "SELECT display_name, lang, lang_source, time_zone, coordinator, configured_coordinator"
        + " FROM member WHERE collective_id = ? AND member_id = ?" + Sql.forUpdate(c), collectiveId, memberId).executeQuery()) {
      if (rs.next()) {
        Member m = new Member(collectiveId, memberId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
        if (rs.getInt(5) != role || rs.getInt(6) != listed) {
          Sql.update(c, "UPDATE member SET coordinator = ?, configured_coordinator = ? WHERE collective_id = ? AND member_id = ?",
              role, listed, collectiveId, memberId);
        }
        return m;
      }
    }
    ensureCollective(c, collectiveId, platform, externalId, now);
    Sql.update(c, "INSERT INTO member (collective_id, member_id, display_name, coordinator, configured_coordinator, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", collectiveId, memberId, displayName, role, listed, now);
    return new Member(collectiveId, memberId, displayName, null, null, null);
  }

  /**
   * Marks the configured coordinator ids, and only them, as configured: run at start, so that an
   * id removed from {@code TRAME_COORDINATORS} is no coordinator from the first minute.
   */
  public static void configureCoordinators(Connection c, java.util.Collection<String> memberIds) throws SQLException {
    // Only what changed is written: a start on an unchanged list writes nothing (a read-only file still starts).
    java.util.Set<String> marked = new java.util.HashSet<>();
    try (ResultSet rs = Sql.query(c, "SELECT DISTINCT member_id FROM member WHERE configured_coordinator = 1").executeQuery()) {
      while (rs.next()) {
        marked.add(rs.getString(1));
      }
    }
    for (String id : marked) {
      if (!memberIds.contains(id)) {
        Sql.update(c, "UPDATE member SET configured_coordinator = 0 WHERE member_id = ?", id);
      }
    }
    for (String id : memberIds) {
      Sql.update(c, "UPDATE member SET configured_coordinator = 1 WHERE member_id = ? AND configured_coordinator = 0", id);
    }
  }

  public static Member find(Connection c, String collectiveId, String memberId) throws SQLException {
    PreparedStatement ps = Sql.prepare(c, "SELECT display_name, lang, lang_source, time_zone FROM member WHERE collective_id = ? AND member_id = ?");
    ps.setString(1, collectiveId);
    ps.setString(2, memberId);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      return new Member(collectiveId, memberId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }
  }

  /**
   * Every member taking part in the collective, coordinators included, in the order they arrived:
   * those who withdrew from the collective are asked nothing more.
   */
  public static List<Member> all(Connection c, String collectiveId) throws SQLException {
    return list(c, collectiveId, "SELECT member_id, display_name, lang, lang_source, time_zone FROM member WHERE collective_id = ?"
        + " AND withdrawn_at IS NULL ORDER BY created_at, member_id");
  }

  /**
   * The members to address as coordinators, still taking part: configured ids, and holders of the
   * platform's role as last seen. A message only for coordinators is checked again when it leaves
   * (the role may have been taken away since), so this list may be generous, never the last word.
   */
  public static List<Member> coordinators(Connection c, String collectiveId) throws SQLException {
    return list(c, collectiveId, "SELECT member_id, display_name, lang, lang_source, time_zone FROM member WHERE collective_id = ?"
        + " AND (coordinator = 1 OR configured_coordinator = 1) AND withdrawn_at IS NULL ORDER BY created_at, member_id");
  }

  /** Records that the member withdrew from the collective ({@code at}), or takes part again (null). */
  public static void setWithdrawn(Connection c, String collectiveId, String memberId, Long at) throws SQLException {
    Sql.update(c, "UPDATE member SET withdrawn_at = ? WHERE collective_id = ? AND member_id = ?", at, collectiveId, memberId);
  }

  /** When the member withdrew from the collective, or null while they take part. */
  public static Long withdrawnAt(Connection c, String collectiveId, String memberId) throws SQLException {
    try (ResultSet rs = Sql.query(c, "SELECT withdrawn_at FROM member WHERE collective_id = ? AND member_id = ?", collectiveId, memberId)
        .executeQuery()) {
      return rs.next() ? Sql.longOrNull(rs, 1) : null;
    }
  }

  private static List<Member> list(Connection c, String collectiveId, String sql) throws SQLException {
    PreparedStatement ps = Sql.prepare(c, sql);
    ps.setString(1, collectiveId);
    List<Member> members = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        members.add(new Member(collectiveId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
      }
    }
    return members;
  }

  public static Member setLang(Connection c, Member m, String lang, String source) throws SQLException {
    Sql.update(c, "UPDATE member SET lang = ?, lang_source = ? WHERE collective_id = ? AND member_id = ?",
        lang, source, m.collectiveId(), m.memberId());
    return new Member(m.collectiveId(), m.memberId(), m.displayName(), lang, source, m.timeZone());
  }

  /** Sets the member's IANA time zone (given with {@code tz}, or hinted by their platform). */
  public static Member setTimeZone(Connection c, Member m, String zone) throws SQLException {
    Sql.update(c, "UPDATE member SET time_zone = ? WHERE collective_id = ? AND member_id = ?", zone, m.collectiveId(), m.memberId());
    return new Member(m.collectiveId(), m.memberId(), m.displayName(), m.lang(), m.langSource(), zone);
  }
}
