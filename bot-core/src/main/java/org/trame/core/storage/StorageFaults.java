package org.trame.core.storage;

import java.nio.file.Path;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns SQLite's failures of the file itself (read-only, disk full, I/O error, not a database)
 * into one line an operator can act on. Such a failure is not the event's fault: nothing of the
 * event is kept, and it can be delivered or replayed again once the cause is fixed.
 */
public final class StorageFaults {

  private StorageFaults() {
  }

  /** {@code failure} explained for the operator when the file is at fault, else {@code failure} itself. */
  public static Throwable explain(Throwable failure, Path file) {
    String cause = cause(failure, file);
    if (cause == null || failure instanceof StorageException) {
      return failure;
    }
    return new StorageException(cause, failure);
  }

  /** True when {@code failure} comes from the file rather than from the event. */
  public static boolean isFault(Throwable failure) {
    return cause(failure, Path.of("")) != null;
  }

  private static String cause(Throwable failure, Path file) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLiteException s) {
        return sentence(s.getResultCode(), file);
      }
    }
    return null;
  }

  private static String sentence(SQLiteErrorCode code, Path file) {
    String name = code.name();
    if (name.startsWith("SQLITE_READONLY")) {
      return "the database " + file + " is read-only (the file or its folder): nothing was saved;"
          + " make both writable for the bot's user, then send or replay again";
    }
    if (name.equals("SQLITE_FULL")) {
      return "the disk holding the database " + file + " is full: nothing was saved; free some space, then send or replay again";
    }
    if (name.startsWith("SQLITE_IOERR") || name.startsWith("SQLITE_CANTOPEN")) {
      return "the database " + file + " cannot be read or written (" + name + "): nothing was saved;"
          + " check the disk and the file's permissions, then send or replay again";
    }
    if (name.startsWith("SQLITE_CORRUPT") || name.equals("SQLITE_NOTADB")) {
      return "the database " + file + " is damaged or not a Trame database (" + name + "): nothing was saved;"
          + " restore it from a backup";
    }
    return null;
  }
}
