package org.trame.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trame.console.ConsoleAdapter;
import org.trame.console.ConsoleMessenger;
import org.trame.core.Trame;
import org.trame.core.TrameConfig;
import org.trame.core.Features;
import org.trame.core.engine.Prompts;
import org.trame.core.engine.PromptsException;
import org.trame.core.engine.PromptsLoader;
import org.trame.core.storage.StorageException;
import org.trame.discord.DiscordSettings;
import org.trame.slack.SlackSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code java -jar trame.jar}: the composition root. */
@Command(name = "trame", mixinStandardHelpOptions = true, version = "Trame 0.1",
    description = {
        "A chat-bot that helps collectives cooperate.",
        "With no platform credentials in the environment it runs in the terminal: type lines as",
        "'member: text' (e.g. 'alice: /trame stakes'), or pipe a transcript in to replay it.",
        "Configuration: TRAME_DB (a file or a jdbc:postgresql: URL), TRAME_PROMPTS, TRAME_COORDINATORS, TRAME_COLLECTIVE, TRAME_ADMIN_PORT, TRAME_ADMIN_BIND,",
        "TRAME_PSEUDONYM_KEY_FILE (required on PostgreSQL) (see README)."},
    subcommands = {Main.PromptsCheck.class, Main.SlackManifestCommand.class, TriageCommand.class, CoachCommand.class})
public final class Main implements Callable<Integer> {

  static final int STARTUP_FAILED = 2;
  /** Where the operators' endpoint listens (TRAME_ADMIN_BIND; loopback by default). */
  private java.net.InetAddress adminBind = java.net.InetAddress.getLoopbackAddress();

  private final Map<String, String> env;
  final PrintStream out;
  final PrintStream err;

  Main(Map<String, String> env, PrintStream out, PrintStream err) {
    this.env = env;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    int code = new CommandLine(new Main(System.getenv(), out, err)).execute(args);
    System.exit(code);
  }

  @Override
  public Integer call() throws Exception {
    Optional<SlackSettings> slack;
    Optional<DiscordSettings> discord;
    TrameConfig config;
    Integer adminPort;
    try {
      slack = SlackSettings.fromEnvironment(env);
      discord = DiscordSettings.fromEnvironment(env);
      config = TrameConfig.fromEnvironment(env);
      CoordinatorIds.check(config.coordinators(), slack.isPresent(), discord.isPresent());
      adminPort = AdminServer.port(env);
      adminBind = AdminServer.bind(env);
    } catch (IllegalArgumentException e) {
      err.println("trame: " + e.getMessage());
      return STARTUP_FAILED;
    }
    if (slack.isEmpty() && discord.isEmpty()) {
      return runConsole(config, adminPort);
    }
    return runPlatforms(config, adminPort, slack, discord);
  }

  /** The operators' endpoint when TRAME_ADMIN_PORT is set, else null. */
  private AdminServer admin(Integer port, Trame trame, java.util.Map<String, java.util.function.BooleanSupplier> platforms)
      throws java.io.IOException {
    if (port == null) {
      return null;
    }
    AdminServer admin = AdminServer.start(adminBind, port, trame, platforms);
    err.println("trame: health and metrics on " + admin.address().getHostAddress() + " port " + admin.port()
        + " (/health/live, /health/ready, /metrics)");
    return admin;
  }

  /** Slack and/or Discord in one process: one core, one database, each adapter its messenger. */
  private int runPlatforms(TrameConfig config, Integer adminPort, Optional<SlackSettings> slack,
      Optional<DiscordSettings> discord) throws Exception {
    Platforms running;
    AdminServer admin;
    try {
      running = Platforms.start(config, slack, discord, err);
    } catch (PromptsException | StorageException e) {
      err.println("trame: " + e.getMessage());
      return STARTUP_FAILED;
    } catch (Exception e) {
      err.println("trame: an adapter could not start: " + e.getMessage());
      return STARTUP_FAILED;
    }
    try {
      admin = admin(adminPort, running.trame(), running.connections());
    } catch (java.io.IOException e) {
      err.println("trame: the admin endpoint could not start on port " + adminPort + ": " + e.getMessage());
      running.close();
      return STARTUP_FAILED;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (admin != null) {
        admin.close();
      }
      running.close();
      stopped.countDown();
    }, "trame-shutdown"));
    stopped.await();
    return 0;
  }

  private int runConsole(TrameConfig config, Integer adminPort) throws Exception {
    String collective = env.getOrDefault("TRAME_COLLECTIVE", "").isBlank() ? "local" : env.get("TRAME_COLLECTIVE").trim();
    boolean interactive = System.console() != null;
    Trame trame;
    try {
      // Charts and other files land beside the database, where the operator already looks.
      Path files = config.database().toAbsolutePath().resolveSibling("files");
      trame = Trame.start(config, List.of(new ConsoleMessenger(out, files)));
    } catch (PromptsException | StorageException e) {
      err.println("trame: " + e.getMessage());
      return STARTUP_FAILED;
    }
    AdminServer admin;
    try {
      admin = admin(adminPort, trame, java.util.Map.of());
    } catch (java.io.IOException e) {
      err.println("trame: the admin endpoint could not start on port " + adminPort + ": " + e.getMessage());
      trame.close();
      return STARTUP_FAILED;
    }
    try (trame) {
      if (interactive) {
        err.println("Trame, in the terminal. Collective '" + collective + "', database " + config.databaseName() + ".");
        err.println("Write lines as 'member: text', e.g. 'alice: /trame help'. Ctrl-D to quit.");
      }
      ConsoleAdapter console = new ConsoleAdapter(trame::handle, collective, err, !interactive);
      ConsoleAdapter.Summary summary = console.run(System.in);
      if (!trame.awaitSent(java.time.Duration.ofSeconds(30))) {
        err.println("trame: some replies are still waiting in the outbox; they will be sent at the next start");
      } else {
        // Commits the last delivery marks (and drops a delivered farewell to a member who erased their data).
        trame.write(c -> null).join();
      }
      if (summary.alreadyHandled() > 0) {
        err.println("trame: " + summary.alreadyHandled() + " line(s) had already been handled in an earlier run and were skipped");
      }
      return summary.failed() > 0 ? 1 : 0;
    } finally {
      if (admin != null) {
        admin.close();
      }
    }
  }

  /** {@code trame prompts-check [DIR]}: validates flow files without starting the bot. */
  @Command(name = "prompts-check", mixinStandardHelpOptions = true,
      description = "Checks a prompts folder (default: TRAME_PROMPTS, else the packaged one) and reports the first problem.")
  static final class PromptsCheck implements Callable<Integer> {

    @CommandLine.ParentCommand
    Main parent;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "the prompts folder to check")
    Path dir;

    @Override
    public Integer call() {
      Path target = dir;
      if (target == null && !parent.env.getOrDefault("TRAME_PROMPTS", "").isBlank()) {
        target = Path.of(parent.env.get("TRAME_PROMPTS").trim());
      }
      try {
        PromptsLoader loader = Features.promptsLoader();
        Prompts prompts = target == null ? loader.loadPackaged() : loader.load(target);
        parent.out.println(prompts.source() + ": " + prompts.flows().size() + " flow(s) OK: " + String.join(", ", prompts.flows().keySet()));
        return 0;
      } catch (PromptsException e) {
        parent.err.println("trame: " + e.getMessage());
        return STARTUP_FAILED;
      }
    }
  }

  /** {@code trame slack-manifest}: the Slack app manifest to paste, with this version's commands in its usage hint. */
  @Command(name = "slack-manifest", mixinStandardHelpOptions = true,
      description = "Prints the Slack app manifest (paste it at api.slack.com/apps), its /trame usage hint written from the command catalogue.")
  static final class SlackManifestCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    Main parent;

    @Override
    public Integer call() {
      parent.out.print(org.trame.slack.SlackManifest.of(org.trame.core.port.CommandCatalogue.packaged()));
      return 0;
    }
  }
}
