package org.trame.core.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;

/**
 * The database, SQLite or PostgreSQL, migrated by Flyway at open.
 *
 * <p>SQLite, the embedded default: WAL mode with {@code synchronous=FULL} so an acknowledged turn
 * survives power loss. Writes go through one {@link Writer}; readers open their own connections,
 * which WAL lets run beside the writer. The common migrations run with a SQLite-only location
 * beside them, for table layouts only SQLite has (the dedup record keyed without a rowid).
 *
 * <p>PostgreSQL, to run several processes on one database: connections come from a HikariCP
 * pool; the common migrations run with a PostgreSQL-only location beside them (wider integer
 * types, claims of outbox rows). Each open database is one process of record (see {@link
 * #processId()}), named on its connections so that the outbox rows it writes are its own.
 */
public final class Database implements AutoCloseable {

  /** The SQL engine behind a connection; a few statements differ. */
  public enum Dialect {
    SQLITE, POSTGRESQL
  }

  private static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";
  /** How long an outbox row stays with the process that claimed it before another may take it over. */
  public static final long DEFAULT_OUTBOX_LEASE_MS = 60_000;

  private final Dialect dialect;
  private final Path file;
  private final String url;
  private final String processId = UUID.randomUUID().toString();
  private final HikariDataSource pool;

  private Database(Path file) {
    this.dialect = Dialect.SQLITE;
    this.file = file;
    this.url = "jdbc:sqlite:" + file;
    this.pool = null;
  }

  private Database(String url, long outboxLeaseMs) {
    this.dialect = Dialect.POSTGRESQL;
    this.file = null;
    this.url = url;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName("trame-" + processId.substring(0, 8));
    // The writer holds one connection; readers, the outbox claims and the admin checks share the rest.
    config.setMaximumPoolSize(6);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(10_000);
    config.setValidationTimeout(3_000);
    // The process's name and lease ride on every connection: the outbox columns default to them.
    config.setConnectionInitSql("SELECT set_config('trame.process', '" + processId + "', false),"
        + " set_config('trame.outbox_lease_ms', '" + outboxLeaseMs + "', false)");
    config.setInitializationFailTimeout(-1);
    this.pool = new HikariDataSource(config);
  }

  /**
   * Opens the database named by {@code TRAME_DB}: a {@code jdbc:postgresql:} URL is PostgreSQL;
   * a {@code jdbc:sqlite:} URL or a plain path is an SQLite file.
   */
  public static Database open(String location) {
    return open(location, DEFAULT_OUTBOX_LEASE_MS);
  }

  /** As {@link #open(String)}, with how long a process keeps the outbox rows it claimed (PostgreSQL). */
  public static Database open(String location, long outboxLeaseMs) {
    String l = location.trim();
    if (isPostgresql(l)) {
      Database db = new Database(l, outboxLeaseMs);
      try {
        db.migrate();
      } catch (RuntimeException e) {
        db.close();
        throw e;
      }
      return db;
    }
    return open(Path.of(l.startsWith("jdbc:sqlite:") ? l.substring("jdbc:sqlite:".length()) : l));
  }

  /** Whether {@code TRAME_DB} names a PostgreSQL database. */
  public static boolean isPostgresql(String location) {
    return location != null && location.trim().startsWith(POSTGRESQL_PREFIX);
  }

  /** Opens (creating if needed) and migrates the SQLite database at {@code file}. */
  public static Database open(Path file) {
    Database db = new Database(file.toAbsolutePath());
    try {
      Path dir = db.file.getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
    } catch (Exception e) {
      throw new StorageException("cannot create the database folder for " + db.file + ": " + e.getMessage(), e);
    }
    createOwnerOnly(db.file);
    db.migrate();
    return db;
  }

  /**
   * Creates a new database file readable and writable by its owner alone (POSIX permissions where
   * the file system has them), before SQLite opens it: SQLite gives its {@code -wal} and {@code
   * -shm} files the database file's own permissions, so they are owner-only too. An existing file
   * keeps the permissions its operator chose.
   */
  private static void createOwnerOnly(Path file) {
    if (Files.exists(file)) {
      return;
    }
    try {
      if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE)));
      } else {
        Files.createFile(file);
        java.io.File f = file.toFile();
        f.setReadable(false, false);
        f.setWritable(false, false);
        f.setReadable(true, true);
        f.setWritable(true, true);
      }
    } catch (java.nio.file.FileAlreadyExistsException raced) {
      // Another process created it first: SQLite opens theirs.
    } catch (java.io.IOException e) {
      throw new StorageException("cannot create the database file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The SQLite file, or null on PostgreSQL. */
  public Path file() {
    return file;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** This process's name on PostgreSQL: the owner of the outbox rows it writes or claims. */
  public String processId() {
    return processId;
  }

  /** The database as an operator would recognise it in a message: the file, or the URL without its query. */
  public String name() {
    if (file != null) {
      return file.toString();
    }
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  private void migrate() {
    try {
      if (dialect == Dialect.POSTGRESQL) {
        // Flyway holds an advisory lock while it migrates: processes starting together wait their turn.
        Flyway.configure()
            .dataSource(pool)
            .locations("classpath:db/migration", "classpath:db/migration-postgresql")
            .load()
            .migrate();
        return;
      }
      try (Connection c = connect()) {
        // Flyway needs a DataSource; a fresh connection per call is fine for a one-off migration.
        Flyway.configure()
            .dataSource(url + "?secure_delete=true", null, null)
            .locations("classpath:db/migration", "classpath:db/migration-sqlite")
            .load()
            .migrate();
      }
    } catch (SQLException e) {
      throw new StorageException("cannot open the database " + name() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new StorageException("cannot migrate the database " + name() + ": " + e.getMessage(), e);
    }
  }

  /** A new connection with the pragmas every connection needs. Callers close it. */
  public Connection connect() throws SQLException {
    return connect(false);
  }

  /** A connection that cannot write, for readers beside the writer. Callers close it. */
  public Connection connectReadOnly() throws SQLException {
    return connect(true);
  }

  private Connection connect(boolean readOnly) throws SQLException {
    if (pool != null) {
      Connection c = pool.getConnection();
      c.setReadOnly(readOnly);
      return c;
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(readOnly);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(10_000);
    // What a delete or an update removes is overwritten with zeros in the page, not left in free
    // space where a raw copy of the file would still show it: erasure must hold for the bytes too.
    config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
    // Inserts that need their id say RETURNING; without this the driver runs a second query
    // (SELECT last_insert_rowid()) after every INSERT and UPDATE.
    config.setGetGeneratedKeys(false);
    Connection c = DriverManager.getConnection(url, config.toProperties());
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA temp_store=MEMORY");
    }
    return c;
  }

  /** Whether a query reaches the database within {@code seconds} (for readiness checks). */
  public boolean reachable(int seconds) {
    try (Connection c = connectReadOnly()) {
      return c.isValid(seconds);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Closes the pool (PostgreSQL); SQLite connections are closed by their users. */
  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
  }
}
