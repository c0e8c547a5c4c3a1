package org.trame.core.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.trame.core.engine.Conversation;
import org.trame.core.engine.ConversationState;

/** Conversations as rows: the state is JSON, written back in the same transaction as the turn. */
public final class Conversations {

  private static final String COLUMNS = "id, collective_id, member_id, flow, status, state";
  private static final ParsedStates STATES = new ParsedStates();

  private Conversations() {}

  public static Conversation create(Connection c, String collectiveId, String memberId, String flow, long now) throws SQLException {
    ConversationState state = new ConversationState();
    PreparedStatement ps = Sql.prepare(c,
        "INSERT INTO conversation (collective_id, member_id, flow, step, status, state, started_at, updated_at) "
            + "VALUES (?, ?, ?, NULL, 'active', ?, ?, ?) RETURNING id");
    ps.setString(1, collectiveId);
    ps.setString(2, memberId);
    ps.setString(3, flow);
    String json = Json.write(state);
    ps.setString(4, json);
    ps.setLong(5, now);
    ps.setLong(6, now);
    try (ResultSet keys = ps.executeQuery()) {
      keys.next();
      long id = keys.getLong(1);
      STATES.remember(id, json, state);
      return new Conversation(id, collectiveId, memberId, flow, Conversation.Status.ACTIVE, state);
    }
  }

  /**
   * Writes the conversation's step, state and status back. The status column is indexed, and
   * SQLite rewrites an index entry whenever its column is assigned, changed or not: an answered
   * step that leaves the status as it was does not assign it, which spares a page per turn.
   */
  public static void save(Connection c, Conversation conv, long now) throws SQLException {
    boolean statusChanged = conv.status() != conv.storedStatus();
    PreparedStatement ps = Sql.prepare(c, statusChanged
        ? "UPDATE conversation SET step = ?, state = ?, updated_at = ?, status = ? WHERE id = ?"
        : "UPDATE conversation SET step = ?, state = ?, updated_at = ? WHERE id = ?");
    int i = 1;
    String json = Json.write(conv.state());
    ps.setString(i++, conv.state().step);
    ps.setString(i++, json);
    ps.setLong(i++, now);
    if (statusChanged) {
      ps.setString(i++, conv.status().name().toLowerCase(Locale.ROOT));
    }
    ps.setLong(i, conv.id());
    ps.executeUpdate();
    STATES.remember(conv.id(), json, conv.state());
    conv.stored(conv.status());
  }

  /**
   * Saves the conversation as its member's latest, the one their next words answer, as when its
   * question has just been shown to them. Jobs fired in one scheduler tick share their time, so it
   * is dated at least a millisecond after the member's other open conversations.
   */
  public static void saveAsLatest(Connection c, Conversation conv, long now) throws SQLException {
    long at = now;
    try (ResultSet rs = Sql.query(c, "SELECT MAX(updated_at) FROM conversation WHERE collective_id = ? AND member_id = ?"
        + " AND status IN ('active', 'paused') AND id <> ?", conv.collectiveId(), conv.memberId(), conv.id()).executeQuery()) {
      if (rs.next()) {
        Long others = Sql.longOrNull(rs, 1);
        if (others != null && others >= at) {
          at = others + 1;
        }
      }
    }
    save(c, conv, at);
  }

  public static Conversation find(Connection c, long id) throws SQLException {
    PreparedStatement ps = Sql.prepare(c, "SELECT " + COLUMNS + " FROM conversation WHERE id = ?" + Sql.forUpdate(c));
    ps.setLong(1, id);
    return one(ps);
  }

  /**
   * Forgets the states parsed or written so far, kept in memory to spare a parse per turn: called
   * where answers are erased (a member's erasure, the retention run), so that none outlives its row.
   */
  public static void forgetParsedStates() {
    STATES.clear();
  }

  /** How many parsed states are held in memory (for tests). */
  static int parsedStatesHeld() {
    return STATES.size();
  }

  /**
   * The member's most recently touched open conversation in the collective, or null. A member
   * has one or two open at most, so they are compared here: SQLite's ORDER BY ... LIMIT 1 set up
   * a sorter on every turn, which cost as much as the rest of the query.
   */
  public static Conversation latestOpen(Connection c, String collectiveId, String memberId) throws SQLException {
    PreparedStatement ps = Sql.prepare(c, "SELECT " + COLUMNS + ", updated_at FROM conversation "
        + "WHERE collective_id = ? AND member_id = ? AND status IN ('active', 'paused')" + Sql.forUpdate(c));
    ps.setString(1, collectiveId);
    ps.setString(2, memberId);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      long bestId = rs.getLong(1);
      long bestTime = rs.getLong(7);
      String bestFlow = rs.getString(4);
      String bestStatus = rs.getString(5);
      String bestState = rs.getString(6);
      while (rs.next()) {
        long id = rs.getLong(1);
        long time = rs.getLong(7);
        if (time > bestTime || (time == bestTime && id > bestId)) {
          bestId = id;
          bestTime = time;
          bestFlow = rs.getString(4);
          bestStatus = rs.getString(5);
          bestState = rs.getString(6);
        }
      }
      return new Conversation(bestId, collectiveId, memberId, bestFlow,
          Conversation.Status.valueOf(bestStatus.toUpperCase(Locale.ROOT)), STATES.read(bestId, bestState));
    }
  }

  /** Every open (active or paused) conversation of the member in the collective, oldest first. */
  public static java.util.List<Conversation> allOpen(Connection c, String collectiveId, String memberId) throws SQLException {
    PreparedStatement ps = Sql.prepare(c, "SELECT " + COLUMNS + " FROM conversation "
        + "WHERE collective_id = ? AND member_id = ? AND status IN ('active', 'paused') ORDER BY id" + Sql.forUpdate(c));
    ps.setString(1, collectiveId);
    ps.setString(2, memberId);
    java.util.List<Conversation> open = new java.util.ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        open.add(row(rs));
      }
    }
    return open;
  }

  /** The member's open conversation in the given flow, or null. */
  public static Conversation openIn(Connection c, String collectiveId, String memberId, String flow) throws SQLException {
    PreparedStatement ps = Sql.prepare(c, "SELECT " + COLUMNS + " FROM conversation "
        + "WHERE collective_id = ? AND member_id = ? AND flow = ? AND status IN ('active', 'paused') ORDER BY id DESC LIMIT 1" + Sql.forUpdate(c));
    ps.setString(1, collectiveId);
    ps.setString(2, memberId);
    ps.setString(3, flow);
    return one(ps);
  }

  private static Conversation one(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? row(rs) : null;
    }
  }

  /** The conversation on the current row of a query selecting {@link #COLUMNS}. */
  private static Conversation row(ResultSet rs) throws SQLException {
    long id = rs.getLong(1);
    return new Conversation(id, rs.getString(2), rs.getString(3), rs.getString(4),
        Conversation.Status.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)), STATES.read(id, rs.getString(6)));
  }
}
