package org.trame.core.conflict;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.trame.core.conflict.ConflictCases.Case;
import org.trame.core.conflict.ConflictCases.Party;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Texts;
import org.trame.core.storage.Members;

/**
 * The equation of needs (sheet 7 of seed 004): the goal that ends step 1 asks how every party's
 * need can be met at once. Drafted in each reader's language from the approved needs until a party
 * rewrites it; a rewritten goal is kept in its author's words.
 */
final class Equation {

  /** How much of each need the drafted goal quotes: the goal heads steps 2 and 4, so it stays short. */
  static final int QUOTED = 160;

  private Equation() {}

  /** The goal as it stands for this case, in {@code lang} while it is still the drafted one. */
  static String goal(Connection c, Case k, Texts texts, Lang lang) throws Exception {
    if (k.goal() != null) {
      return k.goal();
    }
    List<String> parts = new ArrayList<>();
    for (Party p : ConflictCases.parties(c, k.id())) {
      if (p.active() && p.needs() != null) {
        parts.add(texts.get(ConflictMsg.CONFLICT_GOAL_PART, lang, "name", Parties.name(Members.find(c, k.collectiveId(), p.memberId())),
            "need", Texts.oneLine(p.needs(), QUOTED)));
      }
    }
    return texts.get(ConflictMsg.CONFLICT_GOAL_DRAFT, lang, "parts", joined(parts, texts.get(ConflictMsg.CONFLICT_GOAL_AND, lang)),
        "count", parts.size());
  }

  /** "a, b and c", with the reader's word for "and". */
  private static String joined(List<String> parts, String and) {
    if (parts.size() <= 1) {
      return String.join("", parts);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " " + and + " " + parts.get(parts.size() - 1);
  }
}
