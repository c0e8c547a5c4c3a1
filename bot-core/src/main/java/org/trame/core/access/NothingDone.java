package org.trame.core.access;

import org.trame.core.port.CommandCatalogue;

/**
 * The answers by which a coordinator command says it did nothing (its usage, a value out of range,
 * nothing open to close, nobody to ask): the audit log then records the request as not carried out
 * rather than as done. Each command declares its own in the catalogue ({@code not_done}).
 */
public final class NothingDone {

  private NothingDone() {}

  /** Whether the command {@code command} (canonical words, e.g. {@code stakes round}) answering {@code msg} did nothing. */
  public static boolean says(String command, org.trame.core.i18n.MessageKey msg) {
    return CommandCatalogue.packaged().find(command).map(c -> c.notDone().contains(msg.key())).orElse(false);
  }
}
