package org.trame.core.checkin;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A collective's check-in rhythm: a Unix cron (5 fields) read as wall-clock times. An occurrence
 * is a local date-time ("Monday 09:00"), and each member is asked at that local date-time in their
 * own zone. Occurrences are computed on a clock without daylight saving, then placed in a zone, so
 * a daylight-saving change can neither skip a round nor run it twice: a time that does not exist
 * that day (spring forward) moves to just after the gap; a time that exists twice (fall back) is
 * taken once, at its first instant.
 */
final class Rhythm {

  private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final Pattern OUT_OF_RANGE = Pattern.compile("Value (\\d+) not in range \\[(\\d+), (\\d+)\\]");
  static final DateTimeFormatter OCCURRENCE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private final String expression;
  private final ExecutionTime times;

  private Rhythm(String expression, Cron cron) {
    this.expression = expression;
    this.times = ExecutionTime.forCron(cron);
  }

  /** Why a cron expression was refused: a field out of its range, a wrong number of fields, or else the parser's words. */
  record Refusal(String field, String value, String min, String max, int fieldCount, String reason) {}

  /** Thrown for an expression that is not a Unix cron; nothing is saved. */
  static final class BadCron extends Exception {
    final Refusal refusal;

    BadCron(Refusal refusal) {
      super(refusal.reason());
      this.refusal = refusal;
    }
  }

  static Rhythm parse(String expression) throws BadCron {
    String e = expression == null ? "" : expression.strip().replaceAll("\\s+", " ");
    String[] fields = e.isEmpty() ? new String[0] : e.split(" ");
    if (fields.length != 5) {
      throw new BadCron(new Refusal(null, null, null, null, fields.length, "expected 5 fields"));
    }
    try {
      Cron cron = PARSER.parse(e);
      cron.validate();
      return new Rhythm(e, cron);
    } catch (IllegalArgumentException failure) {
      String message = String.valueOf(failure.getMessage());
      Matcher m = OUT_OF_RANGE.matcher(message);
      if (m.find()) {
        return throwRange(fields, m.group(1), m.group(2), m.group(3));
      }
      throw new BadCron(new Refusal(null, null, null, null, 5, message));
    }
  }

  /** Names the field whose value is out of range, from the range the parser quoted. */
  private static Rhythm throwRange(String[] fields, String value, String min, String max) throws BadCron {
    String[] names = {"minute", "hour", "day_of_month", "month", "day_of_week"};
    String[][] ranges = {{"0", "59"}, {"0", "23"}, {"1", "31"}, {"1", "12"}, {"0", "7"}};
    String field = null;
    for (int i = 0; i < 5; i++) {
      boolean rangeFits = ranges[i][0].equals(min) && (ranges[i][1].equals(max) || (i == 4 && max.equals("6")));
      if (rangeFits && fields[i].matches(".*\\b" + value + "\\b.*")) {
        field = names[i];
        break;
      }
    }
    throw new BadCron(new Refusal(field, value, min, max, 5, "value " + value + " not in range " + min + "-" + max));
  }

  String expression() {
    return expression;
  }

  /** The first occurrence strictly after {@code after} (a local date-time), if the cron ever fires again. */
  Optional<LocalDateTime> nextAfter(LocalDateTime after) {
    // On a zone without daylight saving, cron arithmetic is plain wall-clock arithmetic.
    return times.nextExecution(after.atZone(ZoneOffset.UTC)).map(ZonedDateTime::toLocalDateTime);
  }

  /** The shortest wall-clock time between two consecutive occurrences among the next {@code count} after {@code after}. */
  Optional<java.time.Duration> shortestGap(LocalDateTime after, int count) {
    java.time.Duration shortest = null;
    Optional<LocalDateTime> previous = nextAfter(after);
    for (int i = 1; i < count && previous.isPresent(); i++) {
      Optional<LocalDateTime> next = nextAfter(previous.get());
      if (next.isEmpty()) {
        break;
      }
      java.time.Duration gap = java.time.Duration.between(previous.get(), next.get());
      shortest = shortest == null || gap.compareTo(shortest) < 0 ? gap : shortest;
      previous = next;
    }
    return Optional.ofNullable(shortest);
  }

  /** The first occurrence whose earliest instant in {@code zone} is after {@code now}. */
  Optional<LocalDateTime> nextAfter(Instant now, ZoneId zone) {
    return nextAfter(LocalDateTime.ofInstant(now, zone));
  }

  /** The instant an occurrence happens in {@code zone}: after a spring-forward gap, or at the first of two. */
  static Instant at(LocalDateTime occurrence, ZoneId zone) {
    return ZonedDateTime.ofLocal(occurrence, zone, null).toInstant();
  }

  static String key(LocalDateTime occurrence) {
    return OCCURRENCE.format(occurrence);
  }

  static LocalDateTime fromKey(String key) {
    return LocalDateTime.parse(key, OCCURRENCE);
  }
}
