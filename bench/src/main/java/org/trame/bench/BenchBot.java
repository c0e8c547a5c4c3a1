package org.trame.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.trame.core.Trame;
import org.trame.core.TrameConfig;
import org.trame.core.i18n.Lang;
import org.trame.core.port.Messenger;
import org.trame.core.port.OutboundMessage;

/**
 * The real core on a fresh SQLite file (or on a PostgreSQL database) with the packaged messages
 * and the bench's looping flow.
 */
final class BenchBot implements AutoCloseable {

  final Path dir;
  final Trame trame;

  BenchBot() throws IOException {
    this(null);
  }

  /** On the PostgreSQL database at {@code postgresqlUrl}; on a fresh SQLite file when null. */
  BenchBot(String postgresqlUrl) throws IOException {
    dir = Files.createTempDirectory("trame-bench");
    Path prompts = dir.resolve("prompts");
    copyPackagedPrompts(prompts);
    copy("bench-prompts/echo.yaml", prompts.resolve("echo.yaml"));
    Messenger discard = new Messenger() {
      @Override
      public String platform() {
        return "bench";
      }

      /** The terminal's channel is the collective itself ("# local: …"), always there. */
      @Override
      public java.util.Optional<String> configuredChannel(String collective) {
        return java.util.Optional.of(collective);
      }

      @Override
      public void send(OutboundMessage message) {
        // sending is not what is measured
      }
    };
    TrameConfig config = new TrameConfig(dir.resolve("trame.db"), prompts, Set.of(), Lang.EN, Clock.systemUTC());
    // On PostgreSQL every process shares the operator's pseudonym key; a bench's answers are no one's.
    trame = Trame.start(postgresqlUrl == null ? config : config.onPostgresql(postgresqlUrl, TrameConfig.DEFAULT_OUTBOX_LEASE)
        .withPseudonyms(org.trame.core.privacy.Pseudonyms.of("bench pseudonym key, the same for every worker")), List.of(discard));
  }

  /**
   * The whole packaged prompts folder, flows and messages: the loader checks that every flow and
   * message the features use is there, so a partial copy would not start.
   */
  private static void copyPackagedPrompts(Path to) throws IOException {
    try {
      java.net.URI common = BenchBot.class.getClassLoader().getResource("prompts/common.yaml").toURI();
      if (common.getScheme().equals("jar")) {
        try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(common, java.util.Map.of())) {
          copyTree(jar.getPath("/prompts"), to);
        }
      } else {
        copyTree(Path.of(common).getParent(), to);
      }
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  private static void copy(String resource, Path to) throws IOException {
    try (InputStream in = BenchBot.class.getClassLoader().getResourceAsStream(resource)) {
      Files.copy(in, to);
    }
  }

  /** Opens an echo conversation for each member directly in the database (the flow has no command). */
  void openConversations(String collective, int members) {
    trame.write(c -> {
      long now = System.currentTimeMillis();
      exec(c, "INSERT INTO collective (id, platform, external_id, created_at) VALUES (?, 'bench', ?, ?) ON CONFLICT DO NOTHING",
          "bench:" + collective, collective, now);
      try (PreparedStatement m = c.prepareStatement(
              "INSERT INTO member (collective_id, member_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
          PreparedStatement conv = c.prepareStatement("INSERT INTO conversation (collective_id, member_id, flow, step, status, state,"
              + " started_at, updated_at) VALUES (?, ?, 'echo', 'say', 'active', '{\"step\":\"say\"}', ?, ?)")) {
        for (int i = 0; i < members; i++) {
          m.setString(1, "bench:" + collective);
          m.setString(2, "m" + i);
          m.setLong(3, now);
          m.addBatch();
          conv.setString(1, "bench:" + collective);
          conv.setString(2, "m" + i);
          conv.setLong(3, now);
          conv.setLong(4, now);
          conv.addBatch();
        }
        m.executeBatch();
        conv.executeBatch();
      }
      return null;
    }).join();
  }

  /**
   * Collectives {@code console:c0…} of members {@code m0…}, already known to the bot (English,
   * chosen), {@code coordinator} a coordinator in each: written straight to the database, quickly.
   */
  static void knownMembers(Trame trame, int collectives, int members, String coordinator) {
    trame.write(c -> {
      long now = System.currentTimeMillis();
      try (PreparedStatement coll = c.prepareStatement("INSERT INTO collective (id, platform, external_id, created_at) VALUES (?, 'console', ?, ?)");
          PreparedStatement m = c.prepareStatement("INSERT INTO member (collective_id, member_id, display_name, lang, lang_source,"
              + " coordinator, created_at) VALUES (?, ?, ?, 'en', 'chosen', ?, ?)")) {
        for (int k = 0; k < collectives; k++) {
          coll.setString(1, "console:c" + k);
          coll.setString(2, "c" + k);
          coll.setLong(3, now);
          coll.addBatch();
          for (int i = 0; i < members; i++) {
            m.setString(1, "console:c" + k);
            m.setString(2, "m" + i);
            m.setString(3, "m" + i);
            m.setInt(4, ("m" + i).equals(coordinator) ? 1 : 0);
            m.setLong(5, now + i);
            m.addBatch();
          }
        }
        coll.executeBatch();
        m.executeBatch();
      }
      return null;
    }).join();
  }

  static void exec(Connection c, String sql, Object... params) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    }
  }

  @Override
  public void close() throws IOException {
    trame.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
