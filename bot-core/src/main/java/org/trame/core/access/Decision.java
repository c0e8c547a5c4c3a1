package org.trame.core.access;

import org.trame.core.port.Handled;
import org.trame.core.i18n.MessageKey;

/**
 * The access point's answer: allowed, or refused with the message the requester reads, what was
 * asked (a command word or a kind of data, never a member's text), and what the refusal makes of
 * the event for the adapter (someone else's conversation, or a refusal by the rules).
 */
public record Decision(boolean allowed, MessageKey reason, String asked, Handled.Outcome outcome, Handled.Reason why) {

  public static final Decision ALLOWED = new Decision(true, null, null, Handled.Outcome.ACCEPTED, Handled.Reason.NONE);

  /** A refusal by the access rules, for a reason other than the ones with their own factory. */
  public static Decision refused(MessageKey reason, String asked) {
    return refused(reason, asked, Handled.Outcome.REFUSED, Handled.Reason.NOT_PERMITTED);
  }

  public static Decision refused(MessageKey reason, String asked, Handled.Outcome outcome, Handled.Reason why) {
    return new Decision(false, reason, asked, outcome, why);
  }
}
