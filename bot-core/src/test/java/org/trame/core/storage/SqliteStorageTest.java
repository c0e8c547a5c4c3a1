package org.trame.core.storage;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on SQLite, the embedded default. */
class SqliteStorageTest extends StorageContract {

  @TempDir
  Path dir;

  @Override
  Database open() {
    return Database.open(dir.resolve("trame.db").toString());
  }
}
