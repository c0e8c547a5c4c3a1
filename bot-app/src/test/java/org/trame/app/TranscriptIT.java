package org.trame.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar, fed a transcript on standard input, as the README tells users to run it. */
class TranscriptIT {

  @TempDir
  Path dir;

  static final Path DEMO = Path.of("..", "data", "transcripts", "stakes-demo.txt");

  Map<String, String> env() {
    return Map.of("TRAME_DB", dir.resolve("trame.db").toString());
  }

  static List<String> rows(Path db, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  @Test
  @DisplayName("the demo transcript piped into the jar completes the stakes questionnaire and saves it")
  void demoTranscript() throws Exception {
    JarProcess bot = new JarProcess(env());
    bot.write(Files.readAllBytes(DEMO));
    assertEquals(0, bot.finish(), String.join("\n", bot.err));
    assertTrue(bot.out.stream().allMatch(l -> l.startsWith("→ alice: ")), "every line is addressed: " + bot.out);
    assertTrue(bot.out.get(bot.out.size() - 1).startsWith("→ alice: Saved."), String.join("\n", bot.out));
    assertEquals(List.of("9"), rows(dir.resolve("trame.db"), "SELECT COUNT(*) FROM stakes_answer WHERE member_id = 'alice'"));
  }

  @Test
  @DisplayName("bad input is answered clearly and loses nothing: huge, empty, unknown, out of range, malformed, invalid UTF-8, SQL")
  void badInput() throws Exception {
    String injection = "x'); DROP TABLE conversation; --";
    ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    transcript.writeBytes(("""
        alice: /trame lang en
        alice: /trame stakes
        alice: %s
        alice: I came to share tools with the other associations.
        alice: 1
        just a line without a member

        alice: /trame frobnicate
        """.formatted("y".repeat(100_000))).getBytes(StandardCharsets.UTF_8));
    transcript.writeBytes(new byte[] {'a', 'l', 'i', 'c', 'e', ':', ' ', 'A', ' ', 'n', 'e', 't', 'w', 'o', 'r', 'k', ' ', (byte) 0xFF, (byte) 0xC3, ' ', 'o', 'f', ' ', 'p', 'e', 'e', 'r', 's', '\n'});
    transcript.writeBytes(("""
        alice: 1
        alice: %s
        alice: 1
        alice: skip
        alice: 4
        alice: 1
        alice: 1
        alice: skip
        alice: 7
        alice: 5
        alice: 1
        alice: yes
        """.formatted(injection)).getBytes(StandardCharsets.UTF_8));
    JarProcess bot = new JarProcess(env());
    bot.write(transcript.toByteArray());
    assertEquals(0, bot.finish(), String.join("\n", bot.err));
    String out = String.join("\n", bot.out);
    String err = String.join("\n", bot.err);
    assertTrue(out.contains("→ alice: Your answer is 100000 characters long; the limit is 2000."), out);
    assertTrue(err.contains("! line 6: expected \"member: text\""), err);
    assertTrue(err.contains("! line 7: empty line ignored"), err);
    assertTrue(out.contains("→ alice: I don't know the command \"frobnicate\"."), out);
    assertTrue(out.contains("→ alice: 7 is not on the scale: answer with a number from 1 to 5."), out);
    assertTrue(out.contains("→ alice:     " + injection), "the injection string is shown back verbatim:\n" + out);
    assertTrue(out.endsWith("What you kept private will be shown to no one."), out);
    Path db = dir.resolve("trame.db");
    assertEquals(List.of("I came to share tools with the other associations."), rows(db, "SELECT answer FROM stakes_answer WHERE question = 'why'"));
    assertEquals(List.of("A network \uFFFD\uFFFD of peers"), rows(db, "SELECT answer FROM stakes_answer WHERE question = 'brings'"));
    assertEquals(List.of(injection), rows(db, "SELECT answer FROM stakes_answer WHERE question = 'fear'"));
    assertEquals(List.of("5"), rows(db, "SELECT answer FROM stakes_answer WHERE question = 'purpose'"));
  }

  @Test
  @DisplayName("a broken flow file stops the bot at start with one line naming the file and the step")
  void brokenPrompts() throws Exception {
    Path prompts = Files.createDirectories(dir.resolve("prompts"));
    Files.copy(Path.of("..", "prompts", "common.yaml"), prompts.resolve("common.yaml"));
    Path messages = Files.createDirectories(prompts.resolve("messages"));
    try (var files = Files.list(Path.of("..", "prompts", "messages"))) {
      for (Path f : files.toList()) {
        Files.copy(f, messages.resolve(f.getFileName()));
      }
    }
    Files.writeString(prompts.resolve("stakes.yaml"), Files.readString(Path.of("..", "prompts", "stakes.yaml"))
        .replace("      en: \"Which skills?\"\n", ""));
    JarProcess bot = new JarProcess(Map.of("TRAME_DB", dir.resolve("trame.db").toString(), "TRAME_PROMPTS", prompts.toString()));
    assertEquals(2, bot.finish());
    assertEquals(List.of("trame: " + prompts + "/stakes.yaml: step 'skills_detail': text has no 'en' translation"), bot.err);
  }
}
