package org.trame.core;

import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.trame.core.engine.FlowAction;
import org.trame.core.engine.FlowEngine;
import org.trame.core.engine.Prompts;
import org.trame.core.engine.PromptsLoader;
import org.trame.core.nlp.LanguageGuesser;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.Messenger;
import org.trame.core.port.OutboundMessage;
import org.trame.core.storage.Database;
import org.trame.core.storage.Outbox;
import org.trame.core.delivery.OutboxSender;
import org.trame.core.storage.Writer;
import org.trame.core.turn.Command;
import org.trame.core.turn.MemberSummary;
import org.trame.core.turn.Scheduler;
import org.trame.core.turn.TurnHandler;

/**
 * The core, started: flows loaded and validated, database migrated, writer and outbox sender
 * running. Adapters call {@link #handle} for each inbound event and implement {@link Messenger}.
 * Features are registered in {@link Features}.
 */
public final class Trame implements AutoCloseable {

  private final Prompts prompts;
  private final Database database;
  private final Writer writer;
  private final OutboxSender sender;
  private final TurnHandler turns;
  private final Scheduler scheduler;
  private final java.util.concurrent.ScheduledExecutorService ticker =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "trame-scheduler");
        t.setDaemon(true);
        return t;
      });

  private final MemberSummary summary;
  private TrameConfig config;

  private TrameConfig config() {
    return config;
  }

  private Trame(Prompts prompts, Database database, Writer writer, OutboxSender sender, TurnHandler turns, Scheduler scheduler,
      MemberSummary summary) {
    this.scheduler = scheduler;
    this.summary = summary;
    this.prompts = prompts;
    this.database = database;
    this.writer = writer;
    this.sender = sender;
    this.turns = turns;
  }

  /**
   * Starts the core. Broken flow files stop it here with a {@link
   * org.trame.core.engine.PromptsException} naming the file and step, before anything else runs.
   */
  public static Trame start(TrameConfig config, List<Messenger> messengers) {
    Features features = new Features();
    Map<String, Command> commands = features.commands();
    Features.check(org.trame.core.port.CommandCatalogue.packaged(), commands);
    Map<String, FlowAction> actions = features.actions();
    PromptsLoader loader = new PromptsLoader(actions.keySet(), features.contracts(), features.messageKeys());
    Prompts prompts = config.prompts() == null ? loader.loadPackaged() : loader.load(config.prompts());
    FlowEngine engine = new FlowEngine(prompts, actions);
    features.engine(engine);

    LanguageGuesser languages = LanguageGuesser.loadInBackground();
    Database database = config.databaseUrl() == null ? Database.open(config.database())
        : Database.open(config.databaseUrl(), config.outboxLease().toMillis());
    try {
      // After opening: the key file sits beside the SQLite file, which Database.open has placed.
      features.pseudonyms(org.trame.core.privacy.Pseudonyms.resolve(config.pseudonyms(), database.file(),
          database.file() != null && tagsStored(database)));
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    Writer writer = new Writer(database);
    Map<String, Messenger> byPlatform = new HashMap<>();
    messengers.forEach(m -> byPlatform.put(m.platform(), m));
    OutboxSender sender = new OutboxSender(writer, byPlatform, config.clock(), config.coordinators());
    List<OutboundMessage> leftOver = writer.submit(c -> Outbox.leftOver(c, Integer.MAX_VALUE, byPlatform.keySet())).join();
    if (database.dialect() == Database.Dialect.POSTGRESQL) {
      // Renewed well within the lease, so a live process never loses its rows to another.
      sender.claimOrphansEvery(config.outboxLease().dividedBy(4));
    }
    sender.start(leftOver);
    // Every collective gets its daily retention run, those created before it existed included.
    writer.submit(c -> {
      org.trame.core.privacy.Retention.ensureAll(c, config.clock().instant());
      return null;
    }).join();
    // Coordinators are the configured ids from this start on: one removed from the list is no longer one.
    writer.submit(c -> {
      org.trame.core.storage.Members.configureCoordinators(c, config.coordinators());
      return null;
    }).join();
    org.trame.core.turn.CollectiveChannel home = new org.trame.core.turn.CollectiveChannel((platform, collective) -> {
      Messenger m = byPlatform.get(platform);
      return m == null ? java.util.Optional.empty() : m.configuredChannel(collective);
    });
    TurnHandler turns = new TurnHandler(config.clock(), engine, commands, languages, config.coordinators(), config.defaultLang(),
        features::ended, home);
    Scheduler scheduler = new Scheduler(config.clock(), engine, features.tasks(), config.defaultLang(), features::ended, home);
    Trame trame = new Trame(prompts, database, writer, sender, turns, scheduler,
        new MemberSummary(config.clock(), engine, features.all(), config.defaultLang()));
    trame.config = config;
    if (config.tickEvery() != null) {
      trame.startTicking(config.tickEvery());
    }
    return trame;
  }

  /** Whether check-in answers tagged under a pseudonym key are stored (a key file must then exist). */
  private static boolean tagsStored(Database database) {
    try (Connection c = database.connectReadOnly(); java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT 1 FROM checkin_answer WHERE author_tag IS NOT NULL LIMIT 1")) {
      return rs.next();
    } catch (java.sql.SQLException e) {
      throw new org.trame.core.storage.StorageException("cannot read the database " + database.name() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Handles one event. The future completes once its effects are committed (the moment to
   * acknowledge it to the platform); its replies are then on their way through the outbox.
   */
  public CompletableFuture<Handled> handle(InboundEvent event) {
    io.micrometer.core.instrument.Timer.Sample took = io.micrometer.core.instrument.Timer.start();
    CompletableFuture<Handled> done = writer.submit(c -> turns.handle(c, event), handled -> sender.enqueue(handled.messages()));
    // Turns handled and their latency, from arrival to commit, for operators (see ops.Operations).
    done.whenComplete((handled, failure) -> took.stop(org.trame.core.ops.Operations.turnTimer(
        failure != null ? "failed" : handled.outcome().applied() ? "applied" : "duplicate")));
    return done;
  }

  /** What operators watch beside the counters: the outbox and the open rounds, read now. */
  public org.trame.core.ops.Operations.Snapshot operations() throws java.sql.SQLException {
    try (Connection c = database.connectReadOnly()) {
      return org.trame.core.ops.Operations.snapshot(c, config().clock().millis());
    }
  }

  /** Whether the database answers within {@code seconds}: readiness. */
  public boolean databaseReachable(int seconds) {
    return database.reachable(seconds);
  }

  /**
   * A member's own page, in their language (or {@code fallback} before it is known): help, their
   * open conversations, and what they shared. For Slack's App Home and the like.
   */
  public CompletableFuture<String> summary(String platform, String collective, String member, org.trame.core.i18n.Lang fallback) {
    return writer.submit(c -> summary.of(c, platform, collective, member, fallback));
  }

  /** Fires the scheduled jobs that are due by the clock; the ticker calls it every second. */
  public CompletableFuture<List<OutboundMessage>> tick() {
    return writer.submit(scheduler::tick, sender::enqueue);
  }

  private void startTicking(Duration every) {
    ticker.scheduleWithFixedDelay(() -> {
      try {
        tick().join();
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(Trame.class).warn("scheduled jobs could not run: {}", e.getMessage());
      }
    }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs {@code work} on the writer connection, inside a group transaction (for tools and tests). */
  public <T> CompletableFuture<T> write(Writer.Work<T> work) {
    return writer.submit(work);
  }

  /**
   * The collective's coordinators, for an adapter that must tell them of a delivery problem it met
   * itself (a channel it cannot post in). Read outside any turn.
   */
  public java.util.List<org.trame.core.port.Recipient> coordinators(String collectiveId) throws java.sql.SQLException {
    java.util.List<org.trame.core.port.Recipient> found = new java.util.ArrayList<>();
    try (Connection c = read()) {
      for (org.trame.core.storage.Member m : org.trame.core.storage.Members.coordinators(c, collectiveId)) {
        found.add(new org.trame.core.port.Recipient(m.memberId(), m.lang()));
      }
    }
    return found;
  }

  /** Whether {@code text} is one of the words every conversation understands (help, back, skip, pause, resume, cancel). */
  public static boolean conversationWord(String text) {
    return org.trame.core.engine.GlobalWord.parse(text).isPresent();
  }

  /** A read-only view for tools and tests; callers close the connection. */
  public Connection read() throws java.sql.SQLException {
    return database.connectReadOnly();
  }

  public Prompts prompts() {
    return prompts;
  }

  /** The core's messages, for the few words adapters add around a message (buttons, forms). */
  public org.trame.core.i18n.Texts texts() {
    return prompts.texts();
  }

  /** Waits until every committed message has been handed to its messenger. */
  public boolean awaitSent(Duration timeout) throws InterruptedException {
    return sender.awaitIdle(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    // The sender stops first and the writer then records what it sent: otherwise those messages
    // would look unsent, and be sent again at the next start or by another process.
    sender.close();
    try {
      writer.submit(c -> null).join();
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(Trame.class).warn("the last sent messages could not be recorded: {}", e.getMessage());
    }
    writer.close();
    database.close();
  }
}
