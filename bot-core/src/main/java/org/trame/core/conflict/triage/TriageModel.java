package org.trame.core.conflict.triage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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

  /**
   * Below this nature margin (the proposed nature's probability minus the other's) the conflict flow
   * asks one clarifying question before proposing. Chosen by 5-fold cross-validation on
   * {@code train.tsv}: the smallest margin from which the proposals made without asking are right at
   * least 95 times in 100 (out-of-fold); about one description in sixteen gets the question.
   */
  public static final double ASK_BELOW_MARGIN = 0.10;

  /**
   * How the categorizers are trained and what they read.
   *
   * @param algorithm OpenNLP's trainer, {@code MAXENT} or {@code NAIVEBAYES}
   * @param iterations training iterations (maximum entropy)
   * @param cutoff the fewest times a feature must be seen to be kept
   * @param stems whether words are reduced to their Snowball stems (French or English as the text is)
   * @param bigrams whether pairs of neighbouring words are features too
   * @param sheetContent whether the sheet categorizer reads the words without the function words (the
   *     nature categorizer always reads them all: "I need", "pour moi" speak of the nature)
   */
  public record Settings(String algorithm, int iterations, int cutoff, boolean stems, boolean bigrams, boolean sheetContent) {

    /** What the classifier read before stems were added: folded words and word pairs, maximum entropy. */
    public static final Settings WORDS = new Settings("MAXENT", 100, 1, false, true, false);

    /**
     * The packaged classifier's settings, chosen on {@code train.tsv} only (the held-out file takes no
     * part): the best sheet accuracy on the training cases from other kinds of organisations when
     * trained on the cases written from the guide, within two points of the best in 5-fold
     * cross-validation. See {@code TriageSelectionTest} and data/triage/README.md.
     */
    public static final Settings CHOSEN = new Settings("MAXENT", 100, 1, true, true, false);

    String[] tokens(String text) {
      return stems ? TriageText.stems(text) : TriageText.tokens(text);
    }

    String[] sheetTokens(String text) {
      return sheetContent ? TriageText.contentStems(text) : tokens(text);
    }
  }

  private record Trained(DoccatModel nature, DoccatModel sheet, Cues cues, Settings settings) {}

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
    FutureTask<Trained> task = new FutureTask<>(() -> fit(packagedCases(), Settings.CHOSEN));
    Thread thread = new Thread(task, "triage-training");
    thread.setDaemon(true);
    thread.start();
    return new TriageModel(task);
  }

  public static TriageModel train(List<LabelledCase> cases) {
    return train(cases, Settings.CHOSEN);
  }

  public static TriageModel train(List<LabelledCase> cases, Settings settings) {
    if (cases.isEmpty()) {
      throw new IllegalArgumentException("no labelled case to train on");
    }
    FutureTask<Trained> task = new FutureTask<>(() -> fit(cases, settings));
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

  private static Trained fit(List<LabelledCase> cases, Settings settings) throws IOException {
    List<DocumentSample> byNature = new ArrayList<>();
    List<DocumentSample> bySheet = new ArrayList<>();
    for (LabelledCase c : cases) {
      byNature.add(new DocumentSample(c.nature().name(), settings.tokens(c.text())));
      bySheet.add(new DocumentSample(String.valueOf(c.sheet()), settings.sheetTokens(c.text())));
    }
    // Maximum entropy rather than naive Bayes: naive Bayes says 1.00 even when wrong, and the
    // confidence is what tells the person how sure the proposal is (and when to ask first).
    return new Trained(categorizer(byNature, settings), categorizer(bySheet, settings), new Cues(cases), settings);
  }

  /** Fixed parameters and one thread: the same corpus always gives the same model. */
  private static DoccatModel categorizer(List<DocumentSample> samples, Settings settings) throws IOException {
    TrainingParameters params = new TrainingParameters();
    params.put(TrainingParameters.ALGORITHM_PARAM, settings.algorithm());
    params.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
    params.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
    params.put(TrainingParameters.THREADS_PARAM, 1);
    FeatureGenerator[] features = settings.bigrams()
        ? new FeatureGenerator[] {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)}
        : new FeatureGenerator[] {new BagOfWordsFeatureGenerator()};
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
    return propose(text, null);
  }

  /**
   * The proposal for {@code text} when the person already said which nature it is ({@code said}, or
   * null when they did not): the nature is theirs, its confidence and margin are what the classifier
   * gives that nature (low when it read the other one), the cues are chosen for it.
   */
  public Proposal propose(String text, Nature said) {
    Trained m = model();
    String[] tokens = m.settings().tokens(text);
    DocumentCategorizerME natureCat = new DocumentCategorizerME(m.nature());
    double[] natureScores = natureCat.categorize(tokens);
    int chosen = said == null ? best(natureScores) : natureCat.getIndex(said.name());
    Nature nature = Nature.valueOf(natureCat.getCategory(chosen));
    double natureMargin = natureScores[chosen] - secondBest(natureScores, chosen);
    DocumentCategorizerME sheetCat = new DocumentCategorizerME(m.sheet());
    double[] sheetScores = sheetCat.categorize(m.settings().sheetTokens(text));
    int bestSheet = best(sheetScores);
    int sheet = Integer.parseInt(sheetCat.getCategory(bestSheet));
    return new Proposal(nature, natureScores[chosen], natureMargin, sheet, sheetScores[bestSheet],
        m.cues().of(text, nature, sheet));
  }

  /** The highest score but the one at {@code chosen}. */
  private static double secondBest(double[] scores, int chosen) {
    double second = 0;
    for (int i = 0; i < scores.length; i++) {
      if (i != chosen && scores[i] > second) {
        second = scores[i];
      }
    }
    return second;
  }

  /**
   * Cross-validation: the cases dealt into {@code folds} folds in file order (case i in fold i mod
   * folds), each fold proposed by a model trained on the others. Returns each case's proposal, in
   * the order of {@code cases}: what a model that never saw the case says of it.
   */
  public static List<Proposal> outOfFold(List<LabelledCase> cases, Settings settings, int folds) {
    Proposal[] proposals = new Proposal[cases.size()];
    for (int fold = 0; fold < folds; fold++) {
      List<LabelledCase> train = new ArrayList<>();
      for (int i = 0; i < cases.size(); i++) {
        if (i % folds != fold) {
          train.add(cases.get(i));
        }
      }
      TriageModel model = train(train, settings);
      for (int i = fold; i < cases.size(); i += folds) {
        proposals[i] = model.propose(cases.get(i).text());
      }
    }
    return List.of(proposals);
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
    int n = cases.size();
    int[][] natureCounts = new int[2][2];
    int[][] sheetCounts = new int[9][9];
    double[] natureConfidence = new double[n];
    double[] sheetConfidence = new double[n];
    boolean[] natureRight = new boolean[n];
    boolean[] sheetRight = new boolean[n];
    int unsure = 0;
    int unsureRight = 0;
    for (int i = 0; i < n; i++) {
      LabelledCase c = cases.get(i);
      Proposal p = propose(c.text());
      natureCounts[c.nature().ordinal()][p.nature().ordinal()]++;
      sheetCounts[c.sheet() - 1][p.sheet() - 1]++;
      natureConfidence[i] = p.natureConfidence();
      sheetConfidence[i] = p.sheetConfidence();
      natureRight[i] = p.nature() == c.nature();
      sheetRight[i] = p.sheet() == c.sheet();
      if (p.natureUnsure()) {
        unsure++;
        unsureRight += natureRight[i] ? 1 : 0;
      }
    }
    int natureRights = count(natureRight);
    int sheetRights = count(sheetRight);
    return new Evaluation(n == 0 ? 0 : (double) natureRights / n, n == 0 ? 0 : (double) sheetRights / n, n,
        new Evaluation.Confusion(natureLabels, natureCounts), new Evaluation.Confusion(sheetLabels, sheetCounts),
        Evaluation.Band.of(natureConfidence, natureRight), Evaluation.Band.of(sheetConfidence, sheetRight), unsure, unsureRight);
  }

  private static int count(boolean[] values) {
    int n = 0;
    for (boolean v : values) {
      n += v ? 1 : 0;
    }
    return n;
  }
}
