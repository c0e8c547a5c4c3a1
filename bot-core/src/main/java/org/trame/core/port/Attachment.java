package org.trame.core.port;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file that goes with a message, such as a report's chart. Kept small (a chart is tens of
 * kilobytes): it is stored in the outbox row with its message, so it survives a restart.
 *
 * @param fileName  the name shown to members, e.g. {@code checkin-trend.png}
 * @param mediaType e.g. {@code image/png}
 * @param bytes     the content
 * @param description what a picture shows, in words, for those who cannot see it (a chart's
 *                    figures), in the recipient's language; null when there is none
 */
public record Attachment(String fileName, String mediaType, byte[] bytes, String description) {

  /** The most the outbox accepts for one attachment. */
  public static final int LARGEST = 2 * 1024 * 1024;

  public Attachment {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length > LARGEST) {
      throw new IllegalArgumentException("attachment " + fileName + " is " + bytes.length + " bytes; at most " + LARGEST);
    }
    bytes = bytes.clone();
  }

  /** A file with no description. */
  public Attachment(String fileName, String mediaType, byte[] bytes) {
    this(fileName, mediaType, bytes, null);
  }

  public static Attachment png(String fileName, byte[] bytes) {
    return new Attachment(fileName, "image/png", bytes);
  }

  /** A picture with the words that describe it (a chart's figures, for screen readers). */
  public static Attachment png(String fileName, byte[] bytes, String description) {
    return new Attachment(fileName, "image/png", bytes, description);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Attachment a && a.fileName.equals(fileName) && a.mediaType.equals(mediaType)
        && Arrays.equals(a.bytes, bytes) && Objects.equals(a.description, description);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fileName, mediaType, Arrays.hashCode(bytes), description);
  }

  @Override
  public String toString() {
    return "Attachment[" + fileName + ", " + mediaType + ", " + bytes.length + " bytes]";
  }
}
