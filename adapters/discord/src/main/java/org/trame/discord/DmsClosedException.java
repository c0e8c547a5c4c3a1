package org.trame.discord;

import org.trame.core.port.UndeliverableException;

/** Discord refused a DM (code 50007): the member does not accept messages from this server's members or bots. */
public final class DmsClosedException extends UndeliverableException {

  public DmsClosedException(Throwable cause) {
    super("50007 the member does not accept direct messages", cause);
  }
}
