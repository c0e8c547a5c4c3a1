package org.trame.slack;

import com.slack.api.model.User;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trame.core.port.MemberHints;

/**
 * What Slack knows of a member (users.info with their locale): display name, locale, time zone,
 * and whether they are a workspace admin or owner, which makes them a coordinator. Cached a few
 * minutes; when Slack cannot be asked, the event still goes through without hints.
 */
final class Members {

  private static final Logger log = LoggerFactory.getLogger(Members.class);
  static final Duration KEPT = Duration.ofMinutes(10);
  /** How long an admin's role is trusted before Slack is asked again: a demotion counts within a minute. */
  static final Duration ROLE_KEPT = Duration.ofMinutes(1);

  /** One member as the core needs them. */
  record Known(String name, MemberHints hints) {}

  private record Entry(Known known, long at) {}

  private final SlackWeb web;
  private final Clock clock;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  Members(SlackWeb web, Clock clock) {
    this.web = web;
    this.clock = clock;
  }

  Known lookUp(String userId, String fallbackName) {
    long now = clock.millis();
    Entry e = cache.get(userId);
    if (fresh(e, now)) {
      return e.known();
    }
    try {
      return fetch(userId, fallbackName, now);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    } catch (SlackWeb.SlackCallException failure) {
      log.warn("member {} handled without Slack profile hints: {}", userId, failure.getMessage());
    }
    if (e == null) {
      return new Known(fallbackName == null ? userId : fallbackName, MemberHints.NONE);
    }
    // Slack could not be asked: the name and locale may still serve, an admin role past its minute may not.
    MemberHints h = e.known().hints();
    return h.coordinator() && now - e.at() >= ROLE_KEPT.toMillis()
        ? new Known(e.known().name(), new MemberHints(h.locale(), h.timeZone(), false)) : e.known();
  }

  /**
   * Whether Slack makes {@code userId} a workspace admin or owner now (within {@link #ROLE_KEPT});
   * throws when Slack cannot say, so that a coordinator-only message waits rather than leaks.
   */
  boolean coordinatorNow(String userId) throws SlackWeb.SlackCallException, InterruptedException {
    long now = clock.millis();
    Entry e = cache.get(userId);
    if (e != null && now - e.at() < ROLE_KEPT.toMillis()) {
      return e.known().hints().coordinator();
    }
    try {
      return fetch(userId, e == null ? null : e.known().name(), now).hints().coordinator();
    } catch (SlackWeb.SlackCallException failure) {
      if ("user_not_found".equals(failure.error())) {
        return false; // gone from the workspace: no longer anyone's coordinator
      }
      throw failure;
    }
  }

  /** An admin's entry is kept a minute only, so that a demotion counts soon; anyone else's longer. */
  private static boolean fresh(Entry e, long now) {
    if (e == null) {
      return false;
    }
    long age = now - e.at();
    return age < (e.known().hints().coordinator() ? ROLE_KEPT : KEPT).toMillis();
  }

  private Known fetch(String userId, String fallbackName, long now) throws SlackWeb.SlackCallException, InterruptedException {
    User u = web.callOnce("users.info", c -> c.usersInfo(r -> r.user(userId).includeLocale(true))).getUser();
    Known known = new Known(nameOf(u, fallbackName, userId),
        new MemberHints(u.getLocale(), u.getTz(), u.isAdmin() || u.isOwner() || u.isPrimaryOwner()));
    cache.put(userId, new Entry(known, now));
    return known;
  }

  private static String nameOf(User u, String fallbackName, String userId) {
    if (u.getProfile() != null && notBlank(u.getProfile().getDisplayName())) {
      return u.getProfile().getDisplayName();
    }
    if (notBlank(u.getRealName())) {
      return u.getRealName();
    }
    if (notBlank(u.getName())) {
      return u.getName();
    }
    return fallbackName == null ? userId : fallbackName;
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
