package org.trame.core.storage;

/** A member of one collective, as stored. {@code lang} and {@code timeZone} may be null. */
public record Member(String collectiveId, String memberId, String displayName, String lang, String langSource, String timeZone) {

  public static final String LANG_CHOSEN = "chosen";
  public static final String LANG_DETECTED = "detected";
  public static final String LANG_PLATFORM = "platform";

  /** The member's own time zone, when one is stored and readable. */
  public java.util.Optional<java.time.ZoneId> zone() {
    if (timeZone == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(java.time.ZoneId.of(timeZone));
    } catch (java.time.DateTimeException e) {
      return java.util.Optional.empty(); // an unreadable zone reads as none
    }
  }
}
