package org.trame.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DiscordSettingsTest {

  @Test
  @DisplayName("without DISCORD_TOKEN, Discord is not started")
  void noToken() {
    // given an environment without a token (or a blank one)
    // when the settings are read
    // then there are none
    assertTrue(DiscordSettings.fromEnvironment(Map.of()).isEmpty());
    assertTrue(DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", "  ")).isEmpty());
  }

  @Test
  @DisplayName("every variable of the contract is read: URLs, shards, coordinator role and channels")
  void everything() {
    // given a full environment
    Map<String, String> env = Map.of(
        "DISCORD_TOKEN", "abc",
        "TRAME_DISCORD_API_URL", "http://127.0.0.1:9000/api/v10/",
        "TRAME_DISCORD_GATEWAY_URL", "ws://127.0.0.1:9001/",
        "TRAME_DISCORD_SHARDS", "0-3/8",
        "TRAME_DISCORD_COORDINATOR_ROLE", "1600000000000000008",
        "TRAME_DISCORD_CHANNEL", "1300000000000000003, 1300000000000000009");
    // when read
    DiscordSettings s = DiscordSettings.fromEnvironment(env).orElseThrow();
    // then each one is kept
    assertEquals("abc", s.token());
    assertEquals("http://127.0.0.1:9000/api/v10/", s.apiUrl());
    assertEquals("ws://127.0.0.1:9001/", s.gatewayUrl());
    assertEquals(new DiscordSettings.Shards(List.of(0, 1, 2, 3), 8), s.shards());
    assertEquals("1600000000000000008", s.coordinatorRole());
    assertEquals(Set.of(1300000000000000003L, 1300000000000000009L), s.channels());
  }

  @Test
  @DisplayName("defaults: Discord's URLs, all recommended shards, Manage Server for coordinators")
  void defaults() {
    // given only a token
    DiscordSettings s = DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", "abc")).orElseThrow();
    // then everything else is Discord's default
    assertNull(s.apiUrl());
    assertNull(s.gatewayUrl());
    assertNull(s.shards());
    assertNull(s.coordinatorRole());
    assertTrue(s.channels().isEmpty());
  }

  @Test
  @DisplayName("shard ranges: a range, one shard, a list, or all shards of a total")
  void shardForms() {
    // given the documented forms
    // when parsed
    // then they name the right shards
    assertEquals(new DiscordSettings.Shards(List.of(5), 8), DiscordSettings.Shards.parse("5/8"));
    assertEquals(new DiscordSettings.Shards(List.of(0, 2, 4), 8), DiscordSettings.Shards.parse("0,2,4/8"));
    assertEquals(new DiscordSettings.Shards(List.of(0, 1, 2), 3), DiscordSettings.Shards.parse("3"));
  }

  @Test
  @DisplayName("bad values stop the start with the variable's name and the expected form")
  void badValues() {
    // given values that cannot work
    // when read
    // then the error says which variable and what is expected
    IllegalArgumentException shards = assertThrows(IllegalArgumentException.class,
        () -> DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", "t", "TRAME_DISCORD_SHARDS", "4-9/8")));
    assertTrue(shards.getMessage().startsWith("TRAME_DISCORD_SHARDS must look like 0-3/8"), shards.getMessage());
    IllegalArgumentException url = assertThrows(IllegalArgumentException.class,
        () -> DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", "t", "TRAME_DISCORD_GATEWAY_URL", "http://x")));
    assertTrue(url.getMessage().startsWith("TRAME_DISCORD_GATEWAY_URL must be a ws or wss URL"), url.getMessage());
    IllegalArgumentException channel = assertThrows(IllegalArgumentException.class,
        () -> DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", "t", "TRAME_DISCORD_CHANNEL", "#general")));
    assertTrue(channel.getMessage().startsWith("TRAME_DISCORD_CHANNEL must list channel ids"), channel.getMessage());
  }

  @Test
  @DisplayName("a coordinator role given by name is refused at start, in one line naming the variable and asking for the role's id")
  void roleByNameRefused() {
    // given the role named rather than identified (any role can be renamed to that name)
    Map<String, String> env = Map.of("DISCORD_TOKEN", "t", "TRAME_DISCORD_COORDINATOR_ROLE", "Coordination");
    // when the settings are read
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DiscordSettings.fromEnvironment(env));
    // then Trame does not start, and says what is expected
    assertTrue(e.getMessage().startsWith("TRAME_DISCORD_COORDINATOR_ROLE must be a role id"), e.getMessage());
    assertTrue(e.getMessage().contains("'Coordination'"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line");
  }

  @Test
  @DisplayName("an id too large to be a Discord id is refused with the variable's name, for the role and for the channels")
  void idOutOfRange() {
    // given digits beyond Discord's 64-bit ids
    String tooLarge = "99999999999999999999";
    // when read, then each variable says what it expects
    IllegalArgumentException role = assertThrows(IllegalArgumentException.class, () -> DiscordSettings.fromEnvironment(
        Map.of("DISCORD_TOKEN", "t", "TRAME_DISCORD_COORDINATOR_ROLE", tooLarge)));
    assertTrue(role.getMessage().startsWith("TRAME_DISCORD_COORDINATOR_ROLE must be a role id"), role.getMessage());
    IllegalArgumentException channel = assertThrows(IllegalArgumentException.class, () -> DiscordSettings.fromEnvironment(
        Map.of("DISCORD_TOKEN", "t", "TRAME_DISCORD_CHANNEL", tooLarge)));
    assertTrue(channel.getMessage().startsWith("TRAME_DISCORD_CHANNEL must list channel ids"), channel.getMessage());
  }

  @Test
  @DisplayName("the token never shows when the settings are printed or refused, and may come from an owner-only file")
  void tokenStaysSecret(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    String token = "MTA5.discord-token-value.xyz";
    DiscordSettings s = DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", token)).orElseThrow();
    org.junit.jupiter.api.Assertions.assertFalse(s.toString().contains(token), s.toString());
    var bad = assertThrows(IllegalArgumentException.class, () -> DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", token,
        "TRAME_DISCORD_API_URL", "ftp://nowhere")));
    org.junit.jupiter.api.Assertions.assertFalse(bad.getMessage().contains(token), bad.getMessage());
    java.nio.file.Path f = dir.resolve("discord-token");
    java.nio.file.Files.writeString(f, token);
    java.nio.file.Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    assertEquals(token, DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN_FILE", f.toString())).orElseThrow().token());
  }
}
