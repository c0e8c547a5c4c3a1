package org.trame.core.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trame.core.storage.Json;
import org.trame.core.storage.Sql;

/** Rows as name → value maps, readable in an export: times as dates, stored JSON as JSON. */
public final class Rows {

  private Rows() {}

  public static List<Map<String, Object>> of(Connection c, String sql, Object... params) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, sql, params).executeQuery()) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnLabel(i), readable(meta.getColumnLabel(i), rs.getObject(i)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static Object readable(String column, Object value) {
    if (value == null) {
      return null;
    }
    if (column.endsWith("_at") && value instanceof Number n) {
      return Instant.ofEpochMilli(n.longValue()).toString();
    }
    if ((column.equals("state") || column.equals("payload") || column.equals("value_answers")) && value instanceof String s
        && s.startsWith("{")) {
      try {
        return Json.MAPPER.readValue(s, JsonNode.class);
      } catch (Exception e) {
        return s;
      }
    }
    return value;
  }

  /** The ids of the collectives on {@code platform} where the member is known. */
  public static List<String> collectivesOf(Connection c, String platform, String memberId) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, "SELECT m.collective_id FROM member m JOIN collective k ON k.id = m.collective_id"
        + " WHERE k.platform = ? AND m.member_id = ? ORDER BY m.created_at", platform, memberId).executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }
}
