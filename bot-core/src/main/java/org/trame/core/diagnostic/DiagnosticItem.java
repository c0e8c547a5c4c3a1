package org.trame.core.diagnostic;

import java.util.Locale;
import org.trame.core.i18n.Lang;

/**
 * The items of the cooperation diagnostic, in the flow's order: the seven success factors and the
 * twelve points of vigilance drawn from seeds 000/001, then the time horizon and the compatibility
 * of cultures (seed 004 sheet 1). Each names the practice sheet or the command that helps with it,
 * which the report quotes beside a weak or diverging item.
 */
enum DiagnosticItem {
  TRIGGER(Part.FACTOR, Help.sheet(1)),
  SUBJECT(Part.FACTOR, Help.sheet(1)),
  STAKES(Part.FACTOR, Help.command("stakes round", "enjeux tour")),
  ACTORS(Part.FACTOR, Help.sheet(4)),
  STRUCTURE(Part.FACTOR, Help.sheet(2)),
  EVALUATION(Part.FACTOR, Help.command("checkin", "point")),
  LINKERS(Part.FACTOR, Help.sheet(6)),
  CONTENT(Part.VIGILANCE, Help.sheet(1)),
  OPPORTUNITIES(Part.VIGILANCE, Help.sheet(4)),
  ACQUAINTANCE(Part.VIGILANCE, Help.sheet(6)),
  POWER(Part.VIGILANCE, Help.command("map", "carte")),
  VOLUNTARISM(Part.VIGILANCE, Help.command("checkin", "point")),
  SHARED_STAKE(Part.VIGILANCE, Help.command("stakes round", "enjeux tour")),
  CONTEXT(Part.VIGILANCE, Help.sheet(3)),
  COMMITMENTS(Part.VIGILANCE, Help.sheet(4)),
  LEVELS(Part.VIGILANCE, Help.command("map", "carte")),
  FAILURES(Part.VIGILANCE, Help.sheet(9)),
  HABITS(Part.VIGILANCE, Help.sheet(5)),
  LEGITIMACY(Part.VIGILANCE, Help.command("ethics", "ethique")),
  HORIZON(Part.CONTEXT, Help.sheet(1)),
  CULTURES(Part.CONTEXT, Help.sheet(3));

  /** Success factors are rated on presence, points of vigilance on how well they are in hand. */
  enum Part { FACTOR, VIGILANCE, CONTEXT }

  /** What helps with an item: a practice sheet of seed 004, or one of the bot's commands (its words in each language). */
  record Help(int sheet, String en, String fr) {
    static Help sheet(int number) {
      return new Help(number, null, null);
    }

    static Help command(String en, String fr) {
      return new Help(0, en, fr);
    }

    String words(Lang lang) {
      return lang == Lang.FR ? fr : en;
    }
  }

  /** Where diverging views are worked on: seed 004 sheet 3. */
  static final int DIVERGING_VIEWS_SHEET = 3;

  final Part part;
  final Help help;

  DiagnosticItem(Part part, Help help) {
    this.part = part;
    this.help = help;
  }

  /** The id of the item's step in the flow, and of its rows in the database. */
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Its short name in the report and on the chart. */
  DiagnosticMsg label() {
    return DiagnosticMsg.valueOf("DIAGNOSTIC_ITEM_" + name());
  }

  static DiagnosticItem ofId(String id) {
    for (DiagnosticItem i : values()) {
      if (i.id().equals(id)) {
        return i;
      }
    }
    return null;
  }
}
