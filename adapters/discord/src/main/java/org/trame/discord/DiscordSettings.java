package org.trame.discord;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Discord adapter's configuration, read from the environment (see the adapter's README).
 *
 * @param token           the bot token ({@code DISCORD_TOKEN})
 * @param apiUrl          the REST base URL, or null for Discord's ({@code TRAME_DISCORD_API_URL})
 * @param gatewayUrl      the gateway URL, or null for Discord's ({@code TRAME_DISCORD_GATEWAY_URL})
 * @param shards          the shards this process runs, or null for all of Discord's recommended total
 *                        ({@code TRAME_DISCORD_SHARDS})
 * @param coordinatorRole the id (a snowflake) of the role whose holders are coordinators, or null
 *                        for the Manage Server permission ({@code TRAME_DISCORD_COORDINATOR_ROLE}); never a
 *                        name, which any role can take
 * @param channels        the collectives' channels, at most one per guild ({@code TRAME_DISCORD_CHANNEL})
 */
public record DiscordSettings(String token, String apiUrl, String gatewayUrl, Shards shards, String coordinatorRole,
    Set<Long> channels) {

  public DiscordSettings {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("DISCORD_TOKEN is empty");
    }
    channels = Set.copyOf(channels);
    if (coordinatorRole != null && !isSnowflake(coordinatorRole)) {
      throw new IllegalArgumentException("TRAME_DISCORD_COORDINATOR_ROLE must be a role id (digits, from the role's"
          + " \"Copy Role ID\"), not a name, got '" + coordinatorRole + "'");
    }
  }

  /** Discord's ids are unsigned 64-bit numbers written in decimal. */
  private static boolean isSnowflake(String id) {
    if (!id.matches("\\d{1,20}")) {
      return false;
    }
    try {
      Long.parseUnsignedLong(id);
      return true;
    } catch (NumberFormatException tooLarge) {
      return false;
    }
  }

  /** The settings, or empty when {@code DISCORD_TOKEN} is unset (Discord is not used). */
  public static Optional<DiscordSettings> fromEnvironment(Map<String, String> env) {
    String token = org.trame.core.port.Secrets.read(env, "DISCORD_TOKEN");
    if (token == null) {
      return Optional.empty();
    }
    String api = value(env, "TRAME_DISCORD_API_URL");
    String gateway = value(env, "TRAME_DISCORD_GATEWAY_URL");
    requireUrl("TRAME_DISCORD_API_URL", api, "http", "https");
    requireUrl("TRAME_DISCORD_GATEWAY_URL", gateway, "ws", "wss");
    String shards = value(env, "TRAME_DISCORD_SHARDS");
    return Optional.of(new DiscordSettings(token, api, gateway, shards == null ? null : Shards.parse(shards),
        value(env, "TRAME_DISCORD_COORDINATOR_ROLE"), channelIds(value(env, "TRAME_DISCORD_CHANNEL"))));
  }

  private static String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static void requireUrl(String name, String url, String... schemes) {
    if (url == null) {
      return;
    }
    try {
      String scheme = URI.create(url).getScheme();
      if (scheme != null && List.of(schemes).contains(scheme.toLowerCase(Locale.ROOT))) {
        return;
      }
    } catch (IllegalArgumentException e) {
      // reported below, with the expected form
    }
    throw new IllegalArgumentException(name + " must be a " + String.join(" or ", schemes) + " URL, got '" + url + "'");
  }

  private static Set<Long> channelIds(String list) {
    Set<Long> ids = new LinkedHashSet<>();
    if (list == null) {
      return ids;
    }
    for (String part : list.split(",")) {
      String id = part.trim();
      if (id.isEmpty()) {
        continue;
      }
      if (!isSnowflake(id)) {
        throw new IllegalArgumentException("TRAME_DISCORD_CHANNEL must list channel ids separated by commas, got '" + id + "'");
      }
      ids.add(Long.parseUnsignedLong(id));
    }
    return ids;
  }

  /**
   * Which shards this process runs, out of how many: {@code 0-3/8} (shards 0 to 3 of 8),
   * {@code 5/8} (shard 5 of 8), {@code 0,2,4/8}, or {@code 8} (all 8 here).
   */
  public record Shards(List<Integer> ids, int total) {

    public Shards {
      ids = List.copyOf(ids);
    }

    static Shards parse(String spec) {
      String usage = "TRAME_DISCORD_SHARDS must look like 0-3/8 (shards 0 to 3 of 8), 5/8, 0,2,4/8 or 8, got '" + spec + "'";
      try {
        String[] parts = spec.replace(" ", "").split("/", -1);
        if (parts.length == 1) {
          int total = Integer.parseInt(parts[0]);
          List<Integer> all = new ArrayList<>();
          for (int i = 0; i < total; i++) {
            all.add(i);
          }
          return checked(all, total, usage);
        }
        if (parts.length != 2) {
          throw new IllegalArgumentException(usage);
        }
        int total = Integer.parseInt(parts[1]);
        List<Integer> ids = new ArrayList<>();
        for (String item : parts[0].split(",")) {
          int dash = item.indexOf('-');
          if (dash > 0) {
            int from = Integer.parseInt(item.substring(0, dash));
            int to = Integer.parseInt(item.substring(dash + 1));
            for (int i = from; i <= to; i++) {
              ids.add(i);
            }
          } else {
            ids.add(Integer.parseInt(item));
          }
        }
        return checked(ids, total, usage);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(usage, e);
      }
    }

    private static Shards checked(List<Integer> ids, int total, String usage) {
      if (total < 1 || ids.isEmpty() || ids.stream().anyMatch(i -> i < 0 || i >= total)
          || ids.stream().distinct().count() != ids.size()) {
        throw new IllegalArgumentException(usage);
      }
      return new Shards(ids, total);
    }
  }

  @Override
  public String toString() {
    // Never print the token into logs.
    return "DiscordSettings[api=" + apiUrl + ", gateway=" + gatewayUrl + ", shards=" + shards + ", coordinatorRole="
        + coordinatorRole + ", channels=" + channels + "]";
  }
}
