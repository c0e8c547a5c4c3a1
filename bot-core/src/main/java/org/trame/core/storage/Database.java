package org.trame.core.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite file: migrated by Flyway at open, in WAL mode with {@code synchronous=FULL} so an
 * acknowledged turn survives power loss. Writes go through one {@link Writer}; readers open their
 * own connections, which WAL lets run beside the writer.
 */
public final class Database {

  private final Path file;
  private final String url;

  private Database(Path file) {
    this.file = file;
    this.url = "jdbc:sqlite:" + file;
  }

  /** Opens (creating if needed) and migrates the database at {@code file}. */
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
    db.migrate();
    return db;
  }

  public Path file() {
    return file;
  }

  private void migrate() {
    try (Connection c = connect()) {
      // Flyway needs a DataSource; a fresh connection per call is fine for a one-off migration.
      Flyway.configure()
          .dataSource(url, null, null)
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (SQLException e) {
      throw new StorageException("cannot open the database " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new StorageException("cannot migrate the database " + file + ": " + e.getMessage(), e);
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
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(readOnly);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(10_000);
    // Inserts that need their id say RETURNING; without this the driver runs a second query
    // (SELECT last_insert_rowid()) after every INSERT and UPDATE.
    config.setGetGeneratedKeys(false);
    Connection c = DriverManager.getConnection(url, config.toProperties());
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA temp_store=MEMORY");
    }
    return c;
  }
}
