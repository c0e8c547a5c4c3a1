package org.trame.core.port;

import java.util.List;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.LocalText;

/**
 * One typed argument of a command in the {@link CommandCatalogue}: what a platform offers for it (a
 * user picker, a number in a range, a list of choices) and how help shows it.
 *
 * @param min   for a number, the smallest accepted; for a member, how many must be named
 * @param max   for a number, the largest accepted; for a member, how many may be named
 * @param values for a choice, the accepted values and their labels
 */
public record ArgSpec(String name, String fr, Type type, boolean optional, long min, long max, List<Choice> values,
    LocalText description) {

  public enum Type {
    /** A member, named by mention; repeated from {@code min} to {@code max} times. */
    MEMBER,
    NUMBER,
    /** A date, YYYY-MM-DD. */
    DATE,
    CHOICE,
    /** Free text, the rest of the line. */
    TEXT,
    /** An IANA time zone, e.g. Europe/Paris. */
    ZONE,
    CRON,
    /** A word that is present or not, e.g. {@code close} in {@code stakes round close}. */
    FLAG
  }

  /** One accepted value of a choice and its label in each language. */
  public record Choice(String value, LocalText label) {}

  public ArgSpec {
    values = List.copyOf(values);
  }

  /** The argument's name in {@code lang}. */
  public String name(Lang lang) {
    return lang == Lang.FR ? fr : name;
  }

  /** How help writes it: {@code <months>}, {@code [1-9]}, {@code fr|en}, {@code @party1 @party2 …}. */
  public String shown(Lang lang) {
    boolean narrow = type == Type.NUMBER && max - min <= 20;
    String inner = switch (type) {
      case MEMBER -> "@" + name(lang) + "1 @" + name(lang) + "2 …";
      case NUMBER -> narrow ? min + "-" + max : name(lang);
      case CHOICE -> String.join("|", values.stream().map(Choice::value).toList());
      case DATE -> lang == Lang.FR ? "AAAA-MM-JJ" : "YYYY-MM-DD";
      case ZONE -> lang == Lang.FR ? "Zone/Ville" : "Area/City";
      case FLAG -> name(lang);
      default -> name(lang);
    };
    if (optional) {
      return "[" + inner + "]";
    }
    return switch (type) {
      case NUMBER, TEXT, CRON -> "<" + inner + ">";
      default -> inner;
    };
  }
}
