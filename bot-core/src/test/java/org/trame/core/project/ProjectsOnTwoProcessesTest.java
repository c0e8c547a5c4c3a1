package org.trame.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.TestBot;
import org.trame.core.port.Audience;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.OutboundMessage;
import org.trame.core.storage.LocalPostgres;

/** Two bot processes on one PostgreSQL: the last answers of a grid round arriving at once close it exactly once. */
class ProjectsOnTwoProcessesTest {

  @TempDir
  Path dir;
  TestBot a;
  TestBot b;

  @AfterEach
  void stop() {
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
  }

  private static InboundEvent text(String member, String text) {
    return InboundEvent.text(UUID.randomUUID().toString(), TestBot.PLATFORM, TestBot.COLLECTIVE, member, text);
  }

  @RepeatedTest(3)
  @DisplayName("the last answers of a grid round, handled at once by two processes, give one verdict, never none nor two")
  void closedOnce() throws Exception {
    String url = LocalPostgres.require().newDatabase();
    a = TestBot.onPostgresql(dir, url, Clock.systemUTC(), "carol");
    b = TestBot.onPostgresql(dir, url, Clock.systemUTC(), "carol");
    List<String> members = List.of("alice", "bob", "dan", "erin");
    for (String m : members) {
      a.command(m, "lang en");
    }
    a.command("carol", "lang en");
    a.command("carol", "project create Food bank");
    for (String m : members) {
      a.command(m, "project join Food bank");
    }
    a.command("carol", "ethics Food bank");
    for (String m : members) {
      for (String answer : List.of("1", "1", "1")) {
        a.handle(text(m, answer));
      }
    }
    // when every member's last answer reaches one process or the other, all at the same time
    List<CompletableFuture<?>> last = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      TestBot process = i % 2 == 0 ? a : b;
      last.add(process.trame().handle(text(members.get(i), "skip")));
    }
    CompletableFuture.allOf(last.toArray(CompletableFuture[]::new)).join();
    assertTrue(a.trame().awaitSent(Duration.ofSeconds(20)) && b.trame().awaitSent(Duration.ofSeconds(20)));

    // then the round is closed, once, with every answer counted
    assertEquals(List.of("0"), a.rows("SELECT blocked FROM ethics_grid WHERE closed_at IS NOT NULL"));
    assertEquals(List.of("1|4", "2|4", "3|4"), a.rows("SELECT position, ok FROM ethics_grid_criterion ORDER BY position"));
    List<OutboundMessage> verdicts = new ArrayList<>();
    for (TestBot process : List.of(a, b)) {
      process.sent.stream().filter(m -> m.audience().equals(Audience.channel(TestBot.COLLECTIVE)) && m.text().contains("the verdict"))
          .forEach(verdicts::add);
    }
    assertEquals(1, verdicts.size(), verdicts.toString());
    assertTrue(verdicts.get(0).text().contains("4 of 4 answered."), verdicts.get(0).text());
  }
}
