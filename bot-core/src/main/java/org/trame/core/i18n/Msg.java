package org.trame.core.i18n;

/**
 * The kernel's own messages (help, languages, the conversation's global words, access refusals, the
 * collective's channel), in {@code prompts/common.yaml}. Each feature keys its own messages in an enum
 * beside it, read from {@code prompts/messages/<feature>.yaml}; the loader checks every key in every language.
 */
public enum Msg implements MessageKey {
  HELP_COMMANDS,
  HELP_COORDINATORS,
  HELP_ANYTIME,
  CHANNEL_NOT_SET,
  HELP_WORDS,
  UNKNOWN_COMMAND,
  NOT_YET_AVAILABLE,
  NO_CONVERSATION,
  LANG_SET,
  LANG_USAGE,
  ALREADY_OPEN,
  BACK_TO,
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
  SHARE_HELP,
  SHARE_SKIPPED,
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
  SUBMIT,
  /** Adapters: how to let the bot write in private messages, when a platform refuses it. */
  DMS_CLOSED,
  /** Adapters: where a command's answer went, shown to the member where they typed it. */
  ANSWERED_IN_DM,
  /** Adapters: to the coordinators, a report posted without its chart, the bot being out of the channel. */
  CHART_LEFT_OUT,
  PREVIOUS_ANSWER,
  NOT_A_COORDINATOR,
  HOME_OPEN_CONVERSATIONS,
  HOME_NO_OPEN_CONVERSATION,
  HOME_SHARED_ANSWERS,
  HOME_NOTHING_SHARED,
  TZ_SET,
  TZ_SHOW,
  TZ_NONE,
  TZ_USAGE,
  ACCESS_OTHER_COLLECTIVE,
  ACCESS_PRIVATE_ANSWER;
}
