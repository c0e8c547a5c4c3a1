package org.trame.core.conflict;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trame.core.storage.Member;
import org.trame.core.storage.Members;

/**
 * Names parties the way members type them. A platform mention (Slack {@code <@U123>} or {@code
 * <@U123|name>}, Discord {@code <@123>} or {@code <@!123>}) names the member with that id, and only
 * them. A name ({@code bob} or {@code @bob}) counts only when it names exactly one member, by their
 * id or their display name: display names are labels anyone can change, so when two members answer
 * to it the coordinator is asked which one, by mention, instead of the first being taken.
 */
final class Parties {

  private static final Pattern PLATFORM_MENTION = Pattern.compile("<@!?([A-Za-z0-9_.-]+)(?:\\|[^>]*)?>");

  /**
   * What the words of {@code conflict @a @b topic…} name: the parties and the topic; or the first
   * word that names nobody ({@code unknown}); or the first that names several ({@code ambiguous},
   * with the members it may mean).
   */
  record Named(List<Member> parties, String topic, String unknown, String ambiguous, List<Member> candidates) {}

  private Parties() {}

  static boolean isMention(String token) {
    return token.startsWith("@") || PLATFORM_MENTION.matcher(token).matches();
  }

  static Named parse(Connection c, String collectiveId, List<String> tokens) throws SQLException {
    List<Member> members = Members.all(c, collectiveId);
    List<Member> parties = new ArrayList<>();
    int i = 0;
    for (; i < tokens.size(); i++) {
      String token = tokens.get(i);
      List<Member> found = candidates(members, token);
      if (found.size() > 1) {
        return new Named(List.of(), null, null, token, found);
      }
      if (found.isEmpty()) {
        if (isMention(token)) {
          return new Named(List.of(), null, token, null, List.of());
        }
        break; // the topic starts here
      }
      if (parties.stream().noneMatch(p -> p.memberId().equals(found.get(0).memberId()))) {
        parties.add(found.get(0));
      }
    }
    String topic = String.join(" ", tokens.subList(i, tokens.size())).strip();
    if (topic.startsWith(":") || topic.startsWith("-")) {
      topic = topic.substring(1).strip();
    }
    return new Named(parties, topic.isEmpty() ? null : topic, null, null, List.of());
  }

  /** The one member {@code token} names, if it names exactly one. */
  static Optional<Member> resolve(List<Member> members, String token) {
    List<Member> found = candidates(members, token);
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  /**
   * Every member {@code token} may name: the one whose id a platform mention carries; for a name,
   * each member whose id or display name it is (ignoring case).
   */
  static List<Member> candidates(List<Member> members, String token) {
    String key = token.replaceAll("[,;]+$", "");
    Matcher m = PLATFORM_MENTION.matcher(key);
    if (m.matches()) {
      String id = m.group(1);
      return members.stream().filter(member -> member.memberId().equals(id)).limit(1).toList();
    }
    if (key.startsWith("@")) {
      key = key.substring(1);
    }
    if (key.isEmpty()) {
      return List.of();
    }
    List<Member> found = new ArrayList<>();
    for (Member member : members) {
      if (member.memberId().equalsIgnoreCase(key) || (member.displayName() != null && member.displayName().equalsIgnoreCase(key))) {
        found.add(member);
      }
    }
    return found;
  }

  /** The members a name may mean, one a line, each as a mention the coordinator can tell apart. */
  static String listed(List<Member> candidates) {
    StringBuilder lines = new StringBuilder();
    for (Member m : candidates) {
      lines.append("\n• ").append(name(m)).append(" — ").append(org.trame.core.port.Mentions.of(m.memberId()));
    }
    return lines.toString();
  }

  /** How a member is named to others: their display name, else their id. */
  static String name(Member m) {
    return m == null ? "?" : m.displayName() != null && !m.displayName().isBlank() ? m.displayName() : m.memberId();
  }
}
