package org.trame.core.project;

import org.junit.jupiter.api.BeforeEach;
import org.trame.core.TestBot;

/** The ethics grid round's tests, on PostgreSQL. */
class EthicsGridOnPostgresqlTest extends EthicsGridTest {

  @Override
  @BeforeEach
  void openCollective() {
    TestBot.onPostgresql(super::openCollective);
  }
}
