package org.trame.core.conflict.triage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Proposes, for a party's private description of a conflict, its nature (need or value) and the
 * practice sheet of seed 004 that fits best. Two OpenNLP document categorizers trained from
 * labelled cases, never downloaded: the packaged corpus is {@code triage/train.tsv}.
 */
public final class TriageModel {

  static final String PACKAGED_CORPUS = "triage/train.tsv";

  private record Trained(DoccatModel nature, DoccatModel sheet, Cues cues) {}

  private final FutureTask<Trained> trained;

  private TriageModel(FutureTask<Trained> trained) {
    this.trained = trained;
  }

  /** Trains (OpenNLP DoccatME) on the corpus packaged with bot-core (resources triage/train.tsv). */
  public static TriageModel packaged() {
    return train(packagedCases());
  }

  /** Same, started on a daemon thread so start-up is not delayed; propose() waits for it if needed. */
  public static TriageModel packagedInBackground() {
    FutureTask<Trained> task = new FutureTask<>(() -> fit(packagedCases()));
    Thread thread = new Thread(task, "triage-training");
    thread.setDaemon(true);
    thread.start();
    return new TriageModel(task);
  }

  public static TriageModel train(List<LabelledCase> cases) {
    if (cases.isEmpty()) {
      throw new IllegalArgumentException("no labelled case to train on");
    }
    FutureTask<Trained> task = new FutureTask<>(() -> fit(cases));
    task.run();
    return new TriageModel(task);
  }

  private static List<LabelledCase> packagedCases() {
    CorpusReader.Result corpus = CorpusReader.resource(PACKAGED_CORPUS);
    if (!corpus.problems().isEmpty()) {
      throw new IllegalStateException("the packaged corpus " + PACKAGED_CORPUS + " has malformed lines: " + corpus.problems());
    }
    return corpus.cases();
  }

  private static Trained fit(List<LabelledCase> cases) throws IOException {
    List<DocumentSample> byNature = cases.stream()
        .map(c -> new DocumentSample(c.nature().name(), TriageText.tokens(c.text()))).toList();
    List<DocumentSample> bySheet = cases.stream()
        .map(c -> new DocumentSample(String.valueOf(c.sheet()), TriageText.tokens(c.text()))).toList();
    // Maximum entropy rather than naive Bayes: in 5-fold cross-validation on the corpus naive Bayes
    // was a little more accurate on need/value (0.94 against 0.90) but said 1.00 even when wrong, and
    // the confidence is what tells the person how sure the proposal is.
    return new Trained(categorizer(byNature, "MAXENT"), categorizer(bySheet, "MAXENT"), new Cues(cases));
  }

  /** Fixed parameters and one thread: the same corpus always gives the same model. */
  private static DoccatModel categorizer(List<DocumentSample> samples, String algorithm) throws IOException {
    TrainingParameters params = new TrainingParameters();
    params.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
    params.put(TrainingParameters.ITERATIONS_PARAM, 100);
    params.put(TrainingParameters.CUTOFF_PARAM, 1);
    params.put(TrainingParameters.THREADS_PARAM, 1);
    FeatureGenerator[] features = {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)};
    return DocumentCategorizerME.train("mul", ObjectStreamUtils.createObjectStream(samples), params,
        new DoccatFactory(features));
  }

  private Trained model() {
    try {
      return trained.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the triage model was training", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw new IllegalStateException("the triage model could not be trained: " + e.getCause().getMessage(), e.getCause());
    }
  }

  public Proposal propose(String text) {
    Trained m = model();
    String[] tokens = TriageText.tokens(text);
    DocumentCategorizerME natureCat = new DocumentCategorizerME(m.nature());
    double[] natureScores = natureCat.categorize(tokens);
    int bestNature = best(natureScores);
    Nature nature = Nature.valueOf(natureCat.getCategory(bestNature));
    DocumentCategorizerME sheetCat = new DocumentCategorizerME(m.sheet());
    double[] sheetScores = sheetCat.categorize(tokens);
    int bestSheet = best(sheetScores);
    int sheet = Integer.parseInt(sheetCat.getCategory(bestSheet));
    return new Proposal(nature, natureScores[bestNature], sheet, sheetScores[bestSheet], m.cues().of(text, nature, sheet));
  }

  /** The highest score; on a tie, the first category, so that results never depend on chance. */
  private static int best(double[] scores) {
    int best = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
      }
    }
    return best;
  }

  public Evaluation evaluate(List<LabelledCase> cases) {
    List<String> natureLabels = List.of("need", "value");
    List<String> sheetLabels = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9");
    int[][] natureCounts = new int[2][2];
    int[][] sheetCounts = new int[9][9];
    int natureRight = 0;
    int sheetRight = 0;
    for (LabelledCase c : cases) {
      Proposal p = propose(c.text());
      natureCounts[c.nature().ordinal()][p.nature().ordinal()]++;
      sheetCounts[c.sheet() - 1][p.sheet() - 1]++;
      natureRight += p.nature() == c.nature() ? 1 : 0;
      sheetRight += p.sheet() == c.sheet() ? 1 : 0;
    }
    int n = cases.size();
    return new Evaluation(n == 0 ? 0 : (double) natureRight / n, n == 0 ? 0 : (double) sheetRight / n, n,
        new Evaluation.Confusion(natureLabels, natureCounts), new Evaluation.Confusion(sheetLabels, sheetCounts));
  }
}
