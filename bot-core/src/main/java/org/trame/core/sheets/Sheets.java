package org.trame.core.sheets;

import org.trame.core.i18n.MessageKey;

/**
 * The nine practice sheets of seed 004 ("Pratiquer la coopération"), paraphrased in French and
 * English in prompts/messages/sheets.yaml: a title, when the sheet fits, and its approaches.
 */
public final class Sheets {

  public static final int FIRST = 1;
  public static final int LAST = 9;

  private Sheets() {}

  /** The sheet's title, e.g. sheet 7 "Accept and handle the natural conflicts of cooperation". */
  public static MessageKey title(int n) {
    return SheetsMsg.valueOf("SHEET_" + check(n) + "_TITLE");
  }

  /** When the sheet fits, to explain a proposal: "sheet 7, because …". */
  public static MessageKey when(int n) {
    return SheetsMsg.valueOf("SHEET_" + check(n) + "_WHEN");
  }

  /** The sheet's approaches. */
  public static MessageKey approaches(int n) {
    return SheetsMsg.valueOf("SHEET_" + check(n));
  }

  public static boolean exists(int n) {
    return n >= FIRST && n <= LAST;
  }

  private static int check(int n) {
    if (!exists(n)) {
      throw new IllegalArgumentException("there are practice sheets " + FIRST + " to " + LAST + ", not " + n);
    }
    return n;
  }
}
