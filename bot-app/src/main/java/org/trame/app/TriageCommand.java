package org.trame.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trame.core.conflict.triage.CorpusReader;
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
      return LabelledFileEval.run(triage.parent, file, "labelled cases", "need|value<TAB>sheet 1-9<TAB>text", f -> {
        CorpusReader.Result r = CorpusReader.read(f);
        return new LabelledFileEval.Read<>(r.cases(), r.problems());
      }, cases -> TriageModel.packaged().evaluate(cases));
    }
  }
}
