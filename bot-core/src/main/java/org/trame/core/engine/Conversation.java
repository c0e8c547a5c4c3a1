package org.trame.core.engine;

/** One member's run through one flow, as stored. */
public final class Conversation {

  public enum Status {
    ACTIVE, PAUSED, DONE, CANCELLED;

    public boolean open() {
      return this == ACTIVE || this == PAUSED;
    }
  }

  private final long id;
  private final String collectiveId;
  private final String memberId;
  private final String flow;
  private Status status;
  /** The status the database holds, so that saving an unchanged one leaves its index alone. */
  private Status storedStatus;
  private final ConversationState state;
  /** Set by a flow's action that did not take the answer it was given; read once by the engine. */
  private boolean answerRefused;

  public Conversation(long id, String collectiveId, String memberId, String flow, Status status, ConversationState state) {
    this.id = id;
    this.collectiveId = collectiveId;
    this.memberId = memberId;
    this.flow = flow;
    this.status = status;
    this.storedStatus = status;
    this.state = state;
  }

  public long id() {
    return id;
  }

  public String ref() {
    return Long.toString(id);
  }

  public String collectiveId() {
    return collectiveId;
  }

  public String memberId() {
    return memberId;
  }

  public String flow() {
    return flow;
  }

  public Status status() {
    return status;
  }

  public void status(Status newStatus) {
    this.status = newStatus;
  }

  public Status storedStatus() {
    return storedStatus;
  }

  /** Storage records that the database now holds {@code saved}. */
  public void stored(Status saved) {
    this.storedStatus = saved;
  }

  public ConversationState state() {
    return state;
  }

  /**
   * An action did not take the answer it was given (a date already past, a name nobody has) and
   * its flow asks the same question again: the event is then re-asked, not accepted, so that an
   * adapter does not show the question as answered.
   */
  public void refuseAnswer() {
    answerRefused = true;
  }

  /** Whether an action refused the answer since the last call; clears it. */
  boolean takeAnswerRefused() {
    boolean refused = answerRefused;
    answerRefused = false;
    return refused;
  }
}
