package org.trame.core.storage;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL for tests: a throw-away cluster initialised in a temporary folder, listening
 * on a free loopback port with its socket in that folder, started once per test JVM and stopped
 * when it exits. PostgreSQL refuses to run as root, so as root it runs as the {@code postgres}
 * user. When it cannot start (no binaries, no such user), {@link #require()} skips the calling
 * test with the reason, and says so on the standard error: never a silent pass.
 */
public final class LocalPostgres {

  private static LocalPostgres instance;
  private static String unavailable;

  private final Path bin;
  private final Path root;
  private final Path data;
  private final int port;
  private final List<String> runAs;
  private final AtomicInteger databases = new AtomicInteger();

  private LocalPostgres(Path bin, Path root, int port, List<String> runAs) {
    this.bin = bin;
    this.root = root;
    this.data = root.resolve("data");
    this.port = port;
    this.runAs = runAs;
  }

  /** The running server, or the test is skipped with the reason it could not start. */
  public static synchronized LocalPostgres require() {
    if (instance == null && unavailable == null) {
      try {
        instance = start();
      } catch (Exception e) {
        unavailable = e.getMessage();
      }
    }
    if (instance == null) {
      String why = "PostgreSQL tests skipped: a local PostgreSQL could not be started (" + unavailable + ")";
      System.err.println(why);
      Assumptions.assumeTrue(false, why);
    }
    return instance;
  }

  /** A new empty database on the server; its JDBC URL. */
  public String newDatabase() {
    String name = "trame_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
    return url(name);
  }

  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=trame";
  }

  private static LocalPostgres start() throws Exception {
    Path bin = binaries();
    List<String> runAs = new ArrayList<>();
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      if (new ProcessBuilder("id", "-u", "postgres").start().waitFor() != 0) {
        throw new IllegalStateException("running as root and there is no 'postgres' user to run the server as");
      }
      runAs.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    Path dir = Files.createTempDirectory("trame-pg");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    LocalPostgres pg = new LocalPostgres(bin, dir, port, runAs);
    if (root) {
      run(List.of("chown", "-R", "postgres", dir.toString()), dir.resolve("chown.log"));
    }
    pg.runTool(List.of(bin.resolve("initdb").toString(), "-D", pg.data.toString(), "-U", "trame", "--auth=trust",
        "-E", "UTF8", "--no-locale"), "initdb.log");
    pg.runTool(List.of(bin.resolve("pg_ctl").toString(), "-D", pg.data.toString(), "-l", dir.resolve("server.log").toString(),
        "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=300",
        "start"), "pg_ctl.log");
    Runtime.getRuntime().addShutdownHook(new Thread(pg::stop, "local-postgres-stop"));
    return pg;
  }

  /** Stopped at once, without a checkpoint: the cluster is thrown away, and a checkpoint of many test databases is slow. */
  private void stop() {
    try {
      runTool(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), "stop.log");
    } catch (Exception e) {
      System.err.println("local PostgreSQL did not stop cleanly: " + e.getMessage());
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }

  private void runTool(List<String> command, String log) throws Exception {
    List<String> full = new ArrayList<>(runAs);
    full.addAll(command);
    run(full, root.resolve(log));
  }

  private static void run(List<String> command, Path log) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(command.get(0) + " did not finish in 2 minutes");
    }
    if (p.exitValue() != 0) {
      String out = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
      throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "): "
          + out.substring(Math.max(0, out.length() - 600)).trim());
    }
  }

  /** The server binaries: {@code pg_config --bindir}, else Debian's newest under /usr/lib/postgresql. */
  private static Path binaries() throws Exception {
    try {
      Process p = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (p.waitFor() == 0 && Files.isExecutable(Path.of(out, "initdb"))) {
        return Path.of(out);
      }
    } catch (IOException e) {
      // no pg_config: look at Debian's layout
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        Path best = versions.map(v -> v.resolve("bin"))
            .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
            .max(Comparator.comparing(b -> versionOf(b.getParent().getFileName().toString())))
            .orElse(null);
        if (best != null) {
          return best;
        }
      }
    }
    throw new IllegalStateException("no PostgreSQL server binaries (initdb, pg_ctl) found: install Debian's postgresql package");
  }

  private static Integer versionOf(String name) {
    try {
      return Integer.parseInt(name);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
