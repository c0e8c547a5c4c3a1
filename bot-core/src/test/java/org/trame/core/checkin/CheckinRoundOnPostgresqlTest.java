package org.trame.core.checkin;

import org.junit.jupiter.api.BeforeEach;
import org.trame.core.TestBot;

/** The check-in rounds' tests (schedules, reminders, reports), on PostgreSQL. */
class CheckinRoundOnPostgresqlTest extends CheckinRoundTest {

  @Override
  @BeforeEach
  void openCollective() {
    TestBot.onPostgresql(super::openCollective);
  }
}
