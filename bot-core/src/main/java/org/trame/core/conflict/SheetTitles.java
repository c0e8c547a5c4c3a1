package org.trame.core.conflict;

import org.trame.core.engine.Lang;
import org.trame.core.engine.Prompts;
import org.trame.core.engine.Step;

/** The titles of seed 004's nine practice sheets, as the triage flow lists them for a correction. */
final class SheetTitles {

  static final String FLOW = "conflict_invite";
  static final String STEP = "sheet";

  private SheetTitles() {}

  static String title(Prompts prompts, int sheet, Lang lang) {
    Step step = prompts.flow(FLOW).map(f -> f.step(STEP)).orElse(null);
    if (step == null) {
      return "";
    }
    return step.options().stream().filter(o -> o.value().equals("s" + sheet)).findFirst()
        .map(o -> o.label().in(lang).replaceFirst("^\\d+\\s*[.·:-]\\s*", "")).orElse("");
  }
}
