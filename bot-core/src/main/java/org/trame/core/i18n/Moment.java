package org.trame.core.i18n;

import java.time.Instant;
import java.time.ZoneId;

/**
 * An instant as a reader sees it: in their zone. Passed as a message's value for a
 * {@code {deadline, date, ...}} placeholder, it is written in the reader's language ("8 décembre
 * 2026 à 14:00", "December 8, 2026 at 14:00") at the zone's local time.
 */
public record Moment(Instant at, ZoneId zone) {

  public static Moment utc(long epochMillis) {
    return new Moment(Instant.ofEpochMilli(epochMillis), ZoneId.of("UTC"));
  }
}
