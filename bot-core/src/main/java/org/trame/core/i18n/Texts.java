package org.trame.core.i18n;

import java.util.EnumMap;
import java.util.Map;
import org.trame.core.engine.Lang;
import org.trame.core.engine.LocalText;

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

  public static String fill(String template, Object... keyValues) {
    String s = template;
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      s = s.replace("{" + keyValues[i] + "}", String.valueOf(keyValues[i + 1]));
    }
    return s;
  }
}
