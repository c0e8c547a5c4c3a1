package org.trame.core.storage;

/** The database could not do what was asked; the message is meant for an operator. */
public class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
