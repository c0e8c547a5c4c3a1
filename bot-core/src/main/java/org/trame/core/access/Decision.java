package org.trame.core.access;

import org.trame.core.i18n.Msg;

/**
 * The access point's answer: allowed, or refused with the message the requester reads and what was
 * asked (a command word or a kind of data, never a member's text).
 */
public record Decision(boolean allowed, Msg reason, String asked) {

  public static final Decision ALLOWED = new Decision(true, null, null);

  public static Decision refused(Msg reason, String asked) {
    return new Decision(false, reason, asked);
  }
}
