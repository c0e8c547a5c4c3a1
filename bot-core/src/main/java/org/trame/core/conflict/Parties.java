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
 * Names parties the way members type them: a platform mention ({@code @alice}, Slack {@code <@U123>},
 * Discord {@code <@123>} or {@code <@!123>}) or a member's name, matched against the members the
 * collective's database knows.
 */
final class Parties {

  private static final Pattern PLATFORM_MENTION = Pattern.compile("<@!?([A-Za-z0-9_.-]+)(?:\\|[^>]*)?>");

  /** What the words of {@code conflict @a @b topic…} name. */
  record Named(List<Member> parties, String topic, String unknown) {}

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
      Optional<Member> found = resolve(members, token);
      if (isMention(token)) {
        if (found.isEmpty()) {
          return new Named(List.of(), null, token);
        }
      } else if (found.isEmpty()) {
        break; // the topic starts here
      }
      if (parties.stream().noneMatch(p -> p.memberId().equals(found.get().memberId()))) {
        parties.add(found.get());
      }
    }
    String topic = String.join(" ", tokens.subList(i, tokens.size())).strip();
    if (topic.startsWith(":") || topic.startsWith("-")) {
      topic = topic.substring(1).strip();
    }
    return new Named(parties, topic.isEmpty() ? null : topic, null);
  }

  static Optional<Member> resolve(List<Member> members, String token) {
    String key = token;
    Matcher m = PLATFORM_MENTION.matcher(token);
    if (m.matches()) {
      key = m.group(1);
    } else if (key.startsWith("@")) {
      key = key.substring(1);
    }
    key = key.replaceAll("[,;]+$", "");
    if (key.isEmpty()) {
      return Optional.empty();
    }
    for (Member member : members) {
      if (member.memberId().equalsIgnoreCase(key)) {
        return Optional.of(member);
      }
    }
    for (Member member : members) {
      if (member.displayName() != null && member.displayName().equalsIgnoreCase(key)) {
        return Optional.of(member);
      }
    }
    return Optional.empty();
  }

  /** How a member is named to others: their display name, else their id. */
  static String name(Member m) {
    return m == null ? "?" : m.displayName() != null && !m.displayName().isBlank() ? m.displayName() : m.memberId();
  }
}
