package org.trame.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.trame.core.i18n.Lang;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.Messenger;
import org.trame.core.port.OutboundMessage;

/** The real core on a real SQLite file, driven like an adapter would, for tests. */
public final class TestBot implements AutoCloseable {

  public static final String PLATFORM = "console";
  public static final String COLLECTIVE = "test";
  /** The pseudonym key every test bot on PostgreSQL shares, as the processes of one deployment do. */
  public static final String POSTGRESQL_PSEUDONYM_KEY = "test-only pseudonym key, shared by the processes";

  /** Whom the platform's own roles make coordinators now, as a test sets them (admin, role). */
  public final Set<String> platformCoordinators = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** Whether the platform has a configured channel (the terminal always has: its collective). */
  public volatile boolean configuredChannel = true;

  /** Everything the messenger was asked to send, across restarts. */
  public final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
  private final Path database;
  private final Set<String> coordinators;
  private final Clock clock;
  /** A PostgreSQL database to run on instead of the SQLite file, or null. */
  private final String postgresql;
  private Trame trame;

  public TestBot(Path database, String... coordinators) {
    this(database, Clock.systemUTC(), coordinators);
  }

  public TestBot(Path database, Clock clock, String... coordinators) {
    this(database, ON_POSTGRESQL.get() ? org.trame.core.storage.LocalPostgres.require().newDatabase() : null, clock,
        coordinators);
  }

  private static final ThreadLocal<Boolean> ON_POSTGRESQL = ThreadLocal.withInitial(() -> false);

  /**
   * Runs {@code setUp} with every test bot it starts on a new database of the local PostgreSQL
   * instead of an SQLite file: how a feature's tests run again on the other backend.
   */
  public static void onPostgresql(Runnable setUp) {
    ON_POSTGRESQL.set(true);
    try {
      setUp.run();
    } finally {
      ON_POSTGRESQL.set(false);
    }
  }

  /** The real core on the PostgreSQL database at {@code url}, as one of possibly several processes. */
  public static TestBot onPostgresql(Path files, String url, Clock clock, String... coordinators) {
    return new TestBot(files, url, clock, coordinators);
  }

  private TestBot(Path database, String postgresql, Clock clock, String... coordinators) {
    this.database = database;
    this.postgresql = postgresql;
    this.clock = clock;
    this.coordinators = Set.of(coordinators);
    start();
  }

  private void start() {
    Messenger recorder = new Messenger() {
      @Override
      public String platform() {
        return PLATFORM;
      }

      @Override
      public void send(OutboundMessage message) {
        sent.add(message);
      }

      @Override
      public boolean hasCoordinatorRole(String collective, String memberId) {
        return platformCoordinators.contains(memberId);
      }

      @Override
      public java.util.Optional<String> configuredChannel(String collective) {
        // Like the terminal: the collective's channel is the collective itself, unless a test says otherwise.
        return configuredChannel ? java.util.Optional.of(collective) : java.util.Optional.empty();
      }
    };
    TrameConfig config = new TrameConfig(database, null, coordinators, Lang.EN, clock, null);
    // On PostgreSQL the pseudonym key is the operator's secret, the same for every process (on SQLite: a file beside the database).
    trame = Trame.start(postgresql == null ? config : config.onPostgresql(postgresql, java.time.Duration.ofSeconds(30))
        .withPseudonyms(org.trame.core.privacy.Pseudonyms.of(POSTGRESQL_PSEUDONYM_KEY)), List.of(recorder));
  }

  /** Stops the core as a crash would leave it (no goodbye), then starts it again on the same file. */
  public void restart() {
    trame.close();
    start();
  }

  /** Whether {@code m} is for {@code member}'s eyes only: a private message, or one for them as a coordinator. */
  public static boolean privatelyTo(OutboundMessage m, String member) {
    return m.audience().isPrivate() && m.audience().id().equals(member);
  }

  /** Fires what the scheduler finds due now; returns the texts it sent, with their audience. */
  public List<OutboundMessage> tick() {
    return trame.tick().join();
  }

  public Trame trame() {
    return trame;
  }

  /** A typed line; returns the texts said back. */
  public List<String> say(String member, String text) {
    return texts(handle(InboundEvent.text(UUID.randomUUID().toString(), PLATFORM, COLLECTIVE, member, text)));
  }

  public List<String> command(String member, String words) {
    return texts(handle(InboundEvent.command(UUID.randomUUID().toString(), PLATFORM, COLLECTIVE, member, words)));
  }

  public Handled handle(InboundEvent event) {
    return trame.handle(event).join();
  }

  public static List<String> texts(Handled h) {
    return h.messages().stream().map(OutboundMessage::text).collect(Collectors.toList());
  }

  public static String joined(List<String> texts) {
    return String.join("\n", texts);
  }

  /** Rows of a query, each row's columns joined by '|'. */
  public List<String> rows(String sql, Object... params) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = trame.read(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> cols = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            cols.add(String.valueOf(rs.getObject(i)));
          }
          rows.add(String.join("|", cols));
        }
      }
    }
    return rows;
  }

  /** A table's column names, through JDBC's catalogue (the same on SQLite and PostgreSQL). */
  public List<String> columns(String table) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = trame.read(); ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), table, "%")) {
      while (rs.next()) {
        names.add(rs.getString("COLUMN_NAME"));
      }
    }
    return names;
  }

  @Override
  public void close() {
    trame.close();
  }

  /**
   * Keeps the writer busy until {@link WriterHold#release()}: events handled meanwhile wait, and
   * then share one group transaction.
   */
  public WriterHold holdWriter() throws InterruptedException {
    java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
    var holding = trame.write(c -> {
      busy.countDown();
      hold.await();
      return null;
    });
    busy.await();
    return new WriterHold(hold, holding);
  }

  /** The writer held busy by a test. */
  public record WriterHold(java.util.concurrent.CountDownLatch hold, java.util.concurrent.CompletableFuture<Object> holding) {
    /**
     * Lets the writer go on, and waits until the held job is done (it shares the fate of the events
     * that joined its transaction: refused with them when the file fails).
     */
    public void release() {
      hold.countDown();
      holding.handle((done, failure) -> null).join();
    }
  }
}
