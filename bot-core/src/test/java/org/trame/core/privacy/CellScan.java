package org.trame.core.privacy;

import java.util.List;
import org.trame.core.TestBot;

/** Searches every cell of every table of the bot's database (attachments decoded) for a string. */
public final class CellScan {

  private CellScan() {}

  public static List<String> holding(TestBot bot, String needle) throws Exception {
    return PrivacyScenario.scan(bot, needle);
  }
}
