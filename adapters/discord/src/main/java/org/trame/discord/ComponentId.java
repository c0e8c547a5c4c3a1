package org.trame.discord;

import java.util.Optional;

/**
 * What a button, select menu or form carries in its custom id. A click in a DM has no guild, so
 * the guild (the collective) travels in the id, with the conversation and step it answers.
 * Form: {@code trame|<kind>|<guild>|<conversation>|<step>|<value>}, at most 100 characters.
 *
 * @param kind            what the component does
 * @param guild           the collective's guild id
 * @param conversationRef the core's conversation reference
 * @param stepRef         the core's step reference
 * @param value           the option's value for a choice button, else empty
 */
public record ComponentId(Kind kind, String guild, String conversationRef, String stepRef, String value) {

  /** Discord's limit for custom ids. */
  public static final int MAX_LENGTH = 100;
  private static final String PREFIX = "trame";

  /** The four kinds of component the adapter renders. */
  public enum Kind {
    /** a button standing for one option */
    CHOICE('c'),
    /** a string select menu; the values come with the interaction */
    SELECT('s'),
    /** the button that opens the free-text form */
    ANSWER('a'),
    /** the free-text form (a modal) */
    FORM('f');

    private final char code;

    Kind(char code) {
      this.code = code;
    }

    static Optional<Kind> of(String code) {
      for (Kind k : values()) {
        if (code.length() == 1 && code.charAt(0) == k.code) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  public ComponentId {
    value = value == null ? "" : value;
  }

  /** The same id for another kind of component (the form opened by an answer button). */
  public ComponentId as(Kind other) {
    return new ComponentId(other, guild, conversationRef, stepRef, "");
  }

  /** The encoded id, or empty when it would be longer than Discord allows. */
  public Optional<String> encode() {
    String id = String.join("|", PREFIX, String.valueOf(kind.code), escape(guild), escape(conversationRef),
        escape(stepRef), escape(value));
    return id.length() <= MAX_LENGTH ? Optional.of(id) : Optional.empty();
  }

  /** Decodes an id this adapter wrote; empty for anything else (an old or forged id). */
  public static Optional<ComponentId> decode(String id) {
    if (id == null || id.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String[] parts = id.split("\\|", -1);
    if (parts.length != 6 || !PREFIX.equals(parts[0]) || !parts[2].matches("\\d{1,20}")) {
      return Optional.empty();
    }
    Optional<Kind> kind = Kind.of(parts[1]);
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ComponentId(kind.get(), parts[2], unescape(parts[3]), unescape(parts[4]), unescape(parts[5])));
  }

  private static String escape(String s) {
    return s == null ? "" : s.replace("%", "%25").replace("|", "%7C");
  }

  private static String unescape(String s) {
    return s.replace("%7C", "|").replace("%25", "%");
  }
}
