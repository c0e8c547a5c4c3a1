package org.trame.core.sheets;

import org.trame.core.i18n.MessageKey;

/**
 * What the sheets feature says, keyed: each key has its French and English text in {@code
 * prompts/messages/sheets.yaml}, checked at start.
 */
public enum SheetsMsg implements MessageKey {
  SHEET_USAGE,
  SHEET_LIST,
  SHEET_SHOW,
  SHEET_1_TITLE,
  SHEET_1_WHEN,
  SHEET_1,
  SHEET_2_TITLE,
  SHEET_2_WHEN,
  SHEET_2,
  SHEET_3_TITLE,
  SHEET_3_WHEN,
  SHEET_3,
  SHEET_4_TITLE,
  SHEET_4_WHEN,
  SHEET_4,
  SHEET_5_TITLE,
  SHEET_5_WHEN,
  SHEET_5,
  SHEET_6_TITLE,
  SHEET_6_WHEN,
  SHEET_6,
  SHEET_7_TITLE,
  SHEET_7_WHEN,
  SHEET_7,
  SHEET_8_TITLE,
  SHEET_8_WHEN,
  SHEET_8,
  SHEET_9_TITLE,
  SHEET_9_WHEN,
  SHEET_9;
}
