package org.trame.core.personaldata;

import java.util.LinkedHashSet;
import java.util.Set;

/** What a member typed, gathered before their erasure so that copies elsewhere can be found and scrubbed. */
public final class Written {

  /** Shorter answers ("yes", "3") are choices, not texts: scrubbing them elsewhere would mangle other messages. */
  private static final int SHORTEST_TEXT = 6;

  /** Whether a flow's step takes free text (a choice's value, "collective", is no one's words). */
  @FunctionalInterface
  public interface FreeText {
    boolean at(String flow, String step);
  }

  private final FreeText freeText;
  private final Set<String> texts = new LinkedHashSet<>();

  public Written(FreeText freeText) {
    this.freeText = freeText;
  }

  /** Whether the answer to {@code step} of {@code flow} was typed freely. */
  public boolean freeTextAt(String flow, String step) {
    return freeText.at(flow, step);
  }

  /** Keeps {@code value} if it is words, not a choice or a number. */
  public void add(String value) {
    if (value != null && value.strip().length() >= SHORTEST_TEXT && value.chars().anyMatch(Character::isLetter)) {
      texts.add(value.strip());
    }
  }

  /**
   * Keeps every column of every row {@code sql} returns: the words a feature's tables hold for the
   * member, whatever their number of columns.
   */
  public void queried(java.sql.Connection c, String sql, Object... params) throws java.sql.SQLException {
    try (java.sql.ResultSet rs = org.trame.core.storage.Sql.query(c, sql, params).executeQuery()) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          add(rs.getString(i));
        }
      }
    }
  }

  /** The texts, in the order found. */
  public Set<String> texts() {
    return texts;
  }
}
