package org.trame.core.conflict;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Calendar dates as members type them: 2026-05-14 or 14/05/2026. */
final class Dates {

  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern FRENCH = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

  private Dates() {}

  /** The member's own zone when they gave a valid one ({@code tz}), else UTC: the calendar and clock they read. */
  static java.time.ZoneId zoneOf(org.trame.core.storage.Member m) {
    return m == null ? java.time.ZoneId.of("UTC") : m.zone().orElse(java.time.ZoneId.of("UTC"));
  }

  /** The date, or null when the text is not one of the two forms or not a real day. */
  static LocalDate parse(String text) {
    String s = text.strip();
    try {
      Matcher m = ISO.matcher(s);
      if (m.matches()) {
        return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      }
      m = FRENCH.matcher(s);
      if (m.matches()) {
        return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
      }
    } catch (DateTimeException e) {
      return null; // 31/02/2026
    }
    return null;
  }
}
