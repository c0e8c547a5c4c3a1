package org.trame.core.checkin;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The given most check-in tests share: a collective on its own SQLite file, on Sunday 1 March 2026 at noon in Paris,
 * coordinated by carol, whose members have each written to the bot once; closed after each test.
 */
abstract class CheckinCollectiveTest {

  /** Sunday 1 March 2026, 12:00 in Paris. */
  static final Instant START = Instant.parse("2026-03-01T11:00:00Z");
  /** Monday 2 March 2026, 09:00 in Paris: the first round of the weekly rhythm. */
  static final Instant MONDAY_9_PARIS = Instant.parse("2026-03-02T08:00:00Z");

  @TempDir
  Path dir;
  CheckinHarness h;

  /** Who has written to the bot before the test starts, carol included. */
  abstract String[] members();

  @BeforeEach
  void openCollective() {
    h = new CheckinHarness(dir, START, "carol");
    h.members(members());
  }

  @AfterEach
  void closeCollective() {
    h.close();
  }

  /** carol sets the weekly rhythm of these tests, Mondays at 09:00 Paris time; returns her answer. */
  List<String> weeklyOnMondaysInParis() {
    return h.bot.command("carol", "checkin schedule 0 9 * * 1 Europe/Paris");
  }
}
