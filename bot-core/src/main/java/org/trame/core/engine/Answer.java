package org.trame.core.engine;

/**
 * One recorded answer.
 *
 * @param value   the answer: the text, the option value, the number, {@code yes}/{@code no}, or
 *                for a multi-choice the chosen values joined by commas; null when skipped
 * @param sharing for a step with {@code share: true}: {@code private}, {@code coordinators} or
 *                {@code collective}; null while not chosen (and then treated as private)
 */
public record Answer(String value, String sharing) {

  public static final String PRIVATE = "private";
  public static final String COORDINATORS = "coordinators";
  public static final String COLLECTIVE = "collective";

  public boolean skipped() {
    return value == null;
  }

  public Answer withSharing(String newSharing) {
    return new Answer(value, newSharing);
  }

  /** The sharing choice, private unless the member chose otherwise. */
  public String sharingOrPrivate() {
    return sharing == null ? PRIVATE : sharing;
  }
}
