package org.trame.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GuildMembersTest {

  /** A guild id on shard 1 of 2: (id >> 22) % 2 == 1. */
  private static final String GUILD_ON_SHARD_1 = Long.toString((3L << 22) | 5);

  @Test
  @DisplayName("a guild on one of this process's shards but not in its cache is a guild the bot is not in: no member there")
  void guildTheBotIsNotIn() throws Exception {
    // given this process running both shards, and the guild in neither
    ShardManager shards = mock(ShardManager.class);
    when(shards.getShardsTotal()).thenReturn(2);
    when(shards.getShardById(1)).thenReturn(mock(JDA.class));
    GuildMembers members = new GuildMembers();
    members.bind(shards);
    // then the member is not there (so not a coordinator)
    assertEquals(Optional.empty(), members.member(GUILD_ON_SHARD_1, "1400000000000000004").get());
  }

  @Test
  @DisplayName("a guild on a shard another process runs cannot be told about here: the lookup fails rather than say no, and so before the start")
  void guildOfAnotherProcess() {
    // given this process running shard 0 of 2 only
    ShardManager shards = mock(ShardManager.class);
    when(shards.getShardsTotal()).thenReturn(2);
    when(shards.getShardById(0)).thenReturn(mock(JDA.class));
    GuildMembers members = new GuildMembers();
    // before the shards are bound, nothing can be told
    assertThrows(ExecutionException.class, () -> members.member(GUILD_ON_SHARD_1, "1400000000000000004").get());
    members.bind(shards);
    // then a guild of shard 1 fails, naming the shard
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> members.member(GUILD_ON_SHARD_1, "1400000000000000004").get());
    assertTrue(e.getCause().getMessage().contains("shard 1"), e.getCause().getMessage());
  }
}
