package org.trame.core.conflict.triage;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import opennlp.tools.stemmer.snowball.SnowballStemmer;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;

/**
 * How the classifier reads a text: OpenNLP tokens, lower-cased and with accents folded, so that
 * "délais", "Delais" and "delais" (typed without accents) are one word; optionally reduced to their
 * Snowball stems ("financeurs", "financement" → "financ"), in French or English as the text is.
 */
final class TriageText {

  /** A word of the member's text: as written, and folded. */
  record Word(String surface, String folded) {}

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final int LONGEST_TEXT = 20_000;
  private static final Set<String> FRENCH_STOP_WORDS = stopWords("nlp/stopwords-fr.txt");
  private static final Set<String> ENGLISH_STOP_WORDS = stopWords("nlp/stopwords-en.txt");
  private static final Set<String> STOP_WORDS = union(FRENCH_STOP_WORDS, ENGLISH_STOP_WORDS);
  /** Common verbs that say nothing of the situation, never shown as cues. */
  private static final Set<String> BLAND = Set.of("think", "feel", "feels", "felt", "say", "says", "said", "goes", "going",
      "get", "got", "make", "made", "come", "take", "see", "know", "want", "wants", "keep", "keeps", "won", "don",
      "doesn", "didn", "isn", "aren", "can", "could", "would", "should", "also", "really", "just", "even", "still",
      "dire", "dit", "disent", "faire", "fait", "fasse", "font", "voir", "voit", "crois", "pense", "trouve", "sais",
      "veut", "veulent", "dois", "devait", "vraiment", "toujours", "rien", "tout", "tous", "toute", "toutes", "every",
      "anything", "nothing", "something", "sure", "matter", "moment", "good", "chose", "choses");

  private TriageText() {}

  static String fold(String s) {
    String lower = s.toLowerCase(Locale.ROOT).replace('’', '\'').replace("œ", "oe").replace("æ", "ae");
    return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
  }

  /** The words of a text (punctuation dropped), as written and folded. */
  static List<Word> words(String text) {
    List<Word> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    String sample = text.length() > LONGEST_TEXT ? text.substring(0, LONGEST_TEXT) : text;
    for (Span s : SimpleTokenizer.INSTANCE.tokenizePos(sample)) {
      String surface = s.getCoveredText(sample).toString();
      if (surface.codePoints().anyMatch(Character::isLetterOrDigit)) {
        words.add(new Word(surface, fold(surface)));
      }
    }
    return words;
  }

  /** The folded tokens the categorizer sees. */
  static String[] tokens(String text) {
    return words(text).stream().map(Word::folded).toArray(String[]::new);
  }

  /**
   * The tokens reduced to their Snowball stems, the stemmer chosen by the text's language (more
   * French function words than English ones: French); the stem of the lower-cased word, then folded,
   * since the French stemmer reads accents.
   */
  static String[] stems(String text) {
    List<Word> words = words(text);
    long french = words.stream().filter(w -> FRENCH_STOP_WORDS.contains(w.folded())).count();
    long english = words.stream().filter(w -> ENGLISH_STOP_WORDS.contains(w.folded())).count();
    SnowballStemmer stemmer = new SnowballStemmer(french > english
        ? SnowballStemmer.ALGORITHM.FRENCH : SnowballStemmer.ALGORITHM.ENGLISH);
    String[] stems = new String[words.size()];
    for (int i = 0; i < stems.length; i++) {
      String lower = words.get(i).surface().toLowerCase(Locale.ROOT).replace('’', '\'');
      stems[i] = fold(stemmer.stem(lower).toString());
    }
    return stems;
  }

  /**
   * The stems of the words that are not function words: what the sheet categorizer may read, since
   * "je", "the" or "pour" say something of a need or a value but nothing of a sheet.
   */
  static String[] contentStems(String text) {
    List<Word> words = words(text);
    String[] stems = stems(text);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < stems.length; i++) {
      if (!STOP_WORDS.contains(words.get(i).folded())) {
        kept.add(stems[i]);
      }
    }
    return kept.toArray(String[]::new);
  }

  /** A word that carries meaning on its own: not a function word, not a number, not a letter. */
  static boolean content(String folded) {
    return folded.length() >= 3 && !STOP_WORDS.contains(folded) && !BLAND.contains(folded)
        && folded.codePoints().allMatch(Character::isLetter);
  }

  /** A function word of French or English (the packaged stop word lists). */
  static boolean isStopWord(String folded) {
    return STOP_WORDS.contains(folded);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private static Set<String> stopWords(String resource) {
    Set<String> words = new HashSet<>();
    try (InputStream in = TriageText.class.getClassLoader().getResourceAsStream(resource);
         BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.lines().filter(l -> !l.startsWith("#")).forEach(l -> {
        for (String w : l.trim().split("\\s+")) {
          if (!w.isEmpty()) {
            words.add(fold(w));
          }
        }
      });
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
    return Set.copyOf(words);
  }
}
