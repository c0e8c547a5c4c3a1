package org.trame.core.conflict.triage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
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
 * An OpenNLP document categorizer (blame, solution, need) trained on labelled statements, never
 * downloaded: the packaged corpus is {@code coach/train.tsv}. The coach asks it only about what its
 * rules did not flag, and it flags only when it is sure.
 */
public final class CoachModel {

  /**
   * How sure the categorizer must be of blame or solution before the coach asks. Chosen by 5-fold
   * cross-validation on train.tsv (rules + classifier): 0.4 kept the recall of a bare majority vote
   * (0.99) with fewer false alarms (0.03 against 0.05); 0.6 lost a point of recall.
   */
  static final double SURE = 0.40;

  private final FutureTask<DoccatModel> trained;

  private CoachModel(FutureTask<DoccatModel> trained) {
    this.trained = trained;
  }

  public static CoachModel packaged() {
    return train(packagedCases());
  }

  /** Started on a daemon thread so start-up is not delayed; kind() waits for it if needed. */
  public static CoachModel packagedInBackground() {
    FutureTask<DoccatModel> task = new FutureTask<>(() -> fit(packagedCases()));
    Thread thread = new Thread(task, "coach-training");
    thread.setDaemon(true);
    thread.start();
    return new CoachModel(task);
  }

  /** Trains on {@code cases}; a failure shows when the model is first asked, as for the packaged one. */
  static CoachModel trainInBackground(List<CoachCorpus.Case> cases) {
    FutureTask<DoccatModel> task = new FutureTask<>(() -> {
      if (cases.isEmpty()) {
        throw new IllegalArgumentException("no labelled statement to train on");
      }
      return fit(cases);
    });
    task.run();
    return new CoachModel(task);
  }

  public static CoachModel train(List<CoachCorpus.Case> cases) {
    if (cases.isEmpty()) {
      throw new IllegalArgumentException("no labelled statement to train on");
    }
    FutureTask<DoccatModel> task = new FutureTask<>(() -> fit(cases));
    task.run();
    return new CoachModel(task);
  }

  private static List<CoachCorpus.Case> packagedCases() {
    CoachCorpus.Result corpus = CoachCorpus.resource(CoachCorpus.PACKAGED_TRAIN);
    if (!corpus.problems().isEmpty()) {
      throw new IllegalStateException("the packaged corpus " + CoachCorpus.PACKAGED_TRAIN + " has malformed lines: " + corpus.problems());
    }
    return corpus.cases();
  }

  /** Fixed parameters and one thread: the same corpus always gives the same model. */
  private static DoccatModel fit(List<CoachCorpus.Case> cases) throws IOException {
    List<DocumentSample> samples = cases.stream()
        .map(c -> new DocumentSample(c.label().word(), TriageText.tokens(c.text()))).toList();
    TrainingParameters params = new TrainingParameters();
    params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
    params.put(TrainingParameters.ITERATIONS_PARAM, 100);
    params.put(TrainingParameters.CUTOFF_PARAM, 1);
    params.put(TrainingParameters.THREADS_PARAM, 1);
    FeatureGenerator[] features = {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)};
    return DocumentCategorizerME.train("mul", ObjectStreamUtils.createObjectStream(samples), params, new DoccatFactory(features));
  }

  private DoccatModel model() {
    try {
      return trained.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the coach model was training", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw new IllegalStateException("the coach model could not be trained: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Blame or solution when the categorizer is sure the text is no need; else nothing. */
  public Optional<IMessageCoach.Kind> kind(String text) {
    return kind(text, SURE);
  }

  /** Same, with how sure it must be. */
  Optional<IMessageCoach.Kind> kind(String text, double sure) {
    String[] tokens = TriageText.tokens(text);
    if (tokens.length == 0) {
      return Optional.empty();
    }
    DocumentCategorizerME cat = new DocumentCategorizerME(model());
    double[] scores = cat.categorize(tokens);
    int best = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
      }
    }
    String label = cat.getCategory(best);
    if (label.equals("need") || scores[best] < sure) {
      return Optional.empty();
    }
    return Optional.of(label.equals("blame") ? IMessageCoach.Kind.BLAME : IMessageCoach.Kind.SOLUTION);
  }
}
