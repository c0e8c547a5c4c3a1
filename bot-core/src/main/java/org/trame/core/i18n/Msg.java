package org.trame.core.i18n;

import java.util.Locale;

/**
 * Every message the core itself says (as opposed to flow texts). Each key must exist, in French
 * and English, under {@code messages:} in {@code prompts/common.yaml}; the loader checks it.
 */
public enum Msg {
  HELP_COMMANDS,
  HELP_WORDS,
  HELP_NO_STEP_HELP,
  UNKNOWN_COMMAND,
  NOT_YET_AVAILABLE,
  NO_CONVERSATION,
  LANG_SET,
  LANG_USAGE,
  ALREADY_OPEN,
  PAUSED,
  STILL_PAUSED,
  RESUMED,
  NOTHING_PAUSED,
  CANCELLED,
  NOTHING_TO_CANCEL,
  BACK_NOTHING,
  BACK_PREVIOUS,
  SKIP_REFUSED,
  SKIPPED,
  OPTIONAL_HINT,
  MULTI_HINT,
  SCALE_ENDS,
  TEXT_EMPTY,
  TEXT_TOO_SHORT,
  TEXT_TOO_LONG,
  SCALE_NOT_NUMBER,
  SCALE_OUT_OF_RANGE,
  CHOICE_UNKNOWN,
  MULTI_TOO_FEW,
  MULTI_TOO_MANY,
  CONFIRM_UNKNOWN,
  CONFIRM_YES,
  CONFIRM_NO,
  SHARE_QUESTION,
  SHARE_PRIVATE,
  SHARE_COORDINATORS,
  SHARE_COLLECTIVE,
  STALE_BUTTON,
  FINISHED_CONVERSATION,
  NOT_YOUR_CONVERSATION,
  SOMETHING_WENT_WRONG,
  /** Adapters: the button that opens a free-text form. */
  ANSWER_BUTTON,
  /** Adapters: what replaces a question's buttons once answered. */
  ANSWERED,
  /** Adapters: the title of a free-text form. */
  ANSWER_FORM_TITLE,
  /** Adapters: the submit button of a form. */
  SUBMIT;

  /** The key as written in YAML: {@code TEXT_TOO_LONG} is {@code text_too_long}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
