package org.trame.core.project;

import org.junit.jupiter.api.BeforeEach;
import org.trame.core.TestBot;

/** The right of withdrawal from a project, on PostgreSQL. */
class ProjectWithdrawOnPostgresqlTest extends ProjectWithdrawTest {

  @Override
  @BeforeEach
  void openCollective() {
    TestBot.onPostgresql(super::openCollective);
  }
}
