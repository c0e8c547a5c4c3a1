package org.trame.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.TrameConfig;
import org.trame.core.i18n.Lang;
import org.trame.core.port.InboundEvent;
import org.trame.discord.DiscordSettings;
import org.trame.discord.wire.FakeDiscord;
import org.trame.discord.wire.Payloads;
import org.trame.slack.FakeSlackApi;
import org.trame.slack.SlackSettings;

/**
 * JDA (okhttp 5) and the Slack SDK (built for okhttp 4, run on okhttp 5) in one JVM, on one core,
 * each against its local fake: the composition bot-app runs when both platforms are configured.
 */
class BothPlatformsTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("Slack and Discord run together in one process: each platform's member gets their reply")
  void bothAdaptersInOneJvm() throws Exception {
    try (FakeDiscord discord = new FakeDiscord(); FakeSlackApi slackApi = new FakeSlackApi()) {
      Map<String, String> env = new HashMap<>(discord.environment());
      env.put("SLACK_BOT_TOKEN", "xoxb-test");
      env.put("SLACK_SIGNING_SECRET", "secret");
      env.put("TRAME_SLACK_PORT", "0");
      env.put("TRAME_SLACK_API_URL", slackApi.url());
      TrameConfig config = new TrameConfig(dir.resolve("trame.db"), null, Set.of(), Lang.EN, Clock.systemUTC());
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      try (Platforms running = Platforms.start(config, SlackSettings.fromEnvironment(env), DiscordSettings.fromEnvironment(env),
          new PrintStream(log, true, StandardCharsets.UTF_8))) {
        // given both adapters up: JDA logged in to the fake gateway
        assertTrue(discord.gateway().awaitGuild(20), "JDA received READY and GUILD_CREATE");
        // when a Discord member runs /trame help, and a Slack member's command reaches the same core
        discord.gateway().dispatch("INTERACTION_CREATE", Payloads.slashCommand("help", "token-1"));
        running.trame().handle(InboundEvent.command("Ev1", "slack", FakeSlackApi.TEAM, "U42", "help")).join();
        // then each gets the help privately, on its own platform
        FakeDiscord.Call dm = discord.await(c -> c.method().equals("POST")
            && c.path().equals("/api/v10/channels/" + Payloads.DM_CHANNEL_ID + "/messages"), 1, Duration.ofSeconds(20));
        // (the Discord member's client is French: the help names the French words)
        assertTrue(dm.body().path("content").asText().contains("enjeux"), dm.toString());
        List<FakeSlackApi.Call> posts = slackApi.await(c -> c.method().equals("chat.postMessage"), 1, Duration.ofSeconds(20));
        assertTrue(posts.get(0).param("text").contains("stakes"), posts.get(0).toString());
        assertEquals(1, slackApi.calls("conversations.open").size());
      }
      // and the one okhttp on the class path is okhttp 5, which both SDKs used
      String okhttp = okhttp3.OkHttpClient.class.getProtectionDomain().getCodeSource().getLocation().toString();
      assertTrue(okhttp.contains("okhttp-jvm-5"), okhttp);
    }
  }
}
