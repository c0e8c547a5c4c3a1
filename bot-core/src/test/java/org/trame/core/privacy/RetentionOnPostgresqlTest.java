package org.trame.core.privacy;

import org.junit.jupiter.api.BeforeEach;
import org.trame.core.TestBot;

/** RetentionTest's scenarios, on PostgreSQL. */
class RetentionOnPostgresqlTest extends RetentionTest {

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
