package org.trame.discord.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Discord API objects in the shapes of Discord's documentation (API v10): users, guilds, channels,
 * members, messages and interactions, as the fake Discord sends or returns them.
 */
public final class Payloads {

  public static final ObjectMapper JSON = new ObjectMapper();

  public static final String APP_ID = "1100000000000000001";
  public static final String GUILD_ID = "1200000000000000002";
  public static final String CHANNEL_ID = "1300000000000000003";
  public static final String MEMBER_ID = "1400000000000000004";
  public static final String DM_CHANNEL_ID = "1500000000000000005";
  public static final String BOT_ROLE_ID = "1600000000000000006";
  public static final String COMMAND_ID = "1700000000000000007";
  public static final String COORDINATION_ROLE_ID = "1600000000000000008";
  public static final String JOINED_AT = "2026-01-05T10:00:00.000000+00:00";
  /** VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY for @everyone: no Manage Server. */
  public static final String EVERYONE_PERMISSIONS = String.valueOf(1024L | 2048L | 65536L);

  private static final AtomicLong SNOWFLAKES = new AtomicLong(1_800_000_000_000_000_000L);

  private Payloads() {}

  public static String snowflake() {
    return Long.toString(SNOWFLAKES.incrementAndGet());
  }

  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  public static ObjectNode botUser() {
    return object().put("id", APP_ID).put("username", "Trame").put("discriminator", "0").putNull("global_name")
        .putNull("avatar").put("bot", true).put("flags", 0).put("public_flags", 0).put("mfa_enabled", true)
        .put("verified", true);
  }

  public static ObjectNode member() {
    return object().put("id", MEMBER_ID).put("username", "alice").put("discriminator", "0").put("global_name", "Alice")
        .putNull("avatar").put("public_flags", 0);
  }

  public static ObjectNode ready(String resumeUrl) {
    ObjectNode d = object().put("v", 10).put("session_id", "fake-session").put("resume_gateway_url", resumeUrl);
    d.set("user", botUser());
    d.putArray("guilds").addObject().put("id", GUILD_ID).put("unavailable", true);
    d.putArray("private_channels");
    d.putArray("shard").add(0).add(1);
    d.putObject("application").put("id", APP_ID).put("flags", 0);
    return d;
  }

  public static ObjectNode textChannel() {
    ObjectNode c = object().put("id", CHANNEL_ID).put("type", 0).put("guild_id", GUILD_ID).put("name", "general")
        .put("position", 0).put("nsfw", false).putNull("parent_id").putNull("topic").put("rate_limit_per_user", 0)
        .putNull("last_message_id").put("flags", 0);
    c.putArray("permission_overwrites");
    return c;
  }

  public static ObjectNode dmChannel() {
    ObjectNode c = object().put("id", DM_CHANNEL_ID).put("type", 1).putNull("last_message_id").put("flags", 0);
    c.putArray("recipients").add(member());
    return c;
  }

  public static ObjectNode guildCreate() {
    ObjectNode g = object().put("id", GUILD_ID).put("name", "Réseau des tiers-lieux").putNull("icon")
        .putNull("splash").putNull("discovery_splash").putNull("banner").putNull("description")
        .put("owner_id", "1999999999999999999").put("afk_timeout", 300).putNull("afk_channel_id")
        .put("verification_level", 1).put("default_message_notifications", 1).put("explicit_content_filter", 0)
        .put("mfa_level", 0).put("system_channel_id", CHANNEL_ID).put("system_channel_flags", 0)
        .putNull("rules_channel_id").putNull("public_updates_channel_id").put("joined_at", JOINED_AT)
        .put("large", false).put("unavailable", false).put("member_count", 2).put("preferred_locale", "fr")
        .put("premium_tier", 0).put("premium_subscription_count", 0).put("nsfw_level", 0).putNull("vanity_url_code")
        .put("max_members", 500000).put("premium_progress_bar_enabled", false);
    ArrayNode roles = g.putArray("roles");
    roles.add(role(GUILD_ID, "@everyone", EVERYONE_PERMISSIONS, 0));
    roles.add(role(BOT_ROLE_ID, "Trame", "8", 1));
    roles.add(role(COORDINATION_ROLE_ID, "Coordination", "0", 2));
    ObjectNode self = object().putNull("nick").put("joined_at", JOINED_AT).put("deaf", false).put("mute", false)
        .put("flags", 0).put("pending", false).putNull("premium_since").putNull("avatar");
    self.set("user", botUser());
    self.putArray("roles").add(BOT_ROLE_ID);
    g.putArray("members").add(self);
    g.putArray("channels").add(textChannel());
    for (String empty : List.of("emojis", "features", "voice_states", "threads", "presences", "stage_instances",
        "guild_scheduled_events", "stickers", "soundboard_sounds")) {
      g.putArray(empty);
    }
    return g;
  }

  private static ObjectNode role(String id, String name, String permissions, int position) {
    ObjectNode r = object().put("id", id).put("name", name).put("permissions", permissions).put("position", position)
        .put("color", 0).put("hoist", false).put("managed", false).put("mentionable", false).put("flags", 0)
        .putNull("icon").putNull("unicode_emoji");
    r.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
    return r;
  }

  private static ObjectNode interactionBase(int type, String token) {
    ObjectNode i = object().put("id", snowflake()).put("application_id", APP_ID).put("type", type)
        .put("token", token).put("version", 1).put("locale", "fr").put("app_permissions", "8")
        .put("attachment_size_limit", 10485760);
    i.putArray("entitlements");
    i.putObject("authorizing_integration_owners").put("0", GUILD_ID);
    return i;
  }

  private static void inGuild(ObjectNode i, boolean coordinator) {
    i.put("guild_id", GUILD_ID).put("guild_locale", "fr").put("channel_id", CHANNEL_ID).put("context", 0);
    ObjectNode guild = i.putObject("guild").put("id", GUILD_ID).put("locale", "fr");
    guild.putArray("features");
    i.set("channel", textChannel());
    ObjectNode m = object().putNull("nick").put("joined_at", JOINED_AT).put("deaf", false).put("mute", false)
        .put("flags", 0).put("pending", false).putNull("premium_since").putNull("avatar")
        .put("permissions", EVERYONE_PERMISSIONS);
    m.set("user", member());
    ArrayNode roles = m.putArray("roles");
    if (coordinator) {
      roles.add(COORDINATION_ROLE_ID);
    }
    i.set("member", m);
  }

  private static void inDm(ObjectNode i) {
    i.put("channel_id", DM_CHANNEL_ID).put("context", 1);
    i.set("channel", dmChannel());
    i.set("user", member());
  }

  /** A guild member object (Guild Member in Discord's documentation) holding {@code roles}. */
  public static ObjectNode guildMember(ObjectNode user, List<String> roles) {
    ObjectNode m = object().putNull("nick").putNull("avatar").put("joined_at", JOINED_AT).putNull("premium_since")
        .put("deaf", false).put("mute", false).put("flags", 0).put("pending", false)
        .putNull("communication_disabled_until");
    m.set("user", user);
    ArrayNode held = m.putArray("roles");
    roles.forEach(held::add);
    return m;
  }

  /** A user object of another member of the guild. */
  public static ObjectNode user(String id, String username) {
    return object().put("id", id).put("username", username).put("discriminator", "0").put("global_name", username)
        .putNull("avatar").put("public_flags", 0);
  }

  /**
   * {@code /trame <group> <subcommand>} with USER options naming members ({@code option → user id}),
   * resolved as Discord sends them ({@code data.resolved.users} and {@code .members}), and STRING options.
   */
  public static ObjectNode slashCommandWithUsers(String group, String subcommand, String token, Map<String, String> users,
      Map<String, String> strings, boolean coordinator) {
    ObjectNode i = interactionBase(2, token);
    inGuild(i, coordinator);
    ObjectNode data = i.putObject("data").put("id", COMMAND_ID).put("name", "trame").put("type", 1);
    ObjectNode sub = data.putArray("options").addObject().put("name", group).put("type", 2);
    ArrayNode values = sub.putArray("options").addObject().put("name", subcommand).put("type", 1).putArray("options");
    ObjectNode resolvedUsers = object();
    ObjectNode resolvedMembers = object();
    users.forEach((name, id) -> {
      values.addObject().put("name", name).put("type", 6).put("value", id);
      resolvedUsers.set(id, user(id, "member-" + id.substring(id.length() - 2)));
      ObjectNode member = guildMember(user(id, "m"), List.of()).put("permissions", EVERYONE_PERMISSIONS);
      member.remove("user"); // in resolved data, Discord leaves the user out of the member
      resolvedMembers.set(id, member);
    });
    strings.forEach((name, value) -> values.addObject().put("name", name).put("type", 3).put("value", value));
    ObjectNode resolved = data.putObject("resolved");
    resolved.set("users", resolvedUsers);
    resolved.set("members", resolvedMembers);
    return i;
  }

  /** {@code /trame <subcommand>} typed in the guild's channel (APPLICATION_COMMAND, CHAT_INPUT). */
  public static ObjectNode slashCommand(String subcommand, String token) {
    return slashCommand(subcommand, token, Map.of(), false);
  }

  /** {@code /trame <subcommand> option:value…} by a member holding the coordination role or not. */
  public static ObjectNode slashCommand(String subcommand, String token, Map<String, String> options, boolean coordinator) {
    ObjectNode i = interactionBase(2, token);
    inGuild(i, coordinator);
    ObjectNode data = i.putObject("data").put("id", COMMAND_ID).put("name", "trame").put("type", 1);
    ArrayNode values = data.putArray("options").addObject().put("name", subcommand).put("type", 1).putArray("options");
    options.forEach((name, value) -> values.addObject().put("name", name).put("type", 3).put("value", value));
    return i;
  }

  /** A click on a button of {@code message}, in the member's DMs (MESSAGE_COMPONENT). */
  public static ObjectNode buttonClick(JsonNode message, String customId, String token) {
    return buttonClick(message, customId, token, false);
  }

  /** A click on a button of {@code message}, in DMs or on an ephemeral message in the guild's channel. */
  public static ObjectNode buttonClick(JsonNode message, String customId, String token, boolean inGuild) {
    ObjectNode i = interactionBase(3, token);
    if (inGuild) {
      inGuild(i, false);
    } else {
      inDm(i);
    }
    i.putObject("data").put("custom_id", customId).put("component_type", 2);
    i.set("message", message);
    return i;
  }

  /** Options picked in the string select menu of {@code message}, in DMs (MESSAGE_COMPONENT). */
  public static ObjectNode selectMenu(JsonNode message, String customId, String token, String... values) {
    ObjectNode i = interactionBase(3, token);
    inDm(i);
    ObjectNode data = i.putObject("data").put("custom_id", customId).put("component_type", 3);
    ArrayNode v = data.putArray("values");
    for (String value : values) {
      v.add(value);
    }
    i.set("message", message);
    return i;
  }

  /** A submitted form opened from {@code message}'s button (MODAL_SUBMIT; a label wrapping a text input). */
  public static ObjectNode modalSubmit(JsonNode message, String modalId, String inputId, String typed, String token) {
    return modalSubmit(message, modalId, inputId, typed, token, false);
  }

  /** A submitted form, in DMs or from an ephemeral message in the guild's channel. */
  public static ObjectNode modalSubmit(JsonNode message, String modalId, String inputId, String typed, String token,
      boolean inGuild) {
    ObjectNode i = interactionBase(5, token);
    if (inGuild) {
      inGuild(i, false);
    } else {
      inDm(i);
    }
    ObjectNode data = i.putObject("data").put("custom_id", modalId);
    ObjectNode label = data.putArray("components").addObject().put("type", 18).put("id", 1);
    label.putObject("component").put("type", 4).put("id", 2).put("custom_id", inputId).put("value", typed);
    i.set("message", message);
    return i;
  }

  /** A message object as Discord returns it once created, echoing what was posted. */
  public static ObjectNode message(String channelId, JsonNode posted, boolean ephemeral) {
    ObjectNode m = object().put("id", snowflake()).put("channel_id", channelId).put("type", 0)
        .put("content", posted.path("content").asText("")).put("timestamp", "2026-11-22T08:00:00.000000+00:00")
        .putNull("edited_timestamp").put("tts", false).put("mention_everyone", false).put("pinned", false)
        .put("flags", ephemeral ? 64 : 0);
    m.set("author", botUser());
    m.putArray("mentions");
    m.putArray("mention_roles");
    m.putArray("attachments");
    m.putArray("embeds");
    m.set("components", posted.has("components") ? posted.get("components").deepCopy() : JSON.createArrayNode());
    if (posted.hasNonNull("nonce")) {
      m.set("nonce", posted.get("nonce"));
    }
    if (!channelId.equals(DM_CHANNEL_ID)) {
      m.put("guild_id", GUILD_ID);
    }
    return m;
  }
}
