package org.trame.core.engine;

import org.trame.core.i18n.Lang;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.trame.core.i18n.Texts;
import org.trame.core.i18n.MessageKey;
import org.trame.core.i18n.Msg;

/** Turns what a member typed or clicked into an answer for a step, or a reason to ask again. */
final class AnswerParser {

  /** Either a value or the reason it was refused, in the member's language. */
  record Parsed(String value, String refusal) {
    static Parsed ok(String value) {
      return new Parsed(value, null);
    }

    static Parsed refused(String reason) {
      return new Parsed(null, reason);
    }

    boolean accepted() {
      return refusal == null;
    }
  }

  private static final Set<String> YES = Set.of("yes", "y", "oui", "o", "ok", "1", "true", "d'accord", "daccord");
  private static final Set<String> NO = Set.of("no", "n", "non", "2", "false");

  private final Texts texts;

  AnswerParser(Texts texts) {
    this.texts = texts;
  }

  Parsed parse(Step step, String input, Lang lang) {
    return switch (step.kind()) {
      case TEXT -> text(step, input, lang);
      case SCALE -> scale(step, input, lang);
      case CHOICE -> choice(step, input, lang);
      case MULTI_CHOICE -> multi(step, input, lang);
      case CONFIRM -> confirm(input, lang);
      case MESSAGE -> Parsed.ok(null);
    };
  }

  private Parsed text(Step step, String input, Lang lang) {
    String t = input.strip();
    int length = t.codePointCount(0, t.length());
    if (length == 0 || t.codePoints().allMatch(AnswerParser::invisible)) {
      return Parsed.refused(texts.get(Msg.TEXT_EMPTY, lang));
    }
    if (length < step.min()) {
      return Parsed.refused(texts.get(Msg.TEXT_TOO_SHORT, lang, "length", length, "min", step.min()));
    }
    if (length > step.max()) {
      return Parsed.refused(texts.get(Msg.TEXT_TOO_LONG, lang, "length", length, "max", step.max()));
    }
    return Parsed.ok(t);
  }

  /** A character that shows nothing: a space of any width, a zero-width or other format character, a control. */
  private static boolean invisible(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || Character.isISOControl(codePoint)
        || Character.getType(codePoint) == Character.FORMAT;
  }

  private Parsed scale(Step step, String input, Lang lang) {
    String t = input.strip();
    int n;
    try {
      if (!t.matches("[+-]?\\d{1,9}")) {
        throw new NumberFormatException(t);
      }
      n = Integer.parseInt(t);
    } catch (NumberFormatException e) {
      return Parsed.refused(texts.get(Msg.SCALE_NOT_NUMBER, lang, "min", step.min(), "max", step.max()));
    }
    if (n < step.min() || n > step.max()) {
      return Parsed.refused(texts.get(Msg.SCALE_OUT_OF_RANGE, lang, "value", n, "min", step.min(), "max", step.max()));
    }
    return Parsed.ok(Integer.toString(n));
  }

  private Parsed choice(Step step, String input, Lang lang) {
    Step.Choice c = option(step, input);
    if (c == null) {
      return Parsed.refused(texts.get(Msg.CHOICE_UNKNOWN, lang, "count", step.options().size()));
    }
    return Parsed.ok(c.value());
  }

  private Parsed multi(Step step, String input, Lang lang) {
    List<Step.Choice> found = picks(step, input);
    if (found == null) {
      return Parsed.refused(texts.get(Msg.CHOICE_UNKNOWN, lang, "count", step.options().size()));
    }
    Set<String> picked = new LinkedHashSet<>();
    found.forEach(c -> picked.add(c.value()));
    if (picked.size() < step.min()) {
      return Parsed.refused(texts.get(Msg.MULTI_TOO_FEW, lang, "min", step.min()));
    }
    if (picked.size() > step.max()) {
      return Parsed.refused(texts.get(Msg.MULTI_TOO_MANY, lang, "max", step.max()));
    }
    // Keep the file's order so the stored answer does not depend on typing order.
    List<String> ordered = new ArrayList<>();
    for (Step.Choice c : step.options()) {
      if (picked.contains(c.value())) {
        ordered.add(c.value());
      }
    }
    return Parsed.ok(String.join(",", ordered));
  }

  private Parsed confirm(String input, Lang lang) {
    String n = GlobalWord.normalize(input);
    if (YES.contains(n) || n.equals(GlobalWord.normalize(texts.get(Msg.CONFIRM_YES, lang)))) {
      return Parsed.ok("yes");
    }
    if (NO.contains(n) || n.equals(GlobalWord.normalize(texts.get(Msg.CONFIRM_NO, lang)))) {
      return Parsed.ok("no");
    }
    return Parsed.refused(texts.get(Msg.CONFIRM_UNKNOWN, lang));
  }

  /**
   * The options a multi-choice answer names, in the order typed, or null when a part names none.
   * Read from left to right, each part the longest number, value or label (in either language)
   * that ends at a separator, since labels hold spaces and commas themselves: "Du temps, Un
   * réseau, des contacts" is two options, "1 3" and "1,3" two numbers.
   */
  private static List<Step.Choice> picks(Step step, String input) {
    String n = comparable(input);
    // Each option's names as compared: its value and its label in every language.
    List<List<String>> names = new ArrayList<>();
    for (Step.Choice c : step.options()) {
      List<String> its = new ArrayList<>(List.of(c.value()));
      for (Lang l : Lang.values()) {
        its.add(comparable(c.label().in(l)));
      }
      names.add(its);
    }
    List<Step.Choice> found = new ArrayList<>();
    int at = 0;
    while (true) {
      while (at < n.length() && isSeparator(n.charAt(at))) {
        at++;
      }
      if (at == n.length()) {
        return found;
      }
      Step.Choice best = null;
      int bestLength = 0;
      for (int i = 0; i < names.size(); i++) {
        for (String name : names.get(i)) {
          int end = at + name.length();
          if (name.length() > bestLength && n.startsWith(name, at) && (end == n.length() || isSeparator(n.charAt(end)))) {
            best = step.options().get(i);
            bestLength = name.length();
          }
        }
      }
      int digits = at;
      while (digits < n.length() && n.charAt(digits) >= '0' && n.charAt(digits) <= '9') {
        digits++;
      }
      if (digits - at > bestLength && (digits == n.length() || isSeparator(n.charAt(digits)))) {
        // A number, leading zeros and all ("03"), names the option at that place in the list
        // (unless a label starting with that number is longer: "2 to 8 hours").
        best = option(step, n.substring(at, digits));
        bestLength = digits - at;
      }
      if (best == null) {
        return null;
      }
      found.add(best);
      at += bestLength;
    }
  }

  private static boolean isSeparator(char c) {
    return c == ',' || c == ';' || Character.isWhitespace(c);
  }

  /** Lower case, no accents, one space between words, one kind of apostrophe: as labels are compared. */
  private static String comparable(String text) {
    return GlobalWord.normalize(text).replace('\u2019', '\'').replaceAll("\\s+", " ");
  }

  /** An option by its number (1-based), its value, or its label in either language. */
  private static Step.Choice option(Step step, String input) {
    String n = comparable(input);
    if (n.isEmpty()) {
      return null;
    }
    if (n.matches("\\d{1,3}")) {
      int i = Integer.parseInt(n);
      return i >= 1 && i <= step.options().size() ? step.options().get(i - 1) : null;
    }
    for (Step.Choice c : step.options()) {
      if (c.value().equals(n)) {
        return c;
      }
      for (Lang l : Lang.values()) {
        if (comparable(c.label().in(l)).equals(n)) {
          return c;
        }
      }
    }
    return null;
  }

  /** The sharing choice by number, value or label. */
  String sharing(String input, Lang lang) {
    String n = GlobalWord.normalize(input);
    List<String> values = List.of(Answer.PRIVATE, Answer.COORDINATORS, Answer.COLLECTIVE);
    List<MessageKey> labels = List.of(Msg.SHARE_PRIVATE, Msg.SHARE_COORDINATORS, Msg.SHARE_COLLECTIVE);
    for (int i = 0; i < values.size(); i++) {
      if (n.equals(Integer.toString(i + 1)) || n.equals(values.get(i))) {
        return values.get(i);
      }
      for (Lang l : Lang.values()) {
        if (n.equals(GlobalWord.normalize(texts.get(labels.get(i), l)))) {
          return values.get(i);
        }
      }
    }
    return null;
  }
}
