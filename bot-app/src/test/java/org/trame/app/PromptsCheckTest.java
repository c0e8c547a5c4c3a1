package org.trame.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code trame prompts-check DIR} on a copy of prompts/ a collective edited, run as the command line runs it. */
class PromptsCheckTest {

  static final Path PROMPTS = Path.of("..", "prompts");

  @TempDir
  Path dir;

  record Run(int code, String out, String err) {}

  Run check(Path folder) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new CommandLine(new Main(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8))).execute("prompts-check", folder.toString());
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  void copyPrompts() throws Exception {
    try (Stream<Path> files = Files.walk(PROMPTS)) {
      for (Path f : files.toList()) {
        Path to = dir.resolve(PROMPTS.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
  }

  @Test
  @DisplayName("prompts-check accepts an unedited copy of prompts/")
  void shippedCopyPasses() throws Exception {
    copyPrompts();
    Run run = check(dir);
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("23 flow(s) OK"), run.out());
  }

  @Test
  @DisplayName("prompts-check refuses a copy whose step 'wish' was renamed, naming the file and the step, and exits non-zero")
  void renamedStepFails() throws Exception {
    copyPrompts();
    Path prep = dir.resolve("conflict_prep.yaml");
    Files.writeString(prep, Files.readString(prep, StandardCharsets.UTF_8).replace("id: wish", "id: souhait"), StandardCharsets.UTF_8);
    Run run = check(dir);
    assertEquals(Main.STARTUP_FAILED, run.code(), run.out());
    assertTrue(run.err().contains("conflict_prep.yaml: step 'wish' is missing (read by the conflict feature as a yes/no question"),
        run.err());
    assertTrue(!run.out().contains("OK"), run.out());
  }

  @Test
  @DisplayName("prompts-check refuses a copy where an option the code reads was removed")
  void removedOptionFails() throws Exception {
    copyPrompts();
    Path review = dir.resolve("conflict_review.yaml");
    Files.writeString(review, Files.readString(review, StandardCharsets.UTF_8).replace("value: reopen", "value: rouvrir"),
        StandardCharsets.UTF_8);
    Run run = check(dir);
    assertEquals(Main.STARTUP_FAILED, run.code());
    assertTrue(run.err().contains("conflict_review.yaml: step 'how': option value 'reopen' is missing (the conflict feature reads it)"),
        run.err());
  }
}
