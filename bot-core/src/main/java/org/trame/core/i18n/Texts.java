package org.trame.core.i18n;

import java.util.EnumMap;
import java.util.Map;

/** The core's own messages in every language, with {@code {name}} placeholders. */
public final class Texts {

  private final Map<Msg, LocalText> messages;

  public Texts(Map<Msg, LocalText> messages) {
    this.messages = new EnumMap<>(messages);
  }

  /** The message in {@code lang}, with each {@code {key}} replaced by the value that follows it. */
  public String get(Msg msg, Lang lang, Object... keyValues) {
    return fill(messages.get(msg).in(lang), keyValues);
  }

  /** A text on one line, cut at {@code most} characters with an ellipsis: for recaps and syntheses. */
  public static String oneLine(String text, int most) {
    String t = text.replace('\n', ' ').strip();
    return t.length() > most ? t.substring(0, most) + "…" : t;
  }

  /**
   * {@code template} with each {@code {key}} replaced by its value, in one pass over the template:
   * a value is never read again, so a member's words that hold "{impact}" are printed as typed, not
   * taken for a placeholder. A placeholder with no value is left as it is.
   */
  public static String fill(String template, Object... keyValues) {
    if (keyValues.length < 2 || template.indexOf('{') < 0) {
      return template;
    }
    StringBuilder out = new StringBuilder(template.length() + 64);
    int from = 0;
    while (true) {
      int open = template.indexOf('{', from);
      int close = open < 0 ? -1 : template.indexOf('}', open + 1);
      if (close < 0) {
        return out.append(template, from, template.length()).toString();
      }
      String key = template.substring(open + 1, close);
      Object value = valueOf(key, keyValues);
      out.append(template, from, open);
      if (value == NONE) {
        out.append('{');
        from = open + 1; // not a placeholder of this message: kept, and scanning goes on after the brace
      } else {
        out.append(value);
        from = close + 1;
      }
    }
  }

  private static final Object NONE = new Object();

  private static Object valueOf(String key, Object[] keyValues) {
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      if (key.equals(String.valueOf(keyValues[i]))) {
        return String.valueOf(keyValues[i + 1]);
      }
    }
    return NONE;
  }
}
