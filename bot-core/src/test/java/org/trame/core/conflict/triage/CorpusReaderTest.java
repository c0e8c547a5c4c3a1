package org.trame.core.conflict.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CorpusReaderTest {

  @Test
  @DisplayName("malformed lines are reported with their line number and skipped; the good lines around them are kept")
  void malformedLinesAreSkipped() throws Exception {
    String file = String.join("\n",
        "# a comment",
        "need\t4\tJe fais tout le travail seule",
        "value 8 no tabs here",
        "besoin\t4\tmauvaise nature",
        "value\t0\tsheet out of range",
        "value\tseven\tsheet not a number",
        "need\t7\t   ",
        "",
        "VALUE\t 8 \tWe refuse a sponsor that sells weapons");

    CorpusReader.Result r = CorpusReader.read(new BufferedReader(new StringReader(file)));

    assertEquals(List.of(new LabelledCase(Nature.NEED, 4, "Je fais tout le travail seule"),
        new LabelledCase(Nature.VALUE, 8, "We refuse a sponsor that sells weapons")), r.cases());
    assertEquals(List.of(3, 4, 5, 6, 7), r.problems().stream().map(CorpusReader.Problem::line).toList());
    assertTrue(r.problems().get(0).reason().contains("3 tab-separated fields"), r.problems().get(0).toString());
    assertTrue(r.problems().get(1).reason().contains("need or value"));
    assertTrue(r.problems().get(2).reason().contains("1 to 9"));
    assertTrue(r.problems().get(3).reason().contains("\"seven\""));
    assertTrue(r.problems().get(4).reason().contains("empty"));
    assertEquals("line 3: " + r.problems().get(0).reason(), r.problems().get(0).toString());
  }

  @Test
  @DisplayName("a text may itself contain tabs, and a file saved with a byte-order mark still reads its first line")
  void tabsInTextAndByteOrderMark() throws Exception {
    CorpusReader.Result r = CorpusReader.read(new BufferedReader(new StringReader("\uFEFFneed\t1\tpart one\tpart two\n")));

    assertEquals(List.of(new LabelledCase(Nature.NEED, 1, "part one\tpart two")), r.cases());
    assertEquals(List.of(), r.problems());
  }
}
