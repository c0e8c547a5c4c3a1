package org.trame.core.access;

import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trame.core.i18n.Msg;
import org.trame.core.port.Handled;

/**
 * The one access point for member data: every feature asks it "may this requester do this on that"
 * rather than checking roles itself, so that the rules live in one place and every refusal is
 * logged and audited the same way.
 */
public final class Access {

  private static final Logger log = LoggerFactory.getLogger(Access.class);

  /** The sharing choices a stored answer carries (see stakes_answer.sharing). */
  public static final String PRIVATE = "private";
  public static final String COORDINATORS = "coordinators";
  public static final String COLLECTIVE = "collective";

  private Access() {}

  /** A command only coordinators may run (open a round, change a setting, read the audit log). */
  public static Decision coordinatorCommand(Requester who, String command) {
    return who.coordinator() ? Decision.ALLOWED : Decision.refused(Msg.NOT_A_COORDINATOR, command,
        Handled.Outcome.REFUSED, Handled.Reason.COORDINATORS_ONLY);
  }

  /**
   * Continuing a conversation (a button, a numbered choice): only its own member, in its own
   * collective. A forged or stale reference gets the same answer as someone else's, revealing nothing.
   */
  public static Decision conversation(Requester who, String collectiveId, String memberId) {
    boolean own = who.memberId() != null && who.collectiveId().equals(collectiveId) && who.memberId().equals(memberId);
    return own ? Decision.ALLOWED : Decision.refused(Msg.NOT_YOUR_CONVERSATION, "conversation",
        Handled.Outcome.NOT_YOURS, Handled.Reason.SOMEONE_ELSES);
  }

  /**
   * Reading one member's stored answer: the member themself always; otherwise only within the same
   * collective and as far as the owner's sharing choice goes (coordinators, or the whole collective
   * including its channel).
   */
  public static Decision read(Requester who, String collectiveId, String ownerId, String sharing) {
    if (!who.collectiveId().equals(collectiveId)) {
      return Decision.refused(Msg.ACCESS_OTHER_COLLECTIVE, "data");
    }
    if (ownerId.equals(who.memberId())) {
      return Decision.ALLOWED;
    }
    boolean shared = switch (sharing == null ? PRIVATE : sharing) {
      case COLLECTIVE -> true;
      case COORDINATORS -> who.coordinator();
      default -> false;
    };
    return shared ? Decision.ALLOWED : Decision.refused(Msg.ACCESS_PRIVATE_ANSWER, "answer");
  }

  /**
   * Logs and audits a refusal: who, of which collective, asked what. Never the words of the request,
   * which may hold a member's text.
   */
  public static void recordRefusal(Connection c, Requester who, Decision d, long now) throws SQLException {
    log.warn("refused: {} of {} asked for {} ({})", who.role().name().toLowerCase(java.util.Locale.ROOT),
        who.collectiveId(), d.asked(), d.reason().key());
    AuditLog.record(c, who.collectiveId(), who.memberId(), d.asked(), d.reason().key(), true, now);
  }
}
