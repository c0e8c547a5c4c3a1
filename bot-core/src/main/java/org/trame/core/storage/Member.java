package org.trame.core.storage;

/** A member of one collective, as stored. {@code lang} and {@code timeZone} may be null. */
public record Member(String collectiveId, String memberId, String displayName, String lang, String langSource, String timeZone) {

  public static final String LANG_CHOSEN = "chosen";
  public static final String LANG_DETECTED = "detected";
  public static final String LANG_PLATFORM = "platform";
}
