package org.trame.core.nlp;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import opennlp.tools.tokenize.SimpleTokenizer;

/**
 * Names the themes that recur across members' free answers: OpenNLP tokenisation, French and
 * English stop words removed, plurals folded, and each word counted once per person, so that a
 * theme is "raised by three people" rather than "written three times by one".
 */
public final class Themes {

  /** A word and how many people used it. */
  public record Theme(String word, int people) {}

  private static final Set<String> STOP_WORDS = load("nlp/stopwords-fr.txt", "nlp/stopwords-en.txt");
  private static final int SHORTEST_WORD = 3;

  private Themes() {}

  private static Set<String> load(String... resources) {
    Set<String> words = new HashSet<>();
    for (String resource : resources) {
      try (InputStream in = Themes.class.getClassLoader().getResourceAsStream(resource);
           BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        r.lines().filter(l -> !l.startsWith("#")).forEach(l -> {
          for (String w : l.trim().split("\\s+")) {
            if (!w.isEmpty()) {
              words.add(w.toLowerCase(Locale.ROOT));
            }
          }
        });
      } catch (Exception e) {
        throw new IllegalStateException("cannot read " + resource, e);
      }
    }
    return Set.copyOf(words);
  }

  /** The content words of a text, folded to a common form. */
  public static Set<String> words(String text) {
    Set<String> words = new LinkedHashSet<>();
    if (text == null) {
      return words;
    }
    String sample = text.length() > 20_000 ? text.substring(0, 20_000) : text;
    for (String token : SimpleTokenizer.INSTANCE.tokenize(sample.toLowerCase(Locale.ROOT))) {
      if (token.length() < SHORTEST_WORD || !token.codePoints().allMatch(Character::isLetter) || STOP_WORDS.contains(token)) {
        continue;
      }
      words.add(fold(token));
    }
    return words;
  }

  /** Folds simple plurals so that "funders" and "funder", "financements" and "financement" meet. */
  static String fold(String word) {
    if (word.length() > 4 && (word.endsWith("s") || word.endsWith("x")) && !word.endsWith("ss")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  /**
   * The words used by at least {@code fewestPeople} of the people, most widely shared first.
   *
   * @param textsByPerson each person's texts
   */
  public static List<Theme> recurring(Map<String, List<String>> textsByPerson, int fewestPeople, int most) {
    Map<String, Set<String>> people = new TreeMap<>();
    textsByPerson.forEach((person, texts) -> {
      Set<String> theirs = new HashSet<>();
      texts.forEach(t -> theirs.addAll(words(t)));
      theirs.forEach(w -> people.computeIfAbsent(w, k -> new HashSet<>()).add(person));
    });
    List<Theme> themes = new ArrayList<>();
    people.forEach((word, who) -> {
      if (who.size() >= fewestPeople) {
        themes.add(new Theme(word, who.size()));
      }
    });
    themes.sort(Comparator.comparingInt(Theme::people).reversed().thenComparing(Theme::word));
    return themes.size() > most ? themes.subList(0, most) : themes;
  }
}
