package org.trame.core.turn;

import java.util.List;

/** One {@code /trame} word, e.g. {@code stakes}; registered by a {@link Feature}. */
public interface Command {

  /** The word that runs it, the same on every platform. */
  String name();

  void run(TurnContext turn, List<String> args) throws Exception;

  /** What a command does with its turn and the words after it. */
  @FunctionalInterface
  interface Action {
    void run(TurnContext turn, List<String> args) throws Exception;
  }

  /** The command {@code word}, running {@code action}. */
  static Command of(String word, Action action) {
    return new Command() {
      @Override
      public String name() {
        return word;
      }

      @Override
      public void run(TurnContext turn, List<String> args) throws Exception {
        action.run(turn, args);
      }
    };
  }
}
