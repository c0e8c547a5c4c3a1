package org.trame.core.conflict.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which words of a member's text speak most for a label: per-label log-odds computed from the
 * training counts (smoothed), so that a person sees why the bot proposes what it proposes.
 */
final class Cues {

  private static final double SMOOTHING = 0.5;
  static final int MOST = 3;
  private static final int FEWEST_SIGHTINGS = 2;

  /** Word counts under one labelling (nature, or sheet). */
  private static final class Counts {
    final Map<String, Map<String, Integer>> byLabel = new HashMap<>();
    final Map<String, Integer> words = new HashMap<>();
    final Map<String, Integer> totals = new HashMap<>();
    int total;

    void add(String label, String word) {
      byLabel.computeIfAbsent(label, l -> new HashMap<>()).merge(word, 1, Integer::sum);
      words.merge(word, 1, Integer::sum);
      totals.merge(label, 1, Integer::sum);
      total++;
    }

    /**
     * How much more likely {@code word} is under {@code label} than under every other label, as a
     * z-score of the smoothed log-odds: a word seen once counts less than one seen ten times.
     */
    double weight(String word, String label) {
      double vocabulary = words.size();
      int inLabel = count(word, label);
      int elsewhere = words.getOrDefault(word, 0) - inLabel;
      int labelTotal = totals.getOrDefault(label, 0);
      int otherTotal = total - labelTotal;
      double logOdds = Math.log((inLabel + SMOOTHING) / (labelTotal + SMOOTHING * vocabulary))
          - Math.log((elsewhere + SMOOTHING) / (otherTotal + SMOOTHING * vocabulary));
      return logOdds / Math.sqrt(1.0 / (inLabel + SMOOTHING) + 1.0 / (elsewhere + SMOOTHING));
    }

    int count(String word, String label) {
      return byLabel.getOrDefault(label, Map.of()).getOrDefault(word, 0);
    }
  }

  private final Counts natures = new Counts();
  private final Counts sheets = new Counts();

  Cues(List<LabelledCase> cases) {
    for (LabelledCase c : cases) {
      for (TriageText.Word w : TriageText.words(c.text())) {
        if (TriageText.content(w.folded())) {
          natures.add(c.nature().name(), w.folded());
          sheets.add(String.valueOf(c.sheet()), w.folded());
        }
      }
    }
  }

  /** Up to {@link #MOST} words of {@code text}, as the member wrote them, that most support the labels. */
  List<String> of(String text, Nature nature, int sheet) {
    String natureLabel = nature.name();
    String sheetLabel = String.valueOf(sheet);
    Map<String, String> surfaceByWord = new LinkedHashMap<>();
    for (TriageText.Word w : TriageText.words(text)) {
      if (TriageText.content(w.folded())) {
        surfaceByWord.putIfAbsent(w.folded(), w.surface());
      }
    }
    record Scored(String surface, double score) {}
    List<Scored> scored = new ArrayList<>();
    surfaceByWord.forEach((word, surface) -> {
      if (natures.count(word, natureLabel) + sheets.count(word, sheetLabel) < FEWEST_SIGHTINGS) {
        return; // a word the corpus hardly tied to these labels supports nothing
      }
      double score = natures.weight(word, natureLabel) + sheets.weight(word, sheetLabel);
      if (score > 0) {
        scored.add(new Scored(surface, score));
      }
    });
    // stable sort: equal scores keep the member's own order
    scored.sort(Comparator.comparingDouble(Scored::score).reversed());
    return scored.stream().limit(MOST).map(Scored::surface).toList();
  }
}
