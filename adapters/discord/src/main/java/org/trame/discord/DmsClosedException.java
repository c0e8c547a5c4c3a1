package org.trame.discord;

/** Discord refused a DM: the member does not accept messages from this server's members or bots. */
public final class DmsClosedException extends UndeliverableException {

  public DmsClosedException(String userId, Throwable cause) {
    super("member " + userId + " does not accept direct messages", cause);
  }
}
