package org.trame.core.diagnostic;

import org.junit.jupiter.api.BeforeEach;
import org.trame.core.TestBot;

/** The diagnostic's tests, on PostgreSQL. */
class DiagnosticOnPostgresqlTest extends DiagnosticTest {

  @Override
  @BeforeEach
  void openCollective() {
    TestBot.onPostgresql(super::openCollective);
  }
}
