package org.trame.core.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages every text exists in. */
public enum Lang {
  FR, EN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code fr}, {@code en}, or a locale such as {@code fr-FR} / {@code en_US}. */
  public static Optional<Lang> parse(String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    String c = code.trim().toLowerCase(Locale.ROOT);
    if (c.startsWith("fr")) {
      return Optional.of(FR);
    }
    if (c.startsWith("en")) {
      return Optional.of(EN);
    }
    return Optional.empty();
  }
}
