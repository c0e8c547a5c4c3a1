package org.trame.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trame coach eval FILE}, run as the command line runs it, on files a collective would write. */
class CoachEvalTest {

  static final Path HELDOUT = Path.of("..", "data", "coach", "heldout.tsv");
  static final Pattern RECALL = Pattern.compile("flag recall: (\\d\\.\\d\\d) \\(n=(\\d+)\\)");
  static final Pattern ALARMS = Pattern.compile("false alarms: (\\d\\.\\d\\d) \\(n=(\\d+)\\)");

  @TempDir
  Path dir;

  static CommandLineRun eval(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "coach";
    all[1] = "eval";
    System.arraycopy(args, 0, all, 2, args.length);
    return CommandLineRun.of(all);
  }

  Path file(String content) throws Exception {
    Path f = dir.resolve("statements.tsv");
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  @DisplayName("a collective's file gets the recall and false-alarm lines, then the confusion table; malformed lines are reported by number on stderr and skipped")
  void evaluatesAndReportsMalformedLines() throws Exception {
    // given five statements, two of them malformed
    Path f = file(String.join("\n",
        "blame\tBob est toujours égoïste avec le camion, il se fiche complètement de nos livraisons.",
        "solution\tBob doit me rendre le camion chaque lundi.",
        "blame Bob never listens",
        "verdict\tThis label does not exist.",
        "need\tI need to know one day ahead when the van is free, because our deliveries are planned weekly.",
        ""));

    // when it is evaluated
    CommandLineRun r = eval(f.toString());

    // then the figures count the three valid lines, and the two others are reported by number
    assertEquals(0, r.code(), String.join("\n", r.err()));
    assertEquals("flag recall: 1.00 (n=2)", r.out().get(0));
    assertEquals("false alarms: 0.00 (n=1)", r.out().get(1));
    assertTrue(r.out().stream().anyMatch(l -> l.contains("confusion")), String.join("\n", r.out()));
    assertTrue(r.out().stream().anyMatch(l -> l.matches("\\s+blame\\|\\s+1\\s+0\\s+0")), String.join("\n", r.out()));
    assertTrue(r.out().stream().anyMatch(l -> l.matches("\\s+solution\\|\\s+0\\s+1\\s+0")), String.join("\n", r.out()));
    assertTrue(r.out().stream().anyMatch(l -> l.matches("\\s+need\\|\\s+0\\s+0\\s+1")), String.join("\n", r.out()));
    assertEquals(2, r.err().size(), String.join("\n", r.err()));
    assertEquals("! line 3: expected 2 tab-separated fields (blame|solution|need, text), found 1", r.err().get(0));
    assertTrue(r.err().get(1).startsWith("! line 4: ") && r.err().get(1).contains("blame, solution or need"), r.err().get(1));
  }

  @Test
  @DisplayName("on the held-out corpus the coach flags at least 85% of blames and solutions and at most 15% of needs")
  void heldOutTargets() {
    // given the held-out corpus, never trained on; when it is evaluated
    CommandLineRun r = eval(HELDOUT.toString());

    // then the targets of issue 21 are met
    assertEquals(0, r.code(), String.join("\n", r.err()));
    assertTrue(r.err().isEmpty(), String.join("\n", r.err()));
    Matcher recall = RECALL.matcher(r.out().get(0));
    Matcher alarms = ALARMS.matcher(r.out().get(1));
    assertTrue(recall.matches() && alarms.matches(), String.join("\n", r.out()));
    assertTrue(Integer.parseInt(recall.group(2)) >= 100 && Integer.parseInt(alarms.group(2)) >= 50, String.join("\n", r.out()));
    assertTrue(Double.parseDouble(recall.group(1)) >= 0.85, r.out().get(0));
    assertTrue(Double.parseDouble(alarms.group(1)) <= 0.15, r.out().get(1));
  }

  @Test
  @DisplayName("a missing file, a folder, a file with no valid line or one that is not UTF-8 gets a clear error and a non-zero exit code")
  void unreadable() throws Exception {
    CommandLineRun missing = eval(dir.resolve("nope.tsv").toString());
    CommandLineRun folder = eval(dir.toString());
    CommandLineRun nothing = eval(file("just some words\n\n").toString());
    CommandLineRun notUtf8 = eval(Files.write(dir.resolve("latin1.tsv"), "need\tcaf\u00e9 r\u00e9union".getBytes(StandardCharsets.ISO_8859_1)).toString());

    assertNotEquals(0, missing.code());
    assertEquals(List.of("trame: cannot read " + dir.resolve("nope.tsv") + ": no such file"), missing.err());
    assertTrue(missing.out().isEmpty());
    assertNotEquals(0, folder.code());
    assertTrue(folder.err().get(0).contains("is a folder"), folder.err().toString());
    assertNotEquals(0, nothing.code());
    assertEquals("! line 1: expected 2 tab-separated fields (blame|solution|need, text), found 1", nothing.err().get(0));
    assertTrue(nothing.err().get(1).startsWith("trame: no valid labelled statement in "), nothing.err().toString());
    assertNotEquals(0, notUtf8.code());
    assertTrue(notUtf8.err().get(0).contains("not UTF-8"), notUtf8.err().toString());
  }
}
