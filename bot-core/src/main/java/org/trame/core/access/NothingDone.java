package org.trame.core.access;

import java.util.EnumSet;
import java.util.Set;
import org.trame.core.i18n.Msg;

/**
 * The answers by which a coordinator command says it did nothing (its usage, a value out of range,
 * nothing open to close, nobody to ask): the audit log then records the request as not carried out
 * rather than as done.
 */
public final class NothingDone {

  private static final Set<Msg> ANSWERS = EnumSet.of(Msg.PRIVACY_USAGE, Msg.STAKES_ROUND_USAGE, Msg.STAKES_AMBITION_USAGE,
      Msg.STAKES_EVERY_USAGE, Msg.STAKES_ROUND_NONE_OPEN, Msg.STAKES_ROUND_ALREADY_OPEN, Msg.STAKES_ROUND_NO_MEMBERS,
      Msg.CHECKIN_USAGE, Msg.CHECKIN_SCHEDULE_USAGE, Msg.CHECKIN_BAD_CRON_RANGE, Msg.CHECKIN_BAD_CRON_FIELDS, Msg.CHECKIN_BAD_CRON,
      Msg.CHECKIN_CRON_NEVER, Msg.CHECKIN_CRON_TOO_OFTEN, Msg.CHECKIN_UNKNOWN_ZONE, Msg.CHECKIN_ANONYMOUS_USAGE,
      Msg.CHECKIN_REMINDER_USAGE, Msg.CHECKIN_DEADLINE_USAGE, Msg.CHECKIN_NONE_OPEN, Msg.CHECKIN_ALREADY_OPEN,
      Msg.CHECKIN_NO_SCHEDULE, Msg.CHECKIN_NO_MEMBERS);

  private NothingDone() {}

  /** Whether a command answering {@code msg} did nothing of what was asked. */
  public static boolean says(Msg msg) {
    return ANSWERS.contains(msg);
  }
}
