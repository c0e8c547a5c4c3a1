package org.trame.core.storage;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;

/** A member of one collective, as stored. {@code lang} and {@code timeZone} may be null. */
public record Member(String collectiveId, String memberId, String displayName, String lang, String langSource, String timeZone) {

  public static final String LANG_CHOSEN = "chosen";
  public static final String LANG_DETECTED = "detected";
  public static final String LANG_PLATFORM = "platform";
  /** Taken from a greeting ("Hello", "Bonjour"): a first hint, which a longer message may correct. */
  public static final String LANG_GREETING = "greeting";

  // Area/City names and "UTC" (the bot's own default, shown so); offsets and abbreviations miss clock changes.
  private static final Pattern ZONE_NAME = Pattern.compile("[A-Za-z_]+(/[A-Za-z0-9_+\\-]+){1,2}|UTC");

  /** The member's own time zone, when one is stored and readable. */
  public Optional<ZoneId> zone() {
    return validZone(timeZone);
  }

  /**
   * The one rule for a zone name, whether a platform gives it (Slack's {@code America/New_York}) or
   * a member or coordinator types it: an IANA Area/City name or {@code UTC}; empty for anything else.
   */
  public static Optional<ZoneId> validZone(String name) {
    if (name == null || !ZONE_NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(name));
    } catch (DateTimeException e) {
      return Optional.empty(); // well formed but unknown, e.g. Mars/Olympus
    }
  }
}
