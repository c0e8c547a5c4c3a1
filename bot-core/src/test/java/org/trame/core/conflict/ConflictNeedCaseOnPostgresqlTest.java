package org.trame.core.conflict;

import org.junit.jupiter.api.BeforeEach;
import org.trame.core.TestBot;

/** ConflictNeedCaseTest's scenarios, on PostgreSQL. */
class ConflictNeedCaseOnPostgresqlTest extends ConflictNeedCaseTest {

  @Override
  @BeforeEach
  void openCollective() {
    TestBot.onPostgresql(super::openCollective);
  }
}
