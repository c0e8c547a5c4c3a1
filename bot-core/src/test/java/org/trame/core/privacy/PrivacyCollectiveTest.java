package org.trame.core.privacy;

import static org.trame.core.privacy.PrivacyScenario.ALICE;
import static org.trame.core.privacy.PrivacyScenario.BOB;
import static org.trame.core.privacy.PrivacyScenario.CAROL;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.MutableClock;
import org.trame.core.TestBot;

/**
 * The given the privacy tests share: a collective on its own SQLite file, on Monday 2 March 2026 at
 * 09:00 UTC, coordinated by carol, whose members speak English; closed after each test. A test's
 * own given goes in {@link #given()}, so that it runs on PostgreSQL too when the opening does.
 */
abstract class PrivacyCollectiveTest {

  @TempDir
  Path dir;
  MutableClock clock;
  TestBot bot;

  /** Who has chosen English before the test starts, carol included. */
  String[] members() {
    return new String[] {ALICE, BOB, CAROL};
  }

  /** What the collective has been through before the test, once its members are known. */
  void given() {}

  @BeforeEach
  void openCollective() {
    clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    bot = new TestBot(dir.resolve("trame.db"), clock, CAROL);
    for (String m : members()) {
      bot.command(m, "lang en");
    }
    given();
  }

  @AfterEach
  void closeCollective() {
    bot.close();
  }
}
