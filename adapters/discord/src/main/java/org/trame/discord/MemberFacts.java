package org.trame.discord;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import org.trame.core.port.MemberHints;

/**
 * What Discord tells about a member: their client's language, and whether they coordinate (they
 * hold the configured role, or by default the Manage Server permission). A click in a DM carries no
 * member, so the last answer seen in the guild is used there.
 */
final class MemberFacts {

  private final String coordinatorRole;
  private final Map<String, Boolean> lastKnown = new ConcurrentHashMap<>();

  /** @param coordinatorRole a role id or name, or null for the Manage Server permission */
  MemberFacts(String coordinatorRole) {
    this.coordinatorRole = coordinatorRole;
  }

  MemberHints hints(String guildId, String userId, Member member, DiscordLocale locale) {
    String key = guildId + ":" + userId;
    boolean coordinator;
    if (member != null) {
      coordinator = coordinator(member);
      lastKnown.put(key, coordinator);
    } else {
      coordinator = lastKnown.getOrDefault(key, false);
    }
    String tag = locale == null || locale == DiscordLocale.UNKNOWN ? null : locale.getLocale();
    return new MemberHints(tag, null, coordinator);
  }

  boolean coordinator(Member member) {
    if (coordinatorRole == null) {
      return member.hasPermission(Permission.MANAGE_SERVER);
    }
    String wanted = coordinatorRole.toLowerCase(Locale.ROOT);
    return member.getRoles().stream().anyMatch(r -> r.getId().equals(coordinatorRole)
        || r.getName().toLowerCase(Locale.ROOT).equals(wanted));
  }
}
