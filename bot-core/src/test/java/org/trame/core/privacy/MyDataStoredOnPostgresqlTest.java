package org.trame.core.privacy;

import org.junit.jupiter.api.BeforeEach;
import org.trame.core.TestBot;

/** MyDataStoredTest's scenarios, on PostgreSQL. */
class MyDataStoredOnPostgresqlTest extends MyDataStoredTest {

  @Override
  @BeforeEach
  void openCollective() {
    TestBot.onPostgresql(super::openCollective);
  }
}
