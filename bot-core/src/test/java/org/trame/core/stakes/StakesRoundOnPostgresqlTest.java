package org.trame.core.stakes;

import org.junit.jupiter.api.BeforeEach;
import org.trame.core.TestBot;

/** The stakes rounds' tests (reminders, deadlines, restarts), on PostgreSQL. */
class StakesRoundOnPostgresqlTest extends StakesRoundTest {

  @Override
  @BeforeEach
  void start() {
    TestBot.onPostgresql(super::start);
  }
}
