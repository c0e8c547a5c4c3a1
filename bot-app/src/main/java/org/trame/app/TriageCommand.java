package org.trame.app;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trame.core.conflict.triage.CorpusReader;
import org.trame.core.conflict.triage.Evaluation;
import org.trame.core.conflict.triage.TriageModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code trame triage eval FILE}: a collective checks the conflict triage classifier (trained on
 * the packaged corpus) against its own labelled cases.
 */
@Command(name = "triage", mixinStandardHelpOptions = true,
    description = "The conflict triage classifier (need or value conflict, practice sheet 1-9).",
    subcommands = {TriageCommand.Eval.class})
final class TriageCommand implements Callable<Integer> {

  static final int UNREADABLE = 2;
  static final int NO_CASE = 1;

  @CommandLine.ParentCommand
  Main parent;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(parent.err);
    return UNREADABLE;
  }

  @Command(name = "eval", mixinStandardHelpOptions = true,
      description = {
          "Reads a tab-separated file of 'need|value<TAB>sheet number<TAB>text' lines, asks the classifier",
          "about each text and prints its need/value and sheet accuracy, then the confusion tables, the",
          "accuracy by confidence band and how many texts would get the clarifying question first.",
          "A malformed line is reported on the error stream with its number and skipped."})
  static final class Eval implements Callable<Integer> {

    @CommandLine.ParentCommand
    TriageCommand triage;

    @Parameters(paramLabel = "FILE", description = "the labelled cases, UTF-8")
    Path file;

    @Override
    public Integer call() {
      Main main = triage.parent;
      CorpusReader.Result read;
      try {
        if (Files.isDirectory(file)) {
          main.err.println("trame: " + file + " is a folder, not a file of labelled cases");
          return UNREADABLE;
        }
        read = CorpusReader.read(file);
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
        main.err.println("trame: no valid labelled case in " + file + " (expected lines 'need|value<TAB>sheet 1-9<TAB>text')");
        return NO_CASE;
      }
      Evaluation evaluation = TriageModel.packaged().evaluate(read.cases());
      main.out.print(evaluation);
      main.out.flush();
      return 0;
    }
  }
}
