package org.trame.core.port;

/**
 * What logs may say of a member's words: only their length, unless {@code TRAME_LOG_TEXTS=1} is set
 * explicitly for debugging. Logs travel further than the database (files, collectors, support).
 */
public final class LogTexts {

  private static final boolean ENABLED = "1".equals(System.getenv("TRAME_LOG_TEXTS"));

  private LogTexts() {}

  /** The text as a log line may show it. */
  public static String shown(String text) {
    return shown(text, ENABLED);
  }

  static String shown(String text, boolean enabled) {
    if (text == null) {
      return "null";
    }
    return enabled ? text : "[" + text.length() + " characters, hidden unless TRAME_LOG_TEXTS=1]";
  }
}
