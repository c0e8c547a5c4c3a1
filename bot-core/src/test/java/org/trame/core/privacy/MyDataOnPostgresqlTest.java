package org.trame.core.privacy;

import org.junit.jupiter.api.BeforeEach;
import org.trame.core.TestBot;

/** MyDataTest's scenarios, on PostgreSQL. */
class MyDataOnPostgresqlTest extends MyDataTest {

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
