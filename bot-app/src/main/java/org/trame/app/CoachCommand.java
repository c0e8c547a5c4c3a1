package org.trame.app;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trame.core.conflict.triage.CoachCorpus;
import org.trame.core.conflict.triage.CoachEvaluation;
import org.trame.core.conflict.triage.IMessageCoach;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code trame coach eval FILE}: a collective checks the I-message coach (its rules and the
 * classifier trained on the packaged corpus) against its own labelled statements.
 */
@Command(name = "coach", mixinStandardHelpOptions = true,
    description = "The I-message coach (a judgement of a person or one demanded solution, instead of a need).",
    subcommands = {CoachCommand.Eval.class})
final class CoachCommand implements Callable<Integer> {

  @CommandLine.ParentCommand
  Main parent;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(parent.err);
    return TriageCommand.UNREADABLE;
  }

  @Command(name = "eval", mixinStandardHelpOptions = true,
      description = {
          "Reads a tab-separated file of 'blame|solution|need<TAB>text' lines, asks the coach about each",
          "text and prints the share of blames and solutions it flags (recall), the share of needs it",
          "flags all the same (false alarms), then the confusion table.",
          "A malformed line is reported on the error stream with its number and skipped."})
  static final class Eval implements Callable<Integer> {

    @CommandLine.ParentCommand
    CoachCommand coach;

    @Parameters(paramLabel = "FILE", description = "the labelled statements, UTF-8")
    Path file;

    @Override
    public Integer call() {
      Main main = coach.parent;
      CoachCorpus.Result read;
      try {
        if (Files.isDirectory(file)) {
          main.err.println("trame: " + file + " is a folder, not a file of labelled statements");
          return TriageCommand.UNREADABLE;
        }
        read = CoachCorpus.read(file);
      } catch (NoSuchFileException e) {
        main.err.println("trame: cannot read " + file + ": no such file");
        return TriageCommand.UNREADABLE;
      } catch (CharacterCodingException e) {
        main.err.println("trame: cannot read " + file + ": it is not UTF-8 text");
        return TriageCommand.UNREADABLE;
      } catch (IOException e) {
        main.err.println("trame: cannot read " + file + ": " + e.getMessage());
        return TriageCommand.UNREADABLE;
      }
      read.problems().forEach(p -> main.err.println("! " + p));
      if (read.cases().isEmpty()) {
        main.err.println("trame: no valid labelled statement in " + file + " (expected lines 'blame|solution|need<TAB>text')");
        return TriageCommand.NO_CASE;
      }
      main.out.print(CoachEvaluation.of(IMessageCoach.packaged(), read.cases()));
      main.out.flush();
      return 0;
    }
  }
}
