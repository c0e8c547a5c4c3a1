package org.trame.core.privacy;

import org.junit.jupiter.api.BeforeEach;
import org.trame.core.TestBot;

/** WithdrawTest's scenarios, on PostgreSQL. */
class WithdrawOnPostgresqlTest extends WithdrawTest {

  @Override
  @BeforeEach
  void openCollective() {
    TestBot.onPostgresql(super::openCollective);
  }
}
