package org.trame.core.conflict;

import java.util.List;
import org.trame.core.turn.TurnContext;

/**
 * {@code method}: the guide's resolution where nobody loses, told privately to whoever asks, so that
 * a party knows the path before a coordinator opens a space (the space itself follows the same steps).
 */
final class MethodGuide {

  static final String COMMAND = "method";
  private static final int STEPS = 6;

  private MethodGuide() {}

  static void method(TurnContext t, List<String> args) {
    if (args.isEmpty()) {
      t.say(ConflictMsg.CONFLICT_METHOD_OVERVIEW);
    } else if (args.size() == 1 && args.get(0).matches("[1-9]") && Integer.parseInt(args.get(0)) <= STEPS) {
      t.say(ConflictMsg.CONFLICT_METHOD_STEP, "step", args.get(0));
    } else {
      t.say(ConflictMsg.CONFLICT_METHOD_USAGE);
    }
  }
}
