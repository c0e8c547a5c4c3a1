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

/** {@code trame triage eval FILE}, run as the command line runs it, on files a collective would write. */
class TriageEvalTest {

  static final Path HELDOUT = Path.of("..", "data", "triage", "heldout.tsv");
  static final Pattern NATURE = Pattern.compile("need/value accuracy: (\\d\\.\\d\\d) \\(n=(\\d+)\\)");
  static final Pattern SHEET = Pattern.compile("sheet accuracy: (\\d\\.\\d\\d) \\(n=(\\d+)\\)");
  static final Pattern SHEET_RIGHT = Pattern.compile("cases right: need/value \\d+, sheet (\\d+) \\(of \\d+\\)");

  @TempDir
  Path dir;

  static CommandLineRun eval(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "triage";
    all[1] = "eval";
    System.arraycopy(args, 0, all, 2, args.length);
    return CommandLineRun.of(all);
  }

  Path file(String content) throws Exception {
    Path f = dir.resolve("cases.tsv");
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  @DisplayName("a collective's file gets the two accuracy lines, then confusion tables; malformed lines are reported by number on stderr and skipped")
  void evaluatesAndReportsMalformedLines() throws Exception {
    Path f = file(String.join("\n",
        "need\t4\tOn est trois à porter tout le travail du collectif, les autres ne donnent pas une heure par mois.",
        "value\t8\tWe refuse money from a company that sells weapons, it goes against our values.",
        "need 7 the deadline moved again",
        "value\t12\tsheet twelve does not exist",
        "need\t7\tI need the report by Friday and my colleague keeps moving the deadline.",
        ""));

    CommandLineRun r = eval(f.toString());

    assertEquals(0, r.code(), String.join("\n", r.err()));
    Matcher nature = NATURE.matcher(r.out().get(0));
    Matcher sheet = SHEET.matcher(r.out().get(1));
    assertTrue(nature.matches(), r.out().get(0));
    assertTrue(sheet.matches(), r.out().get(1));
    assertEquals("3", nature.group(2));
    assertEquals("3", sheet.group(2));
    assertTrue(r.out().stream().anyMatch(l -> l.contains("confusion")), String.join("\n", r.out()));
    assertTrue(r.out().stream().anyMatch(l -> l.matches("\\s+need\\|\\s+\\d+\\s+\\d+")), String.join("\n", r.out()));
    assertEquals(2, r.err().size(), String.join("\n", r.err()));
    assertTrue(r.err().get(0).startsWith("! line 3: "), r.err().get(0));
    assertTrue(r.err().get(1).startsWith("! line 4: ") && r.err().get(1).contains("1 to 9"), r.err().get(1));
  }

  @Test
  @DisplayName("the packaged classifier scores at least 0.8 on need/value for the held-out corpus, and low when the labels are swapped")
  void accuracyIsMeasuredNotAssumed() throws Exception {
    String heldout = Files.readString(HELDOUT, StandardCharsets.UTF_8);
    String swapped = heldout.lines().filter(l -> !l.startsWith("#"))
        .map(l -> l.startsWith("need") ? "value" + l.substring(4) : "need" + l.substring(5))
        .reduce("", (a, b) -> a + b + "\n");

    CommandLineRun right = eval(HELDOUT.toString());
    CommandLineRun wrong = eval(file(swapped).toString());

    assertEquals(0, right.code());
    assertEquals(0, wrong.code());
    Matcher r = NATURE.matcher(right.out().get(0));
    Matcher w = NATURE.matcher(wrong.out().get(0));
    assertTrue(r.matches() && w.matches());
    assertTrue(Double.parseDouble(r.group(1)) >= 0.8, right.out().get(0));
    assertTrue(Double.parseDouble(w.group(1)) <= 0.2, wrong.out().get(0));
    assertEquals(r.group(2), w.group(2));
  }

  @Test
  @DisplayName("on the independent held-out file the command reports the targets reached, accuracy by confidence band for nature and sheet, and the cases that would be asked first")
  void heldOutTargetsAndBands() {
    // when the packaged classifier is evaluated on the held-out file
    CommandLineRun r = eval(HELDOUT.toString());

    // then need/value is right at least 9 times in 10 and the sheet (measured 96 of 144) at least 65 times in 100
    assertEquals(0, r.code());
    Matcher nature = NATURE.matcher(r.out().get(0));
    Matcher sheet = SHEET.matcher(r.out().get(1));
    assertTrue(nature.matches() && sheet.matches(), r.out().toString());
    assertTrue(Double.parseDouble(nature.group(1)) >= 0.9, r.out().get(0));
    assertTrue(Integer.parseInt(SHEET_RIGHT.matcher(String.join("\n", r.out())).results().findFirst().orElseThrow().group(1)) >= 94,
        "0.65 of 144 cases is 93.6: at least 94 right");
    // and one line per band, 0.0-0.1 to 0.9-1.0, whose counts add up to every case once for nature and once for sheet
    int start = r.out().indexOf("accuracy by confidence band (confidence: the classifier's probability for what it proposes)");
    assertTrue(start > 0, String.join("\n", r.out()));
    List<String> bands = r.out().subList(start + 2, start + 12);
    assertTrue(bands.get(0).startsWith("  0.0-0.1 ") && bands.get(9).startsWith("  0.9-1.0 "), bands.toString());
    int counted = 0;
    Matcher n = Pattern.compile("\\(n=(\\d+), mean confidence (\\d\\.\\d\\d)\\)").matcher(String.join("\n", bands));
    while (n.find()) {
      counted += Integer.parseInt(n.group(1));
    }
    assertEquals(2 * Integer.parseInt(nature.group(2)), counted, String.join("\n", bands));
    assertTrue(r.out().stream().anyMatch(l -> l.matches("clarifying question first \\(need/value margin below 0\\.10\\): \\d+ of 144 cases; .*")),
        String.join("\n", r.out()));
  }

  @Test
  @DisplayName("a missing file, a folder, or a file with no valid line gets a clear error and a non-zero exit code")
  void unreadable() throws Exception {
    CommandLineRun missing = eval(dir.resolve("nope.tsv").toString());
    CommandLineRun folder = eval(dir.toString());
    CommandLineRun nothing = eval(file("just some words\n\n").toString());
    CommandLineRun notUtf8 = eval(Files.write(dir.resolve("latin1.tsv"), "need\t1\tcaf\u00e9 r\u00e9union".getBytes(StandardCharsets.ISO_8859_1)).toString());

    assertNotEquals(0, missing.code());
    assertEquals(List.of("trame: cannot read " + dir.resolve("nope.tsv") + ": no such file"), missing.err());
    assertTrue(missing.out().isEmpty());
    assertNotEquals(0, folder.code());
    assertTrue(folder.err().get(0).contains("is a folder"), folder.err().toString());
    assertNotEquals(0, nothing.code());
    assertEquals("! line 1: expected 3 tab-separated fields (need|value, sheet 1-9, text), found 1", nothing.err().get(0));
    assertTrue(nothing.err().get(1).startsWith("trame: no valid labelled case in "), nothing.err().toString());
    assertNotEquals(0, notUtf8.code());
    assertTrue(notUtf8.err().get(0).contains("not UTF-8"), notUtf8.err().toString());
  }
}
