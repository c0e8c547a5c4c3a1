package org.trame.discord;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.sharding.ShardManager;

/**
 * Members looked up through JDA: {@code Guild.retrieveMemberById}, which answers from JDA's member
 * cache when it holds the member and asks Discord otherwise (this bot caches no members, having no
 * members intent, so it asks Discord).
 */
final class GuildMembers implements MemberFacts.Directory {

  private volatile ShardManager shards;

  /** Binds the lookup to the running shards; until then a lookup fails (Discord cannot tell yet). */
  void bind(ShardManager shards) {
    this.shards = shards;
  }

  @Override
  public CompletableFuture<Optional<Member>> member(String guildId, String userId) {
    ShardManager s = shards;
    if (s == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("Discord is not connected yet"));
    }
    long guild;
    long user;
    try {
      guild = Long.parseUnsignedLong(guildId);
      user = Long.parseUnsignedLong(userId);
    } catch (NumberFormatException e) {
      return CompletableFuture.completedFuture(Optional.empty()); // not a Discord id: no such member
    }
    Guild g = s.getGuildById(guild);
    if (g == null) {
      int total = s.getShardsTotal();
      int shard = total <= 0 ? 0 : (int) ((guild >>> 22) % total);
      if (s.getShardById(shard) == null) {
        return CompletableFuture.failedFuture(new IllegalStateException(
            "guild " + guildId + " is on shard " + shard + ", which another process runs"));
      }
      return CompletableFuture.completedFuture(Optional.empty()); // the bot is not in that guild
    }
    return g.retrieveMemberById(user).submit().<Optional<Member>>thenApply(Optional::of)
        .exceptionallyCompose(failure -> {
          Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
          if (cause instanceof ErrorResponseException e && (e.getErrorResponse() == ErrorResponse.UNKNOWN_MEMBER
              || e.getErrorResponse() == ErrorResponse.UNKNOWN_USER || e.getErrorResponse() == ErrorResponse.UNKNOWN_GUILD)) {
            return CompletableFuture.completedFuture(Optional.empty());
          }
          return CompletableFuture.failedFuture(cause);
        });
  }
}
