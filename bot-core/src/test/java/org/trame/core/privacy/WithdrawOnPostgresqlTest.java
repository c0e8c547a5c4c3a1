package org.trame.core.privacy;

import org.junit.jupiter.api.BeforeEach;
import org.trame.core.TestBot;

/** WithdrawTest's scenarios, on PostgreSQL. */
class WithdrawOnPostgresqlTest extends WithdrawTest {

  @Override
  @BeforeEach
  void start() {
    TestBot.onPostgresql(() -> {
      try {
        super.start();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
