package org.trame.core.turn;

/** Work a feature schedules for later (a reminder, a deadline); registered under its kind. */
@FunctionalInterface
public interface ScheduledTask {

  /**
   * Runs inside the writer's transaction at or after the due time. {@code turn} speaks as nobody
   * in particular: use {@link TurnContext#as} to address members and {@link TurnContext#post} for
   * the channel.
   */
  void run(TurnContext turn, String payload) throws Exception;
}
