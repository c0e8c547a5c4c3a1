package org.trame.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.storage.LocalPostgres;

/**
 * Two trame.jar processes, as an operator runs them, on one PostgreSQL. Piped transcripts give
 * each line an id from the transcript's content, so the same transcript fed to both is every
 * event delivered twice, to two processes at once.
 */
class TwoProcessesIT {

  @TempDir
  Path dir;

  static final List<String> MEMBERS = List.of("alice", "bob", "carol", "dan");

  /** The demo questionnaire answered by four members, their lines interleaved. */
  static List<String> transcript() throws Exception {
    List<String> demo = Files.readAllLines(TranscriptIT.DEMO).stream()
        .filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.substring("alice:".length())).toList();
    List<String> lines = new ArrayList<>();
    for (String line : demo) {
      for (String member : MEMBERS) {
        lines.add(member + ":" + line);
      }
    }
    return lines;
  }

  static byte[] bytes(List<String> lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  static Map<String, String> env(String url) {
    // One pseudonym key for both processes, as an operator sets it for every process of a deployment.
    return Map.of("TRAME_DB", url, "TRAME_OUTBOX_LEASE_SECONDS", "5",
        "TRAME_PSEUDONYM_KEY", "integration-test pseudonym key, the same for both");
  }

  static List<String> rows(String url, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  static Map<String, Long> counts(List<String> lines) {
    return lines.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  /** What one process alone on SQLite says for the same transcript: the reference. */
  List<String> alone(List<String> lines) throws Exception {
    JarProcess one = new JarProcess(Map.of("TRAME_DB", dir.resolve("alone.db").toString()));
    one.write(bytes(lines));
    assertEquals(0, one.finish(), String.join("\n", one.err));
    return new ArrayList<>(one.out);
  }

  void assertEveryQuestionnaireOnce(String url) throws Exception {
    assertEquals(List.of(String.valueOf(MEMBERS.size() * 9)), rows(url, "SELECT COUNT(*) FROM stakes_answer"));
    assertEquals(List.of(), rows(url, "SELECT member_id FROM stakes_answer GROUP BY member_id, question HAVING COUNT(*) > 1"));
    assertEquals(List.of(MEMBERS.size() + "|done"), rows(url, "SELECT COUNT(*) || '|' || MAX(status) FROM conversation"));
    assertEquals(List.of("0"), rows(url, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL"));
  }

  @Test
  @DisplayName("two jar processes fed the same transcript at once: each line handled once, each reply printed once, in all")
  void sameStreamToBoth() throws Exception {
    // given one PostgreSQL, and what a single process prints for the transcript
    String url = LocalPostgres.require().newDatabase();
    List<String> lines = transcript();
    List<String> reference = alone(lines);
    // when two processes on it are fed the whole transcript at the same time
    JarProcess a = new JarProcess(env(url));
    JarProcess b = new JarProcess(env(url));
    a.write(bytes(lines));
    b.write(bytes(lines));
    assertEquals(0, a.finish(), String.join("\n", a.err));
    assertEquals(0, b.finish(), String.join("\n", b.err));
    // then between them they printed exactly what one process prints: no reply lost, none doubled
    List<String> both = new ArrayList<>(a.out);
    both.addAll(b.out);
    assertEquals(counts(reference), counts(both));
    // and the database holds each questionnaire once, finished
    assertEveryQuestionnaireOnce(url);
    assertEquals(List.of(String.valueOf(lines.size())), rows(url, "SELECT COUNT(*) FROM inbound_event"));
  }

  @Test
  @DisplayName("one jar process killed mid-stream: the other carries on, sends what the dead one left unsent, and every questionnaire ends once")
  void oneKilledMidStream() throws Exception {
    // given two processes on one PostgreSQL, the first fed the first half of the transcript
    String url = LocalPostgres.require().newDatabase();
    List<String> lines = transcript();
    List<String> reference = alone(lines);
    int half = lines.size() / 2;
    JarProcess a = new JarProcess(env(url));
    JarProcess b = new JarProcess(env(url));
    a.write(bytes(lines.subList(0, half)));
    a.awaitOutput("→ dan:", 3);
    // when it is killed with SIGKILL mid-stream, and the whole stream is delivered again to the
    // other (a load balancer's retries: what the dead one handled comes again)
    a.kill();
    b.write(bytes(lines));
    // then the survivor handles the rest and, once the dead one's lease runs out, sends what it left
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline
        && (rows(url, "SELECT COUNT(*) FROM conversation WHERE status = 'done'").equals(List.of(String.valueOf(MEMBERS.size()))) == false
            || !rows(url, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL").equals(List.of("0")))) {
      Thread.sleep(200);
    }
    assertEquals(0, b.finish(), String.join("\n", b.err));
    assertEveryQuestionnaireOnce(url);
    // and every reply one process prints was printed, by one or the other (a reply the dead one
    // printed but had not yet marked may come twice: delivery is at least once)
    List<String> both = new ArrayList<>(a.out);
    both.addAll(b.out);
    Map<String, Long> printed = counts(both);
    Map<String, Long> missing = new HashMap<>();
    counts(reference).forEach((line, n) -> {
      if (printed.getOrDefault(line, 0L) < n) {
        missing.put(line, n - printed.getOrDefault(line, 0L));
      }
    });
    assertTrue(missing.isEmpty(), "replies never printed: " + missing);
  }
}
