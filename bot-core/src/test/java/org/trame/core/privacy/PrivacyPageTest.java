package org.trame.core.privacy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.Features;
import org.trame.core.MutableClock;
import org.trame.core.TestBot;

/** PRIVACY.md says what the code does: its retention default is the code's, the commands and tables it names exist. */
class PrivacyPageTest {

  @TempDir
  Path dir;

  private static String page() throws Exception {
    Path p = Path.of("..", "PRIVACY.md");
    return Files.readString(Files.exists(p) ? p : Path.of("PRIVACY.md"));
  }

  @Test
  @DisplayName("PRIVACY.md gives, in English and in French, the retention default the code applies")
  void retentionDefault() throws Exception {
    String page = page();
    int english = page.indexOf("## English");
    int french = page.indexOf("## Français");
    assertTrue(english > 0 && french > english, "both languages");
    assertTrue(page.substring(english, french).contains("**" + Retention.DEFAULT_MONTHS + " months**"));
    assertTrue(page.substring(french).contains("**" + Retention.DEFAULT_MONTHS + " mois**"));
  }

  @Test
  @DisplayName("every command PRIVACY.md names is one the bot answers, and every table it names is in the database")
  void namedCommandsAndTablesExist() throws Exception {
    Matcher m = Pattern.compile("`([a-z][a-z_*]*(?: [^`]*)?)`").matcher(page());
    try (TestBot bot = new TestBot(dir.resolve("trame.db"), new MutableClock(Instant.parse("2026-03-02T09:00:00Z")), "carol")) {
      bot.command("carol", "lang en");
      Set<String> tables = Set.copyOf(bot.rows("SELECT name FROM sqlite_master WHERE type = 'table'"));
      Set<String> words = new Features().commands().keySet();
      List<String> commands = new ArrayList<>();
      while (m.find()) {
        String named = m.group(1);
        if (named.contains("/") || named.contains(".")) {
          continue;
        }
        if (named.endsWith("*")) {
          String prefix = named.substring(0, named.length() - 1);
          assertTrue(tables.stream().anyMatch(t -> t.startsWith(prefix)), named);
          continue;
        }
        if (tables.contains(named)) {
          continue;
        }
        String first = named.split(" ")[0];
        assertTrue(words.contains(first), "PRIVACY.md names `" + named + "`, which is not a command");
        commands.add(named);
      }
      assertTrue(commands.containsAll(List.of("mydata export", "mydata forget", "withdraw", "privacy", "audit")), commands.toString());
      for (String command : commands) {
        String said = TestBot.joined(bot.command("carol", command.replace("<months>", "6").replace("<mois>", "6")));
        bot.say("carol", "cancel");
        assertFalse(said.startsWith("I don't know") || said.startsWith("Usage"), command + " answered: " + said);
      }
    }
  }
}
