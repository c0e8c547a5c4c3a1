package org.trame.core.map;

import org.junit.jupiter.api.BeforeEach;
import org.trame.core.TestBot;

/** The partner map's tests, on PostgreSQL. */
class MapRoundOnPostgresqlTest extends MapRoundTest {

  @Override
  @BeforeEach
  void openCollective() {
    TestBot.onPostgresql(super::openCollective);
  }
}
