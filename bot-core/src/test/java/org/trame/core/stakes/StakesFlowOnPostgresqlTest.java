package org.trame.core.stakes;

import org.junit.jupiter.api.BeforeEach;
import org.trame.core.TestBot;

/** The stakes questionnaire's tests, on PostgreSQL. */
class StakesFlowOnPostgresqlTest extends StakesFlowTest {

  @Override
  @BeforeEach
  void start() {
    TestBot.onPostgresql(super::start);
  }
}
