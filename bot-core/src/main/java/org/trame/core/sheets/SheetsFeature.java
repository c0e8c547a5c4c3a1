package org.trame.core.sheets;

import java.util.List;
import java.util.Map;
import org.trame.core.engine.FlowAction;
import org.trame.core.turn.Command;
import org.trame.core.turn.Feature;
import org.trame.core.turn.TurnContext;

/**
 * {@code sheet <1-9>} tells the member, privately, a practice sheet's title, when it fits and its
 * approaches; {@code sheet} alone lists the nine titles.
 */
public final class SheetsFeature implements Feature {

  public static final String COMMAND = "sheet";

  @Override
  public java.util.List<SheetsMsg> messages() {
    return java.util.List.of(SheetsMsg.values());
  }

  @Override
  public Map<String, Command> commands() {
    return Map.of(COMMAND, Command.of(COMMAND, SheetsFeature::sheet));
  }

  /** {@code sheet} lists the sheets; {@code sheet <n>} shows one. */
  private static void sheet(TurnContext t, List<String> args) {
    if (args.isEmpty()) {
      list(t);
    } else if (args.size() == 1 && args.get(0).matches("\\d{1,2}") && Sheets.exists(Integer.parseInt(args.get(0)))) {
      show(t, Integer.parseInt(args.get(0)));
    } else {
      t.say(SheetsMsg.SHEET_USAGE);
    }
  }

  @Override
  public Map<String, FlowAction> actions() {
    return Map.of();
  }

  private static void list(TurnContext t) {
    StringBuilder text = new StringBuilder(t.texts().get(SheetsMsg.SHEET_LIST, t.lang()));
    for (int n = Sheets.FIRST; n <= Sheets.LAST; n++) {
      text.append('\n').append(n).append(". ").append(t.texts().get(Sheets.title(n), t.lang()));
    }
    t.say(text.toString());
  }

  private static void show(TurnContext t, int n) {
    t.say(SheetsMsg.SHEET_SHOW, "number", n, "title", t.texts().get(Sheets.title(n), t.lang()),
        "when", t.texts().get(Sheets.when(n), t.lang()), "approaches", t.texts().get(Sheets.approaches(n), t.lang()));
  }
}
