package org.trame.core.conflict;

import org.junit.jupiter.api.BeforeEach;
import org.trame.core.TestBot;

/** ConflictValueCaseTest's scenarios, on PostgreSQL. */
class ConflictValueCaseOnPostgresqlTest extends ConflictValueCaseTest {

  @Override
  @BeforeEach
  void openCollective() {
    TestBot.onPostgresql(super::openCollective);
  }
}
