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
  private final java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
      new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.parse("2026-12-07T20:00:00Z"));
  /** A clock the test moves on, read by the adapter for how long it trusts what Discord said of roles. */
  private final java.time.Clock clock = new java.time.Clock() {
    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return now.get();
    }
  };

  @BeforeEach
  void start() throws Exception {
    discord = new FakeDiscord();
    Map<String, String> env = new HashMap<>(discord.environment());
    env.put("TRAME_DISCORD_COORDINATOR_ROLE", Payloads.COORDINATION_ROLE_ID);
    adapter = DiscordAdapter.start(DiscordSettings.fromEnvironment(env).orElseThrow(), e -> {
      received.add(e);
      return CompletableFuture.completedFuture(new Handled(Handled.Outcome.ACCEPTED, List.of()));
    }, CoreTexts.TEXTS, new DiscordMessenger(clock));
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

  @Test
  @DisplayName("a click in a DM, which carries no member, is from a coordinator only while Discord says so: a removed role counts once the minute of trust has passed")
  void dmClickFollowsTheRole() throws Exception {
    // given a coordinator who used /trame in the guild, holding the role
    discord.memberRoles(Payloads.MEMBER_ID, Payloads.COORDINATION_ROLE_ID);
    discord.gateway().dispatch("INTERACTION_CREATE", Payloads.slashCommand("help", "token-1", Map.of(), true));
    assertTrue(received.poll(20, TimeUnit.SECONDS).hints().coordinator());
    // and whose role is then removed on Discord
    discord.memberRoles(Payloads.MEMBER_ID);
    // when, more than a minute later, they click a button of a question in their DMs
    now.set(now.get().plusSeconds(61));
    String button = "trame|c|" + Payloads.GUILD_ID + "|42|why#share|private";
    var posted = Payloads.object().put("content", "Qui peut la voir ?");
    posted.putArray("components").addObject().put("type", 1).putArray("components").addObject().put("type", 2)
        .put("style", 2).put("label", "Rester privée").put("custom_id", button);
    var question = Payloads.message(Payloads.DM_CHANNEL_ID, posted, false);
    discord.gateway().dispatch("INTERACTION_CREATE", Payloads.buttonClick(question, button, "token-2"));
    // then the adapter asked Discord for the member, and the core hears someone who no longer coordinates
    InboundEvent click = received.poll(20, TimeUnit.SECONDS);
    assertEquals(InboundEvent.Kind.CHOICE, click.kind());
    assertEquals(false, click.hints().coordinator());
    assertEquals(1, discord.count(c -> c.method().equals("GET")
        && c.path().equals("/api/v10/guilds/" + Payloads.GUILD_ID + "/members/" + Payloads.MEMBER_ID)));
    assertEquals(List.of(), discord.unknown());
  }
}
