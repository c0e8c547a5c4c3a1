package org.trame.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trame.core.Trame;
import org.trame.core.TrameConfig;
import org.trame.core.port.Messenger;
import org.trame.discord.DiscordAdapter;
import org.trame.discord.DiscordMessenger;
import org.trame.discord.DiscordSettings;
import org.trame.slack.SlackAdapter;
import org.trame.slack.SlackMessenger;
import org.trame.slack.SlackSettings;

/**
 * The chat platforms running on one core: messengers are made first (the core sends through
 * them), then the core, then the adapters that feed it. One collective may span both platforms.
 */
final class Platforms implements AutoCloseable {

  private final Trame trame;
  private final List<AutoCloseable> adapters;
  /** Each platform's connection check, for readiness. */
  private final java.util.Map<String, java.util.function.BooleanSupplier> connections = new java.util.LinkedHashMap<>();
  private final PrintStream err;

  private Platforms(Trame trame, List<AutoCloseable> adapters, PrintStream err) {
    this.trame = trame;
    this.adapters = adapters;
    this.err = err;
  }

  static Platforms start(TrameConfig config, Optional<SlackSettings> slack, Optional<DiscordSettings> discord,
      PrintStream err) throws Exception {
    List<Messenger> messengers = new ArrayList<>();
    SlackMessenger slackMessenger = slack.map(SlackMessenger::new).orElse(null);
    DiscordMessenger discordMessenger = discord.map(d -> new DiscordMessenger()).orElse(null);
    if (slackMessenger != null) {
      messengers.add(slackMessenger);
    }
    if (discordMessenger != null) {
      messengers.add(discordMessenger);
    }
    Trame trame = Trame.start(config, messengers);
    Platforms running = new Platforms(trame, new ArrayList<>(), err);
    try {
      if (slackMessenger != null) {
        SlackAdapter adapter = SlackAdapter.start(slackMessenger, trame);
        running.adapters.add(adapter);
        running.connections.put("slack", adapter::connected);
        err.println("trame: running on Slack (" + slack.get() + "), database " + config.databaseName());
      }
      if (discordMessenger != null) {
        DiscordAdapter adapter = DiscordAdapter.start(discord.get(), trame, discordMessenger);
        running.adapters.add(adapter);
        running.connections.put("discord", adapter::connected);
        err.println("trame: running on Discord, database " + config.databaseName());
      }
    } catch (Exception e) {
      running.close();
      throw e;
    }
    return running;
  }

  Trame trame() {
    return trame;
  }

  java.util.Map<String, java.util.function.BooleanSupplier> connections() {
    return java.util.Map.copyOf(connections);
  }

  /** The adapters stop taking events first, then the core finishes what it holds. */
  @Override
  public void close() {
    for (AutoCloseable a : adapters) {
      try {
        a.close();
      } catch (Exception e) {
        err.println("trame: closing an adapter failed: " + e.getMessage());
      }
    }
    trame.close();
  }
}
