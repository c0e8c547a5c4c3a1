package org.trame.core.i18n;

import java.util.EnumMap;
import java.util.Map;

/** A text in every {@link Lang}; the loader refuses a text missing a language. */
public record LocalText(Map<Lang, String> byLang) {

  public LocalText {
    byLang = Map.copyOf(new EnumMap<>(byLang));
  }

  public static LocalText of(String fr, String en) {
    return new LocalText(Map.of(Lang.FR, fr, Lang.EN, en));
  }

  public String in(Lang lang) {
    String s = byLang.get(lang);
    return s != null ? s : byLang.get(Lang.EN);
  }
}
