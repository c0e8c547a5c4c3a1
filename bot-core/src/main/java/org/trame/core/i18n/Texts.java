package org.trame.core.i18n;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's own messages in every language, written as ICU message patterns: {@code {name}} is a
 * value, {@code {count, plural, one {# idée} other {# idées}}} agrees with a number, {@code
 * {deadline, date, ::dMMMMyHHmm}} writes a {@link Moment} as dates are written in the reader's
 * language. A pattern is formatted in one pass, so a value (a member's words holding "{impact}")
 * is printed as given and never read as a pattern. Apostrophes are plain text (no ICU quoting).
 */
public final class Texts {

  private static final Logger log = LoggerFactory.getLogger(Texts.class);
  private static final java.time.format.DateTimeFormatter ISO = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  /** Set in the tests: a placeholder no caller filled fails the turn that shows it. */
  private static final boolean STRICT = Boolean.getBoolean("trame.texts.strict");

  private final Map<String, Map<Lang, Pattern>> messages = new HashMap<>();

  /** @param messages each message's text by its YAML key; every text must be a valid pattern ({@link #problem}) */
  public Texts(Map<String, LocalText> messages) {
    messages.forEach((key, text) -> {
      Map<Lang, Pattern> byLang = new EnumMap<>(Lang.class);
      for (Lang lang : Lang.values()) {
        byLang.put(lang, new Pattern(key, lang, text.in(lang)));
      }
      this.messages.put(key, byLang);
    });
  }

  /** The message in {@code lang}, each placeholder filled with the value that follows its name. */
  public String get(MessageKey key, Lang lang, Object... keyValues) {
    Map<Lang, Pattern> byLang = messages.get(key.key());
    if (byLang == null) {
      throw new IllegalArgumentException("no text for message '" + key.key() + "'");
    }
    return byLang.get(lang).format(keyValues);
  }

  /** The message's pattern as written, placeholders unfilled: for tests that match a message by its fixed start. */
  public String template(MessageKey key, Lang lang) {
    return messages.get(key.key()).get(lang).text;
  }

  /** {@code template} (an ICU pattern) formatted in {@code lang}: for texts that are not the bot's keyed messages. */
  public static String format(String template, Lang lang, Object... keyValues) {
    return new Pattern("(template)", lang, template).format(keyValues);
  }

  /**
   * What is wrong with a message's texts, if anything: a pattern ICU cannot read, or placeholders
   * that differ between languages (one language would show a value the other never receives).
   */
  public static Optional<String> problem(LocalText text) {
    Map<Lang, Set<String>> names = new EnumMap<>(Lang.class);
    for (Lang lang : Lang.values()) {
      try {
        names.put(lang, new Pattern("", lang, text.in(lang)).names);
      } catch (IllegalArgumentException e) {
        return Optional.of(lang.code() + ": not a valid message pattern: " + e.getMessage());
      }
    }
    Set<String> fr = new TreeSet<>(names.get(Lang.FR));
    Set<String> en = new TreeSet<>(names.get(Lang.EN));
    return fr.equals(en) ? Optional.empty()
        : Optional.of("placeholders differ between languages: fr " + fr + ", en " + en);
  }

  /** A text on one line, cut at {@code most} characters with an ellipsis: for recaps and syntheses. */
  public static String oneLine(String text, int most) {
    String t = text.replace('\n', ' ').strip();
    return t.length() > most ? t.substring(0, most) + "…" : t;
  }

  /** One message in one language, parsed once. */
  private static final class Pattern {

    private final String key;
    private final Lang lang;
    private final String text;
    private final MessageFormat format;
    /** Every placeholder's name. */
    private final Set<String> names = new LinkedHashSet<>();
    /** Placeholders used only as plain {@code {name}}: a whole number there is written as is (an id, a year), not grouped. */
    private final Set<String> plain = new LinkedHashSet<>();
    /** Where each formatted placeholder ({@code {next, date, ...}}) stands, to write "—" when its value is an empty Optional. */
    private final Map<String, java.util.List<int[]>> spans = new HashMap<>();
    private final ULocale locale;
    private final String pattern;

    Pattern(String key, Lang lang, String text) {
      this.key = key;
      this.lang = lang;
      this.text = text;
      // An apostrophe is always an apostrophe (French prose is full of them, "d'{who}" included):
      // ICU's quoting is switched off by doubling each one, so braces only ever open placeholders.
      this.pattern = text.replace("'", "''");
      this.locale = lang == Lang.FR ? ULocale.FRENCH : ULocale.ENGLISH;
      this.format = new MessageFormat(pattern, locale);
      MessagePattern parsed = new MessagePattern(pattern);
      Set<String> typed = new LinkedHashSet<>();
      for (int i = 0; i < parsed.countParts(); i++) {
        MessagePattern.Part part = parsed.getPart(i);
        if (part.getType() == MessagePattern.Part.Type.ARG_START) {
          String name = parsed.getSubstring(parsed.getPart(i + 1));
          names.add(name);
          (part.getArgType() == MessagePattern.ArgType.NONE ? plain : typed).add(name);
          if (part.getArgType() == MessagePattern.ArgType.SIMPLE) {
            int end = parsed.getPart(parsed.getLimitPartIndex(i)).getLimit();
            spans.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(new int[] {part.getIndex(), end});
          }
        }
      }
      plain.removeAll(typed);
    }

    String format(Object... keyValues) {
      Map<String, Object> values = new HashMap<>();
      Set<String> dashed = new TreeSet<>();
      TimeZone zone = TimeZone.GMT_ZONE;
      for (int i = 0; i + 1 < keyValues.length; i += 2) {
        String name = String.valueOf(keyValues[i]);
        Object value = keyValues[i + 1];
        if (value instanceof Optional<?> maybe) {
          if (maybe.isEmpty()) { // no such value (a rhythm that never fires again): written "—"
            if (spans.containsKey(name)) {
              dashed.add(name);
            } else {
              values.put(name, "—");
            }
            continue;
          }
          value = maybe.get();
        }
        if (plain.contains(name) && (value instanceof Moment || value instanceof Instant || value instanceof LocalDate)) {
          // A date in a plain placeholder is shown as typed (an example of input, a date echoed back):
          // the pattern asks for {x, date, ...} where it is to be read as a date.
          value = value instanceof Moment m ? ISO.format(m.at().atZone(m.zone()))
              : value instanceof Instant at ? ISO.format(at.atZone(ZoneOffset.UTC)) : value.toString();
        } else if (value instanceof Moment m) {
          // "Z" (a bare offset) is written UTC where members read it
          zone = TimeZone.getTimeZone(m.zone().getId().equals("Z") ? "UTC" : m.zone().getId());
          value = Date.from(m.at());
        } else if (value instanceof Instant at) {
          value = Date.from(at);
        } else if (value instanceof LocalDate day) {
          value = Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
        } else if ((value instanceof Integer || value instanceof Long) && plain.contains(name)) {
          value = value.toString();
        } else if (value != null && !(value instanceof Number) && !(value instanceof Date)) {
          value = value.toString();
        }
        values.put(name, value == null ? "" : value);
      }
      if (!values.keySet().containsAll(names) && !dashed.containsAll(missingOf(values))) {
        Set<String> missing = missingOf(values);
        missing.removeAll(dashed);
        String problem = "message '" + key + "' (" + lang.code() + ") shown without a value for " + missing;
        if (STRICT) {
          throw new IllegalStateException(problem);
        }
        log.error(problem);
      }
      if (!dashed.isEmpty()) {
        return zoned(new MessageFormat(withDashes(dashed), locale), zone).format(values);
      }
      synchronized (this) { // a MessageFormat is not thread-safe, and its date formats take the reader's zone
        return zoned(format, zone).format(values);
      }
    }

    private Set<String> missingOf(Map<String, Object> values) {
      Set<String> missing = new TreeSet<>(names);
      missing.removeAll(values.keySet());
      return missing;
    }

    /** The pattern with each formatted placeholder of {@code names} replaced by a dash. */
    private String withDashes(Set<String> names) {
      java.util.List<int[]> cut = new java.util.ArrayList<>();
      names.forEach(n -> cut.addAll(spans.getOrDefault(n, java.util.List.of())));
      cut.sort((a, b) -> Integer.compare(b[0], a[0]));
      StringBuilder out = new StringBuilder(pattern);
      for (int[] span : cut) {
        out.replace(span[0], span[1], "—");
      }
      return out.toString();
    }

    private static MessageFormat zoned(MessageFormat format, TimeZone zone) {
      for (java.text.Format f : format.getFormats()) {
        if (f instanceof DateFormat date) {
          date.setTimeZone(zone);
        }
      }
      return format;
    }
  }
}
