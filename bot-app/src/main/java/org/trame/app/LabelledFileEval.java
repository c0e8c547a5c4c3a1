package org.trame.app;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.trame.core.conflict.triage.CorpusReader;

/**
 * What {@code triage eval} and {@code coach eval} share: a file of labelled lines read with the
 * same clear errors (exit 2 when it cannot be read, 1 when no line is valid, malformed lines
 * reported with their number and skipped), then an evaluation printed for people.
 */
final class LabelledFileEval {

  static final int UNREADABLE = 2;
  static final int NO_CASE = 1;

  /** Reads a labelled file: its valid cases and the problems of the others. */
  @FunctionalInterface
  interface Reader<C> {
    Read<C> read(Path file) throws IOException;
  }

  record Read<C>(List<C> cases, List<CorpusReader.Problem> problems) {}

  private LabelledFileEval() {}

  /**
   * @param what what the lines are, for the messages ("labelled cases")
   * @param format the expected line format, for the message when no line is valid
   */
  static <C> int run(Main main, Path file, String what, String format, Reader<C> reader, Function<List<C>, Object> evaluate) {
    Read<C> read;
    try {
      if (Files.isDirectory(file)) {
        main.err.println("trame: " + file + " is a folder, not a file of " + what);
        return UNREADABLE;
      }
      read = reader.read(file);
    } catch (NoSuchFileException e) {
      main.err.println("trame: cannot read " + file + ": no such file");
      return UNREADABLE;
    } catch (CharacterCodingException e) {
      main.err.println("trame: cannot read " + file + ": it is not UTF-8 text");
      return UNREADABLE;
    } catch (IOException e) {
      main.err.println("trame: cannot read " + file + ": " + e.getMessage());
      return UNREADABLE;
    }
    read.problems().forEach(p -> main.err.println("! " + p));
    if (read.cases().isEmpty()) {
      main.err.println("trame: no valid " + what.replaceFirst("s$", "") + " in " + file + " (expected lines '" + format + "')");
      return NO_CASE;
    }
    main.out.print(evaluate.apply(read.cases()));
    main.out.flush();
    return 0;
  }
}
