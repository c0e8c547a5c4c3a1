package org.trame.discord;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import org.trame.core.port.MemberHints;

/**
 * What Discord tells about a member: their client's language, and whether they coordinate (they
 * hold the configured role, known by its id only, or by default the Manage Server permission).
 *
 * <p>Roles change on Discord at any time, so whether a member coordinates is what Discord says now,
 * or said less than {@link #FRESH} ago: an interaction in the guild carries the member as Discord
 * has them; a click in a DM carries none, and neither does a message about to leave the outbox, so
 * the member is then looked up in the guild ({@link Directory}). A member no longer in the guild
 * does not coordinate.
 */
final class MemberFacts {

  /** How long what Discord said of a member's roles is taken as still true. */
  static final Duration FRESH = Duration.ofSeconds(60);

  /** Looks a member up in a guild, as Discord has them now. */
  interface Directory {
    /**
     * The member; empty when they are not in the guild, or the bot is not; failed when Discord
     * cannot tell now (unreachable, a server error, the guild on another process's shard).
     */
    CompletableFuture<Optional<Member>> member(String guildId, String userId);
  }

  private static final int PRUNE_EVERY = 1024;

  private record Known(boolean coordinator, long at) {}

  private final Long coordinatorRole;
  private final Directory directory;
  private final LongSupplier clock;
  private final Map<String, Known> known = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger puts = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * @param coordinatorRole the role's id (a snowflake), or null for the Manage Server permission
   * @param clock           milliseconds, for how long an answer stays fresh
   */
  MemberFacts(String coordinatorRole, Directory directory, LongSupplier clock) {
    this.coordinatorRole = coordinatorRole == null ? null : Long.parseUnsignedLong(coordinatorRole);
    this.directory = directory;
    this.clock = clock;
  }

  /** The hints the core gets with an event. */
  static MemberHints hints(DiscordLocale locale, boolean coordinator) {
    String tag = locale == null || locale == DiscordLocale.UNKNOWN ? null : locale.getLocale();
    return new MemberHints(tag, null, coordinator);
  }

  /** Whether a member as Discord just gave them coordinates; remembered for {@link #FRESH}. */
  boolean seen(String guildId, String userId, Member member) {
    boolean coordinator = coordinator(member);
    remember(key(guildId, userId), coordinator, clock.getAsLong());
    return coordinator;
  }

  /**
   * Whether the member coordinates now: what Discord said less than {@link #FRESH} ago, else what
   * it says when asked. Fails when Discord cannot tell.
   */
  CompletableFuture<Boolean> current(String guildId, String userId) {
    String key = key(guildId, userId);
    Known k = known.get(key);
    long now = clock.getAsLong();
    if (k != null && now - k.at() < FRESH.toMillis()) {
      return CompletableFuture.completedFuture(k.coordinator());
    }
    CompletableFuture<Optional<Member>> member;
    try {
      member = directory.member(guildId, userId);
    } catch (RuntimeException e) {
      member = CompletableFuture.failedFuture(e);
    }
    return member.thenApply(m -> {
      boolean coordinator = m.map(this::coordinator).orElse(false);
      remember(key, coordinator, now);
      return coordinator;
    });
  }

  boolean coordinator(Member member) {
    if (coordinatorRole == null) {
      return member.hasPermission(Permission.MANAGE_SERVER);
    }
    long wanted = coordinatorRole;
    return member.getRoles().stream().anyMatch(r -> r.getIdLong() == wanted);
  }

  private void remember(String key, boolean coordinator, long at) {
    known.put(key, new Known(coordinator, at));
    if (puts.incrementAndGet() % PRUNE_EVERY == 0) {
      long now = clock.getAsLong();
      known.values().removeIf(k -> now - k.at() >= FRESH.toMillis());
    }
  }

  private static String key(String guildId, String userId) {
    return guildId + ":" + userId;
  }
}
