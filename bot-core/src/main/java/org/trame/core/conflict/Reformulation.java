package org.trame.core.conflict;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.trame.core.engine.GlobalWord;

/**
 * Step 1's reformulation (tool sheet 3: "reformulate synthetically"): a long statement of needs is
 * cut down to the sentences that say a need, so that the others read the core of it. Short ones
 * are kept whole. The author always sees the result and approves or rewrites it.
 */
final class Reformulation {

  static final int SHORT_ENOUGH = 300;
  static final int LONGEST = 1000;
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");
  private static final List<String> NEED_WORDS = List.of("besoin", "need", "il me faut", "il nous faut", "j'aimerais",
      "je voudrais", "nous voudrions", "i would like", "we would like", "important", "compte pour", "matters", "want", "souhait");

  private Reformulation() {}

  static String of(String statement) {
    String text = statement.replaceAll("\\s+", " ").strip();
    if (text.length() <= SHORT_ENOUGH) {
      return text;
    }
    List<String> needs = new ArrayList<>();
    for (String sentence : SENTENCE_END.split(text)) {
      String plain = GlobalWord.normalize(sentence);
      if (NEED_WORDS.stream().anyMatch(w -> plain.contains(GlobalWord.normalize(w)))) {
        needs.add(sentence.strip());
      }
    }
    String kept = needs.isEmpty() ? String.join(" ", firstTwo(text)) : String.join(" ", needs);
    return kept.length() > LONGEST ? kept.substring(0, LONGEST) + "…" : kept;
  }

  private static List<String> firstTwo(String text) {
    String[] sentences = SENTENCE_END.split(text);
    List<String> two = new ArrayList<>();
    for (int i = 0; i < sentences.length && i < 2; i++) {
      two.add(sentences[i].strip());
    }
    return two;
  }
}
