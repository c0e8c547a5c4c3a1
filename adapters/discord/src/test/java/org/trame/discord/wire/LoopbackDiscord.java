package org.trame.discord.wire;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trame.discord.wire.Payloads.APP_ID;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trame.core.MutableClock;
import org.trame.core.Trame;
import org.trame.core.TrameConfig;
import org.trame.core.i18n.Lang;
import org.trame.discord.DiscordAdapter;
import org.trame.discord.DiscordMessenger;
import org.trame.discord.DiscordSettings;

/**
 * Everything of a Discord wire test: the fake Discord on loopback, the real core on a temporary
 * SQLite file, the real messenger and JDA, logged in and with /trame registered. The guild's
 * coordination role and channel are configured by id.
 */
final class LoopbackDiscord implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(20);

  final FakeDiscord discord;
  /** How long the adapter trusts what Discord said of a member's roles runs on this clock. */
  final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T20:00:00Z"));
  final DiscordMessenger messenger;
  final Trame trame;
  final DiscordAdapter adapter;

  LoopbackDiscord(Path dir) throws Exception {
    discord = new FakeDiscord();
    messenger = new DiscordMessenger(clock);
    // The core's default language is English; the member's Discord client is French.
    trame = Trame.start(new TrameConfig(dir.resolve("trame.db"), null, Set.of(), Lang.EN, Clock.systemUTC()),
        List.of(messenger));
    Map<String, String> env = new HashMap<>(discord.environment());
    env.put("TRAME_DISCORD_COORDINATOR_ROLE", Payloads.COORDINATION_ROLE_ID);
    env.put("TRAME_DISCORD_CHANNEL", Payloads.CHANNEL_ID);
    adapter = DiscordAdapter.start(DiscordSettings.fromEnvironment(env).orElseThrow(), trame, messenger);
    assertTrue(discord.gateway().awaitGuild(20), "JDA identified and received READY and GUILD_CREATE");
    discord.await(c -> c.method().equals("PUT") && c.path().endsWith("/applications/" + APP_ID + "/commands"), 1, WAIT);
  }

  @Override
  public void close() throws Exception {
    trame.close();
    adapter.close();
    discord.close();
  }
}
