package org.trame.core.port;

/**
 * Facts an adapter may know about a member from its platform. Any of them may be null.
 *
 * @param locale      the platform locale, e.g. {@code fr-FR}; used only while the member has not chosen a language
 * @param timeZone    an IANA zone such as {@code Europe/Paris}
 * @param coordinator true when the platform's own roles make this member a coordinator (admin, role)
 */
public record MemberHints(String locale, String timeZone, boolean coordinator) {
  public static final MemberHints NONE = new MemberHints(null, null, false);
}
