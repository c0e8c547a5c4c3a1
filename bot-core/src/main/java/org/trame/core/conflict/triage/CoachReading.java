package org.trame.core.conflict.triage;

import static org.trame.core.conflict.triage.CoachLexicon.*;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;
import org.trame.core.conflict.triage.IMessageCoach.Finding;
import org.trame.core.conflict.triage.IMessageCoach.Kind;
import org.trame.core.i18n.Lang;

/**
 * The I-message coach's rules over one text, tokenised by OpenNLP and folded: who it names (you,
 * they, a name, a role), and whether what follows judges that person or demands one solution.
 */
final class CoachReading {
  private final String sample;
  private final Span[] spans;
  private final String[] folded;
  private final boolean[] capital;
  private final Set<String> you = new HashSet<>();
  private final Set<String> they = new HashSet<>();

  CoachReading(String sample, Lang lang) {
    this.sample = sample;
    this.spans = SimpleTokenizer.INSTANCE.tokenizePos(sample);
    this.folded = new String[spans.length];
    this.capital = new boolean[spans.length];
    for (int i = 0; i < spans.length; i++) {
      String surface = spans[i].getCoveredText(sample).toString();
      folded[i] = TriageText.fold(surface);
      capital[i] = surface.length() >= 2 && Character.isUpperCase(surface.codePointAt(0))
          && surface.codePoints().skip(1).anyMatch(Character::isLowerCase);
    }
    you.addAll(lang == Lang.FR ? YOU_FR : YOU_EN);
    (lang == Lang.FR ? YOU_EN : YOU_FR).stream().filter(w -> !FALSE_FRIENDS.contains(w)).forEach(you::add);
    they.addAll(lang == Lang.FR ? THEY_FR : THEY_EN);
    (lang == Lang.FR ? THEY_EN : THEY_FR).stream().filter(w -> !FALSE_FRIENDS.contains(w)).forEach(they::add);
  }

  Optional<Finding> find() {
    Optional<Finding> solution = Optional.empty();
    int sentenceStart = 0;
    for (int i = 0; i < folded.length; i++) {
      if (endsSentence(folded[i])) {
        sentenceStart = i + 1;
        continue;
      }
      boolean framed = startsWithIMessage(sentenceStart, i);
      boolean conditional = startsWith(WHEN_FEEL, sentenceStart, i);
      if (solution.isEmpty()) {
        solution = solutionAt(sentenceStart, i, conditional);
      }
      if (labelAt(i) && !selfBefore(sentenceStart, i)) {
        int from = personBefore(sentenceStart, i);
        return Optional.of(finding(Kind.BLAME, from, i, sentenceStart));
      }
      int contempt = contemptAt(i);
      if (contempt >= 0 && !conditional) {
        return Optional.of(finding(Kind.BLAME, personBefore(sentenceStart, i), contempt, sentenceStart));
      }
      if (!isPerson(i)) {
        continue;
      }
      boolean request = isRequest(sentenceStart, i);
      int end = judgementAfter(i, framed || request);
      if (end >= 0) {
        return Optional.of(finding(Kind.BLAME, i, end, sentenceStart));
      }
    }
    return solution;
  }

  /** The demand of one solution starting at token {@code i}, if any. */
  private Optional<Finding> solutionAt(int sentenceStart, int i, boolean framed) {
    String t = folded[i];
    boolean lets = t.equals("let") && i + 2 < folded.length && folded[i + 1].equals("'") && folded[i + 2].equals("s");
    if (lets || PROPOSE.contains(t) && !(t.startsWith("propos") && i > 0 && !Set.of("je", "j", "i", "im", "m", "nous", "we").contains(folded[i - 1]))) {
      return Optional.of(finding(Kind.SOLUTION, subjectStart(sentenceStart, i), Math.min(folded.length - 1, i + 2), sentenceStart));
    }
    int outright = phraseAt(SOLUTION_PHRASES, i);
    if (outright >= 0) {
      return Optional.of(finding(Kind.SOLUTION, sentenceStart, outright, sentenceStart));
    }
    if (framed) {
      return Optional.empty();
    }
    if (WANT_THAT.contains(t)) {
      Optional<Finding> demand = demandAfterOpener(sentenceStart, i);
      if (demand.isPresent() || !MUST.contains(t)) {
        return demand;
      }
    }
    if (MUST.contains(t)) {
      int must = mustAt(sentenceStart, i);
      if (must >= 0) {
        return Optional.of(finding(Kind.SOLUTION, subjectStart(sentenceStart, i), must, sentenceStart));
      }
    }
    return Optional.empty();
  }

  /** Where the subject of the verb at {@code verb} starts: back to the clause start, at most five words. */
  private int subjectStart(int sentenceStart, int verb) {
    int from = verb;
    while (from > sentenceStart && !endsClause(folded[from - 1]) && verb - from < 5) {
      from--;
    }
    return from;
  }

  /** The nearest person named before {@code j} in the sentence, else the clause start. */
  private int personBefore(int sentenceStart, int j) {
    for (int k = j - 1; k >= sentenceStart && j - k <= WINDOW; k--) {
      if (isPerson(k)) {
        return k;
      }
    }
    return subjectStart(sentenceStart, j);
  }

  /** "je suis nul", "I feel useless": the label is the speaker's own. */
  private boolean selfBefore(int sentenceStart, int j) {
    for (int k = Math.max(sentenceStart, j - 4); k < j; k++) {
      if (Set.of("je", "j", "i", "im", "me", "m", "moi", "myself", "nous", "we").contains(folded[k])) {
        return true;
      }
      if (isPerson(k) && !Set.of("je", "j", "i").contains(folded[k])) {
        return false;
      }
    }
    return false;
  }

  /** A phrase of contempt starting at {@code i}: returns where it ends, or -1. */
  private int contemptAt(int i) {
    return phraseAt(CONTEMPT, i);
  }

  private int phraseAt(List<String[]> phrases, int i) {
    for (String[] phrase : phrases) {
      int k = i;
      boolean all = true;
      for (String w : phrase) {
        while (k < folded.length && (folded[k].equals("'") || folded[k].equals("-"))) {
          k++;
        }
        if (k >= folded.length || !(w.endsWith("*") ? folded[k].startsWith(w.substring(0, w.length() - 1)) : folded[k].equals(w))) {
          all = false;
          break;
        }
        k++;
      }
      if (all) {
        return k - 1;
      }
    }
    return -1;
  }

  private Finding finding(Kind kind, int from, int judgement, int sentenceStart) {
    int last = clauseEnd(judgement, from);
    return new Finding(kind, sample.substring(spans[from].getStart(), spans[last].getEnd()), aboutFrom(sentenceStart));
  }

  /** "il faut que Bob…", "j'ai besoin que tu me rendes le camion", "I want them to…": a demand, unless it only asks to be heard. */
  private Optional<Finding> demandAfterOpener(int sentenceStart, int opener) {
    String o = folded[opener];
    int k = opener + 1;
    if (k >= folded.length) {
      return Optional.empty();
    }
    boolean que = folded[k].equals("que") || folded[k].equals("qu");
    if (o.startsWith("fa")) { // il faut, il faudrait
      if (opener == 0 || !folded[opener - 1].equals("il")) {
        return Optional.empty();
      }
      k += que ? 1 : 0;
    } else if (o.equals("besoin")) { // "besoin que Bob…": an act asked of someone; "besoin que la charge soit partagée": a need
      if (!que || k + 1 >= folded.length) {
        return Optional.empty();
      }
      for (int j = k + 1; j < folded.length && j <= k + 8 && !endsClause(folded[j]); j++) {
        if (Set.of("soit", "soient", "sois", "soyez", "soyons").contains(folded[j])) {
          return Optional.empty();
        }
      }
      k++;
      if (folded[k].equals("on") || folded[k].equals("nous")) {
        k++; // "besoin qu'on achète un camion": still one solution, unless "qu'on puisse…"
      }
    } else if (Set.of("need", "needs", "want", "wants", "expect", "require", "like").contains(o)) {
      // "I need Bob to…", "I want the board to approve…", "I want a 5000 pound budget line"; "I need to rest" is a need
      if (!(opener > 0 && Set.of("i", "we", "d").contains(folded[opener - 1]))) {
        return Optional.empty();
      }
      int to = -1;
      for (int j = k; j < folded.length && j <= k + 4 && !endsClause(folded[j]); j++) {
        if (folded[j].equals("to")) {
          to = j;
          break;
        }
      }
      if (to == k) {
        return Optional.empty();
      }
      if (to > k) {
        boolean someone = false;
        for (int j = k; j < to; j++) {
          someone |= isPerson(j) || Set.of("us", "them", "him", "her", "everyone", "everybody", "each", "every").contains(folded[j]);
        }
        if (!someone) {
          return Optional.empty(); // "I need time to read": a need
        }
      }
      if (to < 0) {
        if (o.startsWith("need") || !(DETERMINERS.contains(folded[k]) || isPerson(k) || Set.of("a", "an", "all", "every", "each").contains(folded[k]))) {
          return Optional.empty();
        }
      } else {
        k = to + 1;
      }
    } else if (que) { // je veux que, j'exige que, je demande que
      k++;
    } else if (Set.of("veux", "voudrais", "exige", "exigeons", "voulons", "demand", "insist").contains(o)
        && (DETERMINERS.contains(folded[k]) || Set.of("un", "une", "des").contains(folded[k]))) {
      k++; // "je veux une ligne budgétaire…", "j'exige le camion…"
    } else {
      return Optional.empty();
    }
    if (!o.startsWith("fa") && !o.equals("besoin") && !(opener > 0 && Set.of("je", "j", "i", "we", "nous", "d", "on").contains(folded[opener - 1]))) {
      return Optional.empty(); // "il veut que…", "she wants to…": not the speaker's demand
    }
    // "que je…", "que nous…": the speaker's own part
    if (k < folded.length && Set.of("je", "j", "i", "nous", "on").contains(folded[k])) {
      return Optional.empty();
    }
    int content = 0;
    for (int j = k; j < folded.length && j <= k + WINDOW && !endsClause(folded[j]); j++) {
      if (j <= k + 3 && NEED_VERBS.contains(folded[j])) {
        return Optional.empty();
      }
      if (TriageText.content(folded[j])) {
        content++;
      }
    }
    if (content < 2) {
      return Optional.empty();
    }
    return Optional.of(finding(Kind.SOLUTION, subjectStart(sentenceStart, opener), Math.min(folded.length - 1, k + 1), sentenceStart));
  }

  /** A person: you, he/she/they, a role or group ("the board"), or a name (a capitalised word that is no ordinary word). */
  private boolean isPerson(int i) {
    String t = folded[i];
    if (matches(ROLES, t) && t.codePoints().allMatch(Character::isLetter)) {
      return true;
    }
    if (you.contains(t)) {
      if (t.equals("t")) { // "t'es", "t'as": only the elided subject, not "t" alone
        return i + 2 < folded.length && folded[i + 1].equals("'");
      }
      if (t.equals("vous") && i > 0 && Set.of("je", "j", "nous", "on").contains(folded[i - 1])) {
        // "je vous remercie": "vous" is the object; still a verdict when what follows judges ("je vous trouve nuls")
        return i + 1 < folded.length && Set.of("trouve", "trouvons").contains(folded[i + 1]);
      }
      return true;
    }
    if (they.contains(t)) {
      if (t.equals("il") && i + 1 < folded.length && IMPERSONAL_AFTER_IL.contains(folded[i + 1])) {
        return false;
      }
      return true;
    }
    return capital[i] && !NOT_NAMES.contains(t) && !TriageText.isStopWord(t) && t.codePoints().allMatch(Character::isLetter);
  }

  private int judgementAfter(int person, boolean framed) {
    for (int j = person + 1; j < folded.length && j <= person + WINDOW; j++) {
      if (endsClause(folded[j])) {
        return -1;
      }
      if (labelAt(j) && !selfAfter(person, j)) {
        return j;
      }
      if (framed && !stopAsked(person, j)) {
        continue;
      }
      if (ABSOLUTES.contains(folded[j]) || matches(JUDGEMENTS, folded[j]) || deniedAt(person, j)
          || intentionAt(person, j)) {
        return j;
      }
    }
    return -1;
  }

  /** A label, not a word that only looks like one ("nulle part": nowhere). */
  private boolean labelAt(int j) {
    return matches(LABELS, folded[j]) && !(folded[j].equals("nulle") && j + 1 < folded.length && folded[j + 1].equals("part"));
  }

  /** "j'ai besoin que Bob arrête de nous mépriser": a judgement asked to stop is still a judgement. */
  private boolean stopAsked(int person, int j) {
    for (int k = person + 1; k < j; k++) {
      if (folded[k].startsWith("arret") || folded[k].startsWith("stop") || folded[k].startsWith("cess") || folded[k].equals("quit")) {
        return true;
      }
    }
    return false;
  }

  /** "il me trouve nul": the label is the speaker's, not a verdict on the other. */
  private boolean selfAfter(int person, int j) {
    for (int k = person + 1; k < j; k++) {
      if (Set.of("me", "m", "moi", "je", "j", "i").contains(folded[k])) {
        return true;
      }
    }
    return false;
  }

  private boolean intentionAt(int person, int j) {
    if (!matches(INTENTIONS, folded[j])) {
      return false;
    }
    String t = folded[j];
    if (t.equals("expres") || t.equals("volontairement") || t.equals("obviously") || t.equals("evidemment") || t.equals("deliberement") || t.equals("deliberately")
        || t.equals("intentionally") || t.equals("purpose") || t.startsWith("calcul")) {
      return true;
    }
    // "il veut nous…", "she's trying to push us out", "ils cherchent à…": an aim lent to them, against us
    for (int k = j + 1; k < folded.length && k <= j + 4; k++) {
      if (Set.of("nous", "us", "me", "m", "moi", "our", "nos", "notre", "mes", "my").contains(folded[k])) {
        return true;
      }
    }
    return false;
  }

  /**
   * "Bob doit me rendre le camion", "the van must stay with us", "we should hire…": an obligation put
   * on someone or something, with a specific act; not the speaker's own ("je dois récupérer mes enfants").
   * Returns where the demand's verb is, or -1.
   */
  private int mustAt(int sentenceStart, int j) {
    String t = folded[j];
    if (Set.of("has", "have", "needs", "need", "ought").contains(t) && !(j + 1 < folded.length && folded[j + 1].equals("to"))) {
      return -1; // "he has a van", "they need money": not a demand
    }
    if (t.equals("better") && !(j > 0 && Set.of("d", "had").contains(folded[j - 1]))) {
      return -1;
    }
    for (int k = Math.max(sentenceStart, j - 3); k < j; k++) {
      if (Set.of("je", "j", "i", "ca", "cela", "it", "this", "that", "if", "si", "what", "ce").contains(folded[k])
          || endsClause(folded[k])) {
        if (endsClause(folded[k])) {
          continue;
        }
        return -1;
      }
    }
    if (j == sentenceStart) {
      return -1;
    }
    boolean own = Set.of("need", "needs").contains(t)
        || j > 0 && Set.of("we", "nous", "on").contains(folded[j - 1]) && Set.of("devons", "doit").contains(t);
    int content = 0;
    for (int k = j + 1; k < folded.length && k <= j + WINDOW && !endsClause(folded[k]); k++) {
      if (k <= j + 3 && (NEED_VERBS.contains(folded[k]) || own && OWN_NEED_VERBS.contains(folded[k]))) {
        return -1;
      }
      if (TriageText.content(folded[k])) {
        content++;
      }
    }
    return content >= 1 ? Math.min(folded.length - 1, j + 1) : -1;
  }

  private boolean deniedAt(int person, int j) {
    if (!matches(DENIED, folded[j])) {
      return false;
    }
    for (int k = person + 1; k <= Math.min(folded.length - 1, j + 1); k++) {
      if (k != j && NEGATIONS.contains(folded[k])) {
        return true;
      }
    }
    return false;
  }

  /** "Je me sens mis à l'écart quand vous…": the speaker already talks about themself. */
  private boolean startsWithIMessage(int from, int person) {
    return startsWith(I_FEEL, from, person);
  }

  private boolean startsWith(Set<String> openers, int from, int person) {
    for (int k = from; k < person; k++) {
      if (openers.contains(folded[k])) {
        return true;
      }
    }
    return false;
  }

  private boolean isRequest(int from, int person) {
    for (int k = Math.max(from, person - 2); k <= Math.min(folded.length - 1, person + 1); k++) {
      if (REQUEST_VERBS.contains(folded[k])) {
        return true;
      }
    }
    return false;
  }

  /** The statement runs on to the end of its clause, so the person recognises their words. */
  private int clauseEnd(int judgement, int from) {
    int last = judgement;
    for (int j = judgement + 1; j < folded.length && j - from < LONGEST_FRAGMENT; j++) {
      if (endsClause(folded[j])) {
        break;
      }
      last = j;
    }
    return last;
  }

  /** The first thing named with a determiner ("le camion", "our deliveries"), in the member's words. */
  String aboutFrom(int from) {
    for (int i = from; i < folded.length - 1; i++) {
      if (endsSentence(folded[i]) && i > from) {
        break;
      }
      if (!DETERMINERS.contains(folded[i]) || (folded[i].equals("l") && !(i + 1 < folded.length && folded[i + 1].equals("'")))) {
        continue;
      }
      int first = folded[i].equals("l") ? i + 2 : i + 1;
      int last = first - 1;
      for (int j = first; j < folded.length && j < first + 2; j++) {
        if (endsClause(folded[j]) || PHRASE_STOP.contains(folded[j]) || !folded[j].codePoints().allMatch(Character::isLetter)
            || isPerson(j) || matches(LABELS, folded[j]) || matches(JUDGEMENTS, folded[j]) || ABSOLUTES.contains(folded[j])) {
          break;
        }
        last = j;
      }
      if (last >= first && TriageText.content(folded[last])) {
        String phrase = sample.substring(spans[i].getStart(), spans[last].getEnd());
        // "avec du matériel" → "le matériel": the example reads "compter sur le matériel"
        return switch (folded[i]) {
          case "du" -> (Character.isUpperCase(phrase.charAt(0)) ? "Le" : "le") + phrase.substring(2);
          case "des" -> (Character.isUpperCase(phrase.charAt(0)) ? "Les" : "les") + phrase.substring(3);
          default -> phrase;
        };
      }
    }
    return "";
  }

  /** The first sentence, shortened, for a finding of the classifier. */
  String firstSentence() {
    int last = 0;
    for (int j = 0; j < folded.length && j < LONGEST_FRAGMENT * 2; j++) {
      if (endsSentence(folded[j])) {
        break;
      }
      last = j;
    }
    return folded.length == 0 ? sample.strip() : sample.substring(spans[0].getStart(), spans[last].getEnd());
  }
}
