package org.trame.core.conflict.triage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads labelled cases, one a line: {@code need|value<TAB>sheet 1-9<TAB>text}. Blank lines and
 * lines starting with {@code #} are ignored; a malformed line is reported with its number and
 * skipped, so one typo never loses a collective's whole file.
 */
public final class CorpusReader {

  /** A line that could not be read, numbered from 1. */
  public record Problem(int line, String reason) {
    @Override
    public String toString() {
      return "line " + line + ": " + reason;
    }
  }

  /** The cases read and the lines skipped. */
  public record Result(List<LabelledCase> cases, List<Problem> problems) {
    public Result {
      cases = List.copyOf(cases);
      problems = List.copyOf(problems);
    }
  }

  private CorpusReader() {}

  public static Result read(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in);
    }
  }

  /** The corpus packaged with bot-core, e.g. {@code triage/train.tsv}. */
  public static Result resource(String name) {
    try (BufferedReader in = packaged(name)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A corpus file packaged with bot-core, opened as UTF-8 text: the triage's and the coach's. */
  static BufferedReader packaged(String name) {
    InputStream stream = CorpusReader.class.getClassLoader().getResourceAsStream(name);
    if (stream == null) {
      throw new IllegalStateException("the packaged corpus " + name + " is missing");
    }
    return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
  }

  public static Result read(BufferedReader in) throws IOException {
    List<LabelledCase> cases = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    int number = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      number++;
      if (number == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String problem = parse(line, cases);
      if (problem != null) {
        problems.add(new Problem(number, problem));
      }
    }
    return new Result(cases, problems);
  }

  /** Adds the case read from {@code line}, or says what is wrong with it. */
  private static String parse(String line, List<LabelledCase> cases) {
    String[] fields = line.split("\t", 3);
    if (fields.length < 3) {
      return "expected 3 tab-separated fields (need|value, sheet 1-9, text), found " + fields.length;
    }
    Nature nature;
    switch (fields[0].strip().toLowerCase(Locale.ROOT)) {
      case "need" -> nature = Nature.NEED;
      case "value" -> nature = Nature.VALUE;
      default -> {
        return "the first field must be need or value, not \"" + shorten(fields[0].strip()) + "\"";
      }
    }
    int sheet;
    try {
      sheet = Integer.parseInt(fields[1].strip());
    } catch (NumberFormatException e) {
      return "the second field must be a sheet number from 1 to 9, not \"" + shorten(fields[1].strip()) + "\"";
    }
    if (sheet < 1 || sheet > 9) {
      return "the sheet number must be from 1 to 9, not " + sheet;
    }
    String text = fields[2].strip();
    if (text.isEmpty()) {
      return "the text is empty";
    }
    cases.add(new LabelledCase(nature, sheet, text));
    return null;
  }

  private static String shorten(String s) {
    return s.length() > 30 ? s.substring(0, 30) + "…" : s;
  }
}
