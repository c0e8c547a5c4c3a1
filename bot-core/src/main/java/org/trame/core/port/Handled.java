package org.trame.core.port;

import java.util.List;
import java.util.Objects;

/**
 * The core's answer to one inbound event, given once its effects are committed: what it decided
 * about the event, and the messages it produced. Adapters act on {@link #outcome()} (mark a question
 * answered, show a refusal where the member clicked) and never on the texts of the replies.
 *
 * @param outcome  what became of the event
 * @param reason   why, when the event was not simply accepted; {@link Reason#NONE} otherwise
 * @param messages the messages the event produced, already in the outbox
 */
public record Handled(Outcome outcome, Reason reason, List<OutboundMessage> messages) {

  /** What became of one inbound event. */
  public enum Outcome {
    /** Taken: the answer, word or command did what it asked. */
    ACCEPTED,
    /** Not taken as an answer: the member is told why and the question stands (an invalid answer, a paused conversation). */
    REASKED,
    /** Meant for a question or step that is no longer the current one (a button of an earlier question). */
    STALE,
    /** Someone else's conversation, or a reference that names none (forged): refused, revealing nothing. */
    NOT_YOURS,
    /** The conversation it was meant for has finished or was cancelled. */
    OVER,
    /** Refused by the access rules (a coordinator-only command from a member). */
    REFUSED,
    /** The core could not apply it: its changes were undone and the member was told. */
    FAILED,
    /** Already handled: the same event id came again, and nothing was done. */
    DUPLICATE;

    /** Whether this event was handled now (anything but a second delivery). */
    public boolean applied() {
      return this != DUPLICATE;
    }

    /** Whether the event was refused because of where it was made: an old, foreign or finished question's component. */
    public boolean refusedInPlace() {
      return this == STALE || this == NOT_YOURS || this == OVER;
    }
  }

  /** Why an event was not simply accepted. */
  public enum Reason {
    NONE,
    /** The answer did not fit the question (out of range, unknown option, too long...). */
    INVALID_ANSWER,
    /** "skip" on a question that must be answered. */
    NOT_OPTIONAL,
    /** The conversation is paused: only resume, cancel or help apply. */
    PAUSED,
    /** The button belongs to an earlier question or step. */
    EARLIER_QUESTION,
    /** The conversation has ended (finished or cancelled). */
    CONVERSATION_ENDED,
    /** The conversation is another member's, or the reference names none. */
    SOMEONE_ELSES,
    /** Only coordinators may do this. */
    COORDINATORS_ONLY,
    /** The access rules refuse it for another reason (another collective's or private data). */
    NOT_PERMITTED,
    /** The turn failed and was undone. */
    TURN_FAILED,
    /** No command or subcommand has that word: the member is told, with where to find the commands. */
    UNKNOWN_COMMAND,
    /** A conversation's word (back, cancel...) with no conversation open. */
    NO_CONVERSATION,
    /** A command of the catalogue that this version does not carry out yet. */
    NOT_AVAILABLE
  }

  public Handled {
    Objects.requireNonNull(outcome, "outcome");
    reason = reason == null ? Reason.NONE : reason;
    messages = messages == null ? List.of() : List.copyOf(messages);
  }

  /** An event handled with no particular reason to give. */
  public Handled(Outcome outcome, List<OutboundMessage> messages) {
    this(outcome, Reason.NONE, messages);
  }

  public static Handled duplicate() {
    return new Handled(Outcome.DUPLICATE, List.of());
  }
}
