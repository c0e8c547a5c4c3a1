package org.trame.core.project;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.LocalText;
import org.trame.core.storage.Sql;

/**
 * The collective's ethics criteria (seed 004 sheet 8: common criteria set before decisions and
 * conflicts, told to members when they arrive). Until coordinators edit them, they are the three
 * criteria of the sheet's example, in the reader's language; an edited list keeps the defaults it
 * still holds bilingual and shows added criteria as their author wrote them. The defaults are
 * here rather than in the prompts files because a collective adapts its criteria with {@code
 * ethics add} and {@code ethics remove}, not by editing files. A stable API for other features.
 */
public final class EthicsCriteria {

  /** The most criteria a collective keeps: a grid is meant to stay short. */
  public static final int MOST = 9;
  /** The longest criterion, in characters. */
  public static final int LONGEST = 300;

  /** The three criteria of sheet 8's example, paraphrased: impact, people involved, instrumentalisation. */
  enum Default {
    IMPACT("impact",
        "Impact : le projet est cohérent avec l'impact que recherchent nos structures.",
        "Impact: the project is consistent with the impact our organisations seek."),
    PEOPLE("people",
        "Interlocuteurs : les personnes et organisations impliquées ne posent pas de problème bloquant.",
        "People involved: the people and organisations involved raise no blocking issue."),
    INSTRUMENTALISATION("instrumentalisation",
        "Instrumentalisation : le partenariat ne risque pas d'être détourné au profit d'intérêts particuliers"
            + " (communication, contreparties exigées…).",
        "Instrumentalisation: the partnership is not at risk of being used for particular interests"
            + " (publicity, demanded returns…).");

    final String key;
    final LocalText text;

    Default(String key, String fr, String en) {
      this.key = key;
      this.text = new LocalText(java.util.Map.of(Lang.FR, fr, Lang.EN, en));
    }

    static LocalText of(String key) {
      for (Default d : values()) {
        if (d.key.equals(key)) {
          return d.text;
        }
      }
      return null;
    }
  }

  /** One criterion as stored: a default by its key, or a wording. */
  record Criterion(String defaultKey, String wording) {
    String in(Lang lang) {
      LocalText d = defaultKey == null ? null : Default.of(defaultKey);
      return d != null ? d.in(lang) : wording == null ? String.valueOf(defaultKey) : wording;
    }
  }

  private EthicsCriteria() {}

  /** The collective's criteria in {@code lang}, in order: the defaults in that language while they were never edited. */
  public static List<String> of(Connection c, String collectiveId, Lang lang) throws SQLException {
    return stored(c, collectiveId).stream().map(k -> k.in(lang)).toList();
  }

  /** The collective's criteria as stored, or the defaults. */
  static List<Criterion> stored(Connection c, String collectiveId) throws SQLException {
    List<Criterion> list = new ArrayList<>();
    try (ResultSet rs = Sql.query(c, "SELECT default_key, wording FROM ethics_criterion WHERE collective_id = ?"
        + " ORDER BY position, id", collectiveId).executeQuery()) {
      while (rs.next()) {
        list.add(new Criterion(rs.getString(1), rs.getString(2)));
      }
    }
    if (list.isEmpty()) {
      for (Default d : Default.values()) {
        list.add(new Criterion(d.key, null));
      }
    }
    return list;
  }

  /** Replaces the collective's criteria with {@code criteria}, in that order. */
  static void replace(Connection c, String collectiveId, List<Criterion> criteria) throws SQLException {
    Sql.update(c, "DELETE FROM ethics_criterion WHERE collective_id = ?", collectiveId);
    int position = 1;
    for (Criterion k : criteria) {
      Sql.update(c, "INSERT INTO ethics_criterion (collective_id, position, default_key, wording) VALUES (?, ?, ?, ?)",
          collectiveId, position++, k.defaultKey(), k.wording());
    }
  }
}
