package org.trame.core.port;

/** A broken command catalogue; the message names the file, the command and what is wrong. */
public final class CatalogueException extends RuntimeException {

  public CatalogueException(String message) {
    super(message);
  }
}
