package org.trame.discord;

import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trame.core.Trame;
import org.trame.core.i18n.Texts;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;

/**
 * Starts Trame on Discord: the shards this process runs, the /trame command registered as soon as
 * a shard is ready, interactions handed to the core, and the messenger bound to the shards.
 *
 * <p>No intent is asked for beyond {@code GUILDS}, which JDA always keeps (guilds and their
 * channels are cached from it): interactions reach a bot whatever its intents,
 * and members answer with components and forms, so no privileged intent (message content,
 * members, presences) is needed.
 */
public final class DiscordAdapter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DiscordAdapter.class);

  private final ShardManager shards;
  private final DiscordMessenger messenger;

  private DiscordAdapter(ShardManager shards, DiscordMessenger messenger) {
    this.shards = shards;
    this.messenger = messenger;
  }

  /**
   * Connects to Discord; returns at once while the shards log in.
   *
   * @param messenger the messenger given to {@code Trame.start}, bound here to the shards
   */
  public static DiscordAdapter start(DiscordSettings settings, Trame trame, DiscordMessenger messenger) {
    return start(settings, trame::handle, trame.texts(), messenger);
  }

  /** Connects to Discord handing interactions to {@code core} (tests record them there). */
  static DiscordAdapter start(DiscordSettings settings, Function<InboundEvent, CompletableFuture<Handled>> core,
      Texts texts, DiscordMessenger messenger) {
    ChannelDirectory channels = new ChannelDirectory(settings.channels());
    GuildMembers members = new GuildMembers();
    MemberFacts facts = new MemberFacts(settings.coordinatorRole(), members, messenger.clock()::millis);
    InteractionListener interactions = new InteractionListener(core, messenger.turns(), texts, facts);
    DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(settings.token(), EnumSet.noneOf(GatewayIntent.class))
        .addEventListeners(interactions, new CommandRegistration(CompletableFuture.delayedExecutor(1, TimeUnit.MINUTES)))
        .setEnableShutdownHook(false);
    if (settings.apiUrl() != null) {
      builder.setRestConfig(new RestConfig().setBaseUrl(settings.apiUrl()));
    }
    if (settings.gatewayUrl() != null) {
      // A stand-in gateway (a proxy or a test's fake) speaks plain JSON: no transport compression.
      builder.setSessionController(new GatewaySessionController(settings.gatewayUrl()))
          .setCompression(Compression.NONE);
    }
    if (settings.shards() != null) {
      builder.setShardsTotal(settings.shards().total()).setShards(settings.shards().ids());
    }
    ShardManager shards = builder.build();
    members.bind(shards);
    messenger.bind(new JdaOps(shards, channels), texts, facts);
    return new DiscordAdapter(shards, messenger);
  }

  /** The running shards (for health checks and tests). */
  public ShardManager shards() {
    return shards;
  }

  /** Whether every shard of this process is connected to Discord's gateway (readiness). */
  public boolean connected() {
    return !shards.getShardCache().isEmpty()
        && shards.getShardCache().stream().allMatch(jda -> jda.getStatus() == net.dv8tion.jda.api.JDA.Status.CONNECTED);
  }

  @Override
  public void close() {
    messenger.unbind();
    shards.shutdown();
  }

  /**
   * Registers /trame once per process, when the first shard is ready (a bulk overwrite, so every
   * process may do it); a refused registration is tried again a minute later.
   */
  static final class CommandRegistration extends ListenerAdapter {
    private final AtomicBoolean started = new AtomicBoolean();
    private final Executor retryLater;

    CommandRegistration(Executor retryLater) {
      this.retryLater = retryLater;
    }

    @Override
    public void onReady(ReadyEvent event) {
      if (started.compareAndSet(false, true)) {
        register(event.getJDA());
      }
    }

    void register(JDA jda) {
      jda.updateCommands().addCommands(TrameCommand.definition()).queue(
          commands -> log.info("/trame registered with Discord"),
          failure -> {
            log.error("could not register /trame with Discord; trying again in a minute", failure);
            retryLater.execute(() -> {
              if (jda.getStatus() != JDA.Status.SHUTTING_DOWN && jda.getStatus() != JDA.Status.SHUTDOWN) {
                register(jda);
              }
            });
          });
    }
  }
}
