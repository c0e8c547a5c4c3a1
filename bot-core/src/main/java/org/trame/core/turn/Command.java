package org.trame.core.turn;

import java.util.List;

/** One {@code /trame} word, e.g. {@code stakes}; registered by a {@link Feature}. */
public interface Command {

  /** The word that runs it, the same on every platform. */
  String name();

  void run(TurnContext turn, List<String> args) throws Exception;
}
