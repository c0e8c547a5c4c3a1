package org.trame.core.conflict.triage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the I-message coach's labelled statements, one a line: {@code blame|solution|need<TAB>text}.
 * Blank lines and lines starting with {@code #} are ignored; a malformed line is reported with its
 * number and skipped, as {@link CorpusReader} does for the triage corpus.
 */
public final class CoachCorpus {

  /** What a statement does: judges a person, asks for one solution, or says a need. */
  public enum Label {
    BLAME, SOLUTION, NEED;

    /** The kind the coach should find, or empty for a need. */
    public Optional<IMessageCoach.Kind> kind() {
      return switch (this) {
        case BLAME -> Optional.of(IMessageCoach.Kind.BLAME);
        case SOLUTION -> Optional.of(IMessageCoach.Kind.SOLUTION);
        case NEED -> Optional.empty();
      };
    }

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A statement with the label a person gave it. */
  public record Case(Label label, String text) {
    public Case {
      if (label == null || text == null) {
        throw new IllegalArgumentException("a labelled statement needs a label and a text");
      }
    }
  }

  /** The cases read and the lines skipped. */
  public record Result(List<Case> cases, List<CorpusReader.Problem> problems) {
    public Result {
      cases = List.copyOf(cases);
      problems = List.copyOf(problems);
    }
  }

  static final String PACKAGED_TRAIN = "coach/train.tsv";

  private CoachCorpus() {}

  public static Result read(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in);
    }
  }

  /** A corpus packaged with bot-core, e.g. {@code coach/train.tsv}. */
  public static Result resource(String name) {
    try (BufferedReader in = CorpusReader.packaged(name)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Result read(BufferedReader in) throws IOException {
    List<Case> cases = new ArrayList<>();
    List<CorpusReader.Problem> problems = new ArrayList<>();
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
        problems.add(new CorpusReader.Problem(number, problem));
      }
    }
    return new Result(cases, problems);
  }

  private static String parse(String line, List<Case> cases) {
    String[] fields = line.split("\t", 2);
    if (fields.length < 2) {
      return "expected 2 tab-separated fields (blame|solution|need, text), found 1";
    }
    Label label;
    switch (fields[0].strip().toLowerCase(Locale.ROOT)) {
      case "blame" -> label = Label.BLAME;
      case "solution" -> label = Label.SOLUTION;
      case "need" -> label = Label.NEED;
      default -> {
        String l = fields[0].strip();
        return "the first field must be blame, solution or need, not \"" + (l.length() > 30 ? l.substring(0, 30) + "…" : l) + "\"";
      }
    }
    String text = fields[1].strip();
    if (text.isEmpty()) {
      return "the text is empty";
    }
    cases.add(new Case(label, text));
    return null;
  }
}
