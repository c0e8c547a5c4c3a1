package org.trame.core.access;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.trame.core.storage.Sql;

/** The audit log: coordinator actions and refusals, per collective, for coordinators to read. */
public final class AuditLog {

  /**
   * What became of an action, as stored in the {@code refused} column: 0 carried out, 1 refused by
   * the access point (the detail is the reason's key), 2 allowed but not carried out (a usage
   * error, nothing open to close; the detail is what was asked).
   */
  public enum Outcome {
    CARRIED_OUT, REFUSED, NOT_CARRIED_OUT
  }

  /** One entry; {@code actor} is null for the bot's own schedule. */
  public record Entry(long at, String actor, String action, String detail, Outcome outcome) {}

  private static final int LONGEST_DETAIL = 200;

  private AuditLog() {}

  /** Records an action; {@code detail} must never be a member's free text. */
  public static void record(Connection c, String collectiveId, String actor, String action, String detail, boolean refused,
      long now) throws SQLException {
    record(c, collectiveId, actor, action, detail, refused ? Outcome.REFUSED : Outcome.CARRIED_OUT, now);
  }

  /** Records an action and what became of it; {@code detail} must never be a member's free text. */
  public static void record(Connection c, String collectiveId, String actor, String action, String detail, Outcome outcome,
      long now) throws SQLException {
    String shortDetail = detail == null || detail.length() <= LONGEST_DETAIL ? detail : detail.substring(0, LONGEST_DETAIL);
    Sql.update(c, "INSERT INTO audit_log (collective_id, at, actor, action, detail, refused) VALUES (?, ?, ?, ?, ?, ?)",
        collectiveId, now, actor, action, shortDetail, outcome.ordinal());
  }

  /** The latest {@code n} entries of the collective, newest first. */
  public static List<Entry> latest(Connection c, String collectiveId, int n) throws SQLException {
    List<Entry> entries = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, "SELECT at, actor, action, detail, refused FROM audit_log WHERE collective_id = ?"
        + " ORDER BY id DESC LIMIT ?", collectiveId, n).executeQuery()) {
      while (rs.next()) {
        int outcome = rs.getInt(5);
        entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            outcome >= 0 && outcome < Outcome.values().length ? Outcome.values()[outcome] : Outcome.REFUSED));
      }
    }
    return entries;
  }
}
