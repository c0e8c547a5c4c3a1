package org.trame.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;
import org.trame.discord.wire.FakeDiscord;
import org.trame.discord.wire.Payloads;

/**
 * Real JDA against the fake Discord, with a core that only records what reaches it: the words and
 * facts a slash command becomes once JDA has parsed Discord's interaction.
 */
@Timeout(60)
class SlashCommandWireTest {

  private FakeDiscord discord;
  private DiscordAdapter adapter;
  private final LinkedBlockingQueue<InboundEvent> received = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws Exception {
    discord = new FakeDiscord();
    Map<String, String> env = new HashMap<>(discord.environment());
    env.put("TRAME_DISCORD_COORDINATOR_ROLE", Payloads.COORDINATION_ROLE_ID);
    adapter = DiscordAdapter.start(DiscordSettings.fromEnvironment(env).orElseThrow(), e -> {
      received.add(e);
      return CompletableFuture.completedFuture(new Handled(Handled.Outcome.APPLIED, List.of()));
    }, CoreTexts.TEXTS, new DiscordMessenger());
    assertTrue(discord.gateway().awaitGuild(20), "JDA received READY and GUILD_CREATE");
  }

  @AfterEach
  void stop() throws Exception {
    if (adapter != null) {
      adapter.close();
    }
    discord.close();
  }

  @Test
  @DisplayName("/trame conflict start with six members picked and a topic reaches the core as mentions of their ids, then the topic, from the channel it was typed in")
  void conflictPartiesByUserOptions() throws Exception {
    // given a coordinator picking six members with Discord's user picker, and a topic with spaces
    Map<String, String> parties = new LinkedHashMap<>();
    for (int i = 1; i <= 6; i++) {
      parties.put("party" + i, "14000000000000000" + (20 + i));
    }
    var command = Payloads.slashCommandWithUsers("conflict", "start", "token-1", parties, Map.of("topic", "le camion partagé"),
        true);
    // when Discord delivers the interaction
    discord.gateway().dispatch("INTERACTION_CREATE", command);
    // then the core gets the six parties as mentions of their ids, in order, then the topic
    InboundEvent e = received.poll(20, TimeUnit.SECONDS);
    assertEquals("conflict <@1400000000000000021> <@1400000000000000022> <@1400000000000000023>"
        + " <@1400000000000000024> <@1400000000000000025> <@1400000000000000026> le camion partagé", e.text());
    // and the channel it was typed in, for the coordinator they are (they hold the configured role)
    assertEquals(Payloads.CHANNEL_ID, e.channel());
    assertEquals(Payloads.GUILD_ID, e.collective());
    assertTrue(e.hints().coordinator());
    assertEquals(List.of(), discord.unknown());
  }
}
