package org.trame.discord.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trame.discord.wire.Payloads.DM_CHANNEL_ID;
import static org.trame.discord.wire.Payloads.GUILD_ID;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.trame.discord.DiscordMessenger;

/**
 * Real JDA against the fake Discord: who coordinates is what Discord says now, and the collective's
 * channel is one of the message's guild, as the core asks before a message leaves.
 */
@Timeout(120)
class DiscordRolesWireTest {

  @TempDir
  Path dir;
  LoopbackDiscord wire;
  FakeDiscord discord;
  DiscordMessenger messenger;

  @BeforeEach
  void start() throws Exception {
    wire = new LoopbackDiscord(dir);
    discord = wire.discord;
    messenger = wire.messenger;
  }

  @AfterEach
  void stop() throws Exception {
    if (wire != null) {
      wire.close();
    }
  }

  @Test
  @DisplayName("a coordinator whose role is removed on Discord is no longer one once the minute of trust has passed; one who left the guild, or of a guild the bot is not in, is not one")
  void coordinatorRoleFollowsDiscord() throws Exception {
    // given a member holding the coordination role on Discord
    discord.memberRoles(Payloads.MEMBER_ID, Payloads.COORDINATION_ROLE_ID);
    // when the core asks before a coordinator-only message leaves
    // then Discord's member is fetched, and they coordinate
    assertTrue(messenger.hasCoordinatorRole(GUILD_ID, Payloads.MEMBER_ID));
    Predicate<FakeDiscord.Call> lookup = c -> c.method().equals("GET")
        && c.path().equals("/api/v10/guilds/" + GUILD_ID + "/members/" + Payloads.MEMBER_ID);
    assertEquals(1, discord.count(lookup));
    // when the role is removed on Discord
    discord.memberRoles(Payloads.MEMBER_ID);
    // then within the minute the answer stands without asking Discord again
    assertTrue(messenger.hasCoordinatorRole(GUILD_ID, Payloads.MEMBER_ID));
    assertEquals(1, discord.count(lookup));
    // and after it, Discord is asked again and the member no longer coordinates
    wire.clock.advance(Duration.ofSeconds(61));
    assertFalse(messenger.hasCoordinatorRole(GUILD_ID, Payloads.MEMBER_ID));
    assertEquals(2, discord.count(lookup));
    // when they leave the guild (Unknown Member, 10007), they do not coordinate
    discord.memberRoles("1400000000000000044", Payloads.COORDINATION_ROLE_ID);
    discord.memberLeaves("1400000000000000044");
    assertFalse(messenger.hasCoordinatorRole(GUILD_ID, "1400000000000000044"));
    // nor does anyone of a guild the bot is not in
    assertFalse(messenger.hasCoordinatorRole("1200000000000000099", Payloads.MEMBER_ID));
    assertEquals(List.of(), discord.unknown());
  }

  @Test
  @DisplayName("the collective's channel is posted to only when it is a channel of the message's guild: the configured one is offered to the core, an unknown one is undeliverable and nothing is posted")
  void channelOfTheGuildOnly() throws Exception {
    // given TRAME_DISCORD_CHANNEL listing the guild's channel (set up)
    // then the core is offered it for this guild, and nothing for another
    assertEquals(java.util.Optional.of(Payloads.CHANNEL_ID), messenger.configuredChannel(GUILD_ID));
    assertEquals(java.util.Optional.empty(), messenger.configuredChannel("1200000000000000099"));
    // when the core names a channel that is not one of the guild's (another guild's, or deleted)
    var elsewhere = new org.trame.core.port.OutboundMessage(9300, "discord", GUILD_ID,
        org.trame.core.port.Audience.channel("1300000000000000077"), "Bilan", null, List.of(), null, null, "fr");
    var refused = org.junit.jupiter.api.Assertions.assertThrows(org.trame.core.port.UndeliverableException.class,
        () -> messenger.send(elsewhere));
    // then it is given up with the reason, and no channel receives anything
    assertTrue(refused.reason().contains("1300000000000000077"), refused.reason());
    assertEquals(0, discord.count(c -> c.method().equals("POST") && c.path().startsWith("/api/v10/channels/")));
    // and the DM channel is no collective channel either
    assertThrows(org.trame.core.port.UndeliverableException.class, () -> messenger.send(new org.trame.core.port.OutboundMessage(
        9301, "discord", GUILD_ID, org.trame.core.port.Audience.channel(DM_CHANNEL_ID), "Bilan", null, List.of(), null, null, "fr")));
    assertEquals(0, discord.count(c -> c.method().equals("POST") && c.path().startsWith("/api/v10/channels/")));
  }
}
