package org.trame.core.conflict.triage;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;
import org.trame.core.i18n.Lang;

/**
 * Spots a "you-message" (seed 004, tool sheet 3: "tu es toujours en retard" instead of "quand la
 * réunion commence sans toi, je me sens…"): a you/tu/vous statement carrying a judgement, an
 * absolute (always, never) or a blame. The person can then be offered the I-message form.
 */
public final class IMessageCoach {

  /** The offending part of the text, e.g. "tu es toujours en retard". */
  public record Finding(String fragment) {}

  /** How far after "you" a judgement still belongs to the same statement. */
  private static final int WINDOW = 8;
  private static final int LONGEST_FRAGMENT = 14;

  private static final Set<String> YOU_FR = Set.of("tu", "t", "vous", "toi", "ton", "ta", "tes", "votre", "vos");
  private static final Set<String> YOU_EN = Set.of("you", "your", "youre", "u", "ur");
  /** Words of one language that are ordinary words in the other ("a ton of work", "you are a t-rex"). */
  private static final Set<String> FALSE_FRIENDS = Set.of("ton", "ta", "t", "u");
  /** Absolutes that turn a remark into a verdict on the person. */
  private static final Set<String> ABSOLUTES = Set.of("toujours", "jamais", "always", "never", "constantly", "forever");
  /** Judgements and blames, folded (no accents, lower case); a prefix ends with '*'. */
  private static final List<String> JUDGEMENTS = List.of(
      // fr
      "irresponsable*", "incompetent*", "nul", "nuls", "nulle", "nulles", "egoiste*", "paresseu*", "malhonnete*",
      "menteu*", "mentez", "mens", "ment", "hypocrite*", "negligent*", "desorganise*", "ingerable*", "insupportable*",
      "arrogant*", "meprisant*", "mepris*", "ignore*", "ignorez", "sabot*", "fich*", "fout*", "moqu*", "impose*",
      "imposez", "manipul*", "profit*",
      "retard", "faute", "tort", "pire", "inadmissible", "inacceptable", "honte", "bacle*", "n'importe",
      "importe", "aucun", "rien", "incapable*", "traine",
      // en
      "irresponsible", "incompetent", "useless", "lazy", "selfish", "rude", "unreliable", "careless", "sloppy",
      "dishonest", "liar", "lie", "lying", "lied", "arrogant", "hopeless", "pathetic", "ridiculous", "stupid",
      "ignore*", "disrespect*", "sabotag*", "wrong", "fault", "late", "blame*", "manipulat*", "impossible",
      "unprofessional", "clueless", "incapable", "exploit*");
  /** Ordinary verbs that judge only when denied: "tu ne respectes pas", "you don't listen". */
  private static final List<String> DENIED = List.of("respect*", "ecout*", "comprend*", "comprenn*", "compri*", "tien*",
      "fais", "fait", "faites", "lis", "lit", "lisez", "lire", "repond*", "care", "cares", "listen*", "answer*", "read",
      "reads", "understand*", "keep*", "idea", "clue");
  private static final Set<String> NEGATIONS = Set.of("ne", "n", "pas", "plus", "not", "never", "no", "t", "dont",
      "doesnt", "didnt", "cannot");
  /** Words that open an I-message: the statement is already about the speaker. */
  private static final Set<String> I_FEEL = Set.of("sens", "ressens", "feel", "felt", "inquiete", "worried", "besoin", "need");
  /** A request, not a verdict: "tu peux m'envoyer le fichier ?", "could you...". */
  private static final Set<String> REQUEST_VERBS = Set.of("peux", "pourrais", "pouvez", "pourriez", "veux", "voulez",
      "voudrais", "voudriez", "can", "could", "would", "will", "please", "thank", "thanks", "merci");

  /**
   * A "you/tu/vous + judgement" statement, found with OpenNLP tokenisation and simple rules.
   *
   * @param lang the member's language; the other language's pronouns count too (members switch),
   *     except those that are ordinary words there
   */
  public Optional<Finding> check(String text, Lang lang) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String sample = text.length() > 5_000 ? text.substring(0, 5_000) : text;
    Span[] spans = SimpleTokenizer.INSTANCE.tokenizePos(sample);
    String[] folded = new String[spans.length];
    for (int i = 0; i < spans.length; i++) {
      folded[i] = TriageText.fold(spans[i].getCoveredText(sample).toString());
    }
    Set<String> you = new java.util.HashSet<>(lang == Lang.FR ? YOU_FR : YOU_EN);
    (lang == Lang.FR ? YOU_EN : YOU_FR).stream().filter(w -> !FALSE_FRIENDS.contains(w)).forEach(you::add);
    int sentenceStart = 0;
    for (int i = 0; i < folded.length; i++) {
      if (endsSentence(folded[i])) {
        sentenceStart = i + 1;
        continue;
      }
      if (!isYou(folded, i, you) || startsWithIMessage(folded, sentenceStart, i) || isRequest(folded, sentenceStart, i)) {
        continue;
      }
      int end = judgementAfter(folded, i);
      if (end >= 0) {
        int last = clauseEnd(folded, end, i);
        return Optional.of(new Finding(sample.substring(spans[i].getStart(), spans[last].getEnd())));
      }
    }
    return Optional.empty();
  }

  private static boolean isYou(String[] tokens, int i, Set<String> you) {
    String t = tokens[i];
    if (!you.contains(t)) {
      return false;
    }
    if (t.equals("t")) { // "t'es", "t'as": only the elided subject, not "t" alone
      return i + 2 < tokens.length && tokens[i + 1].equals("'");
    }
    if (t.equals("vous") && i > 0 && Set.of("je", "j", "nous", "on").contains(tokens[i - 1])) {
      // "je vous remercie": "vous" is the object; still a verdict when what follows judges ("je vous trouve nuls")
      return i + 1 < tokens.length && Set.of("trouve", "trouvons").contains(tokens[i + 1]);
    }
    return true;
  }

  private static int judgementAfter(String[] tokens, int you) {
    for (int j = you + 1; j < tokens.length && j <= you + WINDOW; j++) {
      if (endsClause(tokens[j])) {
        return -1;
      }
      if (ABSOLUTES.contains(tokens[j]) || matches(JUDGEMENTS, tokens[j]) || deniedAt(tokens, you, j)) {
        return j;
      }
    }
    return -1;
  }

  private static boolean deniedAt(String[] tokens, int you, int j) {
    if (!matches(DENIED, tokens[j])) {
      return false;
    }
    for (int k = you + 1; k <= Math.min(tokens.length - 1, j + 1); k++) {
      if (k != j && NEGATIONS.contains(tokens[k])) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(List<String> words, String token) {
    for (String j : words) {
      if (j.endsWith("*") ? token.startsWith(j.substring(0, j.length() - 1)) : token.equals(j)) {
        return true;
      }
    }
    return false;
  }

  /** "Je me sens mis à l'écart quand vous…": the speaker already talks about themself. */
  private static boolean startsWithIMessage(String[] tokens, int from, int you) {
    for (int k = from; k < you; k++) {
      if (I_FEEL.contains(tokens[k])) {
        return true;
      }
    }
    return false;
  }

  private static boolean isRequest(String[] tokens, int from, int you) {
    for (int k = Math.max(from, you - 2); k <= Math.min(tokens.length - 1, you + 1); k++) {
      if (REQUEST_VERBS.contains(tokens[k])) {
        return true;
      }
    }
    return false;
  }

  /** The statement runs on to the end of its clause, so the person recognises their words. */
  private static int clauseEnd(String[] tokens, int judgement, int you) {
    int last = judgement;
    for (int j = judgement + 1; j < tokens.length && j - you < LONGEST_FRAGMENT; j++) {
      if (endsClause(tokens[j])) {
        break;
      }
      last = j;
    }
    return last;
  }

  private static boolean endsSentence(String token) {
    return token.equals(".") || token.equals("!") || token.equals("?") || token.equals(";") || token.equals("\n");
  }

  private static boolean endsClause(String token) {
    return endsSentence(token) || token.equals(",") || token.equals(":") || token.equals("(") || token.equals(")")
        || token.toLowerCase(Locale.ROOT).equals("mais") || token.equals("but");
  }
}
