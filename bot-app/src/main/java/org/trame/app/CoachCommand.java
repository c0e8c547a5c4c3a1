package org.trame.app;

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
    return LabelledFileEval.UNREADABLE;
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
      return LabelledFileEval.run(coach.parent, file, "labelled statements", "blame|solution|need<TAB>text", f -> {
        CoachCorpus.Result r = CoachCorpus.read(f);
        return new LabelledFileEval.Read<>(r.cases(), r.problems());
      }, cases -> CoachEvaluation.of(IMessageCoach.packaged(), cases));
    }
  }
}
