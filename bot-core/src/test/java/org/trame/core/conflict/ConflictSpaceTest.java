package org.trame.core.conflict;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh collective on its own SQLite file for each test, closed after it: the given every conflict test shares. */
abstract class ConflictSpaceTest {

  @TempDir
  Path dir;
  ConflictScenario s;

  /** The members besides carol, the coordinator; alice and bob unless a test needs others. */
  String[] members() {
    return new String[] {"alice", "bob"};
  }

  @BeforeEach
  void openCollective() {
    s = new ConflictScenario(dir, members());
  }

  @AfterEach
  void closeCollective() {
    s.close();
  }
}
