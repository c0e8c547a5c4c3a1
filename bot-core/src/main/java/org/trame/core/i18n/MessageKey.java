package org.trame.core.i18n;

import java.util.Locale;

/**
 * The key of one message the bot says, owned by the feature that says it: each feature's enum of
 * keys sits beside its own {@code prompts/messages/<feature>.yaml}, and the loader checks that every
 * key has a text in every language.
 */
public interface MessageKey {

  /** The enum constant's name, e.g. {@code TEXT_TOO_LONG}. */
  String name();

  /** The key as written in YAML: {@code TEXT_TOO_LONG} is {@code text_too_long}. */
  default String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
