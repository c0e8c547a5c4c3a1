package org.trame.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar trame.jar triage eval FILE}, as the README tells a collective to run it. */
class TriageEvalIT {

  @TempDir
  Path dir;

  @Test
  @DisplayName("the jar trains from its packaged corpus and evaluates a collective's file, reporting the malformed line by number")
  void evalThroughTheJar() throws Exception {
    Path cases = dir.resolve("ours.tsv");
    Files.write(cases, List.of(
        "need\t4\tNous sommes les seuls à financer l'animation du collectif depuis janvier, les autres ne donnent rien.",
        "value\t8\tI won't partner with a tobacco company, it goes against our values and our ethics.",
        "need\t7",
        "value\t3\tPour eux la réussite se mesure en chiffres, pour nous en parcours de vie : on n'a pas la même vision."),
        StandardCharsets.UTF_8);

    JarProcess jar = new JarProcess(Map.of(), "triage", "eval", cases.toString());

    assertEquals(0, jar.finish(), String.join("\n", jar.err));
    assertTrue(jar.out.get(0).matches("need/value accuracy: \\d\\.\\d\\d \\(n=3\\)"), String.join("\n", jar.out));
    assertTrue(jar.out.get(1).matches("sheet accuracy: \\d\\.\\d\\d \\(n=3\\)"), String.join("\n", jar.out));
    assertTrue(jar.out.stream().anyMatch(l -> l.startsWith("sheet confusion")), String.join("\n", jar.out));
    assertEquals(List.of("! line 3: expected 3 tab-separated fields (need|value, sheet 1-9, text), found 2"), jar.err);
  }

  @Test
  @DisplayName("a missing file gets a clear error from the jar and a non-zero exit code")
  void missingFile() throws Exception {
    JarProcess jar = new JarProcess(Map.of(), "triage", "eval", dir.resolve("missing.tsv").toString());

    assertNotEquals(0, jar.finish());
    assertEquals(List.of("trame: cannot read " + dir.resolve("missing.tsv") + ": no such file"), jar.err);
    assertTrue(jar.out.isEmpty(), jar.out.toString());
  }
}
