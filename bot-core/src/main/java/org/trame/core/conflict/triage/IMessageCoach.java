package org.trame.core.conflict.triage;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;
import org.trame.core.i18n.Lang;

/**
 * Spots what keeps a statement of needs from being one (seed 004, tool sheet 3): a judgement of a
 * person ("tu es toujours en retard", "Bob never listens", "ils ne respectent jamais rien": a label,
 * a generalisation, an intention lent to them), whoever it names, or the demand of one specific
 * solution ("Bob doit me rendre le camion chaque lundi") standing in for the need it would meet.
 * The person can then be asked, once, for the need, feeling or concrete effect behind it.
 *
 * <p>Rules over OpenNLP tokens; {@link CoachModel} adds a document classifier trained on the
 * labelled corpus {@code coach/train.tsv} for what the rules do not see.
 */
public final class IMessageCoach {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IMessageCoach.class);

  /** What the statement does instead of saying a need. */
  public enum Kind {
    /** Judges a person: a label, always/never, an intention lent to them. */
    BLAME,
    /** Asks for one specific solution ("Bob must give the van back every Monday"). */
    SOLUTION
  }

  /**
   * What was found.
   *
   * @param fragment the member's own words, e.g. "tu es toujours en retard"
   * @param about what the statement is about in the member's words ("le camion", "the van"), or
   *     empty when no such thing is named; used to build an example from their words
   */
  public record Finding(Kind kind, String fragment, String about) {
    public Finding {
      if (kind == null || fragment == null) {
        throw new IllegalArgumentException("a finding needs a kind and a fragment");
      }
      about = about == null ? "" : about;
    }
  }

  /** How far after the person a judgement still belongs to the same statement. */
  private static final int WINDOW = 8;
  private static final int LONGEST_FRAGMENT = 14;

  private static final Set<String> YOU_FR = Set.of("tu", "t", "vous", "toi", "ton", "ta", "tes", "votre", "vos");
  private static final Set<String> YOU_EN = Set.of("you", "your", "youre", "u", "ur");
  /** The other party spoken of in the third person (a name is recognised by its capital). */
  private static final Set<String> THEY_FR = Set.of("il", "elle", "ils", "elles", "lui", "eux", "personne", "certains",
      "certaines", "autres");
  private static final Set<String> THEY_EN = Set.of("he", "she", "they", "hes", "shes", "theyre", "nobody", "noone",
      "everyone", "everybody", "people");
  /** People named by their role or group ("le bureau", "the board", "les bénévoles du jeudi"), folded; a prefix ends with '*'. */
  private static final List<String> ROLES = List.of("bureau", "tresorier*", "tresoriere*", "president*", "coordinat*",
      "conseil", "comite", "equipe*", "salarie*", "benevole*", "partenaire*", "gens", "secretari*", "antenne*", "pole",
      "direction", "directeur*", "directrice*", "responsable*", "membre*", "collectif*", "association*", "asso",
      "federation", "fede", "elus", "mairie", "groupe*", "voisin*", "collegue*", "animat*", "permanent*", "referent*",
      "board", "coordinator*", "treasurer*", "chair", "chairs", "secretary", "team", "teams", "staff", "partner*",
      "volunteer*", "hub", "hubs", "group", "groups", "collective", "members", "member", "manager*", "director*",
      "guys", "colleague*", "neighbour*", "neighbor*", "office", "branch", "committee", "admin", "council", "trustees");
  /** Words of one language that are ordinary words in the other ("a ton of work", "you are a t-rex"). */
  private static final Set<String> FALSE_FRIENDS = Set.of("ton", "ta", "t", "u", "he", "people", "personne", "autres");
  /** "il faut", "il y a", "il est temps": impersonal "il" names no one. */
  private static final Set<String> IMPERSONAL_AFTER_IL = Set.of("faut", "fallait", "faudrait", "faudra", "y", "reste",
      "manque", "arrive", "semble", "parait", "suffit", "s", "pleut", "existe", "est-ce", "etait", "sera", "serait");
  /** Capitalised words that are not names. */
  private static final Set<String> NOT_NAMES = words("i", "je", "j", "nous", "we", "on", "le", "la", "les", "l",
      "un", "une", "des", "the", "a", "an", "our", "my", "mon", "ma", "mes", "notre", "nos", "quand", "when", "si",
      "if", "depuis", "since", "hier", "yesterday", "ce", "cette", "ces", "this", "that", "these", "franchement",
      "honestly", "sorry", "desole", "desolee", "bonjour", "hello", "hi", "salut", "lundi", "mardi", "mercredi",
      "jeudi", "vendredi", "samedi", "dimanche", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "mais", "but", "et", "and", "alors", "so", "pour", "for", "dans", "in", "avec", "with", "en", "at",
      "on", "ca", "it", "its", "there", "here", "ici", "oui", "non", "yes", "no", "ok", "merci", "thanks", "thank",
      "c", "moi", "me", "il", "elle", "ils", "elles", "he", "she", "they", "what", "why", "how", "pourquoi",
      "comment", "la", "du", "au", "aux", "par", "by", "of", "de", "d", "as", "comme", "lorsque", "chaque", "every",
      "each", "all", "tout", "tous", "toute", "toutes", "plus", "more", "most", "parfois", "sometimes", "souvent",
      "often", "après", "apres", "after", "avant", "before", "pendant", "during", "while", "enfin", "finally",
      "aujourd", "today", "demain", "tomorrow", "seul", "seule", "only", "just", "personne", "autres", "certains",
      "certaines", "everyone", "nobody", "people", "pr", "dr", "mr", "mrs", "ms", "mme", "m");
  /** Absolutes that turn a remark into a verdict on the person. */
  private static final Set<String> ABSOLUTES = Set.of("toujours", "jamais", "always", "never", "constantly", "forever",
      "systematiquement", "systematically", "sans cesse", "chaque fois", "every time");
  /** Labels: a verdict on the person even inside an I-message ("j'ai besoin que tu arrêtes d'être égoïste"). */
  private static final List<String> LABELS = List.of(
      // fr
      "irresponsable*", "incompetent*", "nul", "nuls", "nulle", "nulles", "egoiste*", "paresseu*", "malhonnete*",
      "menteu*", "hypocrite*", "negligent*", "desorganise*", "ingerable*", "insupportable*", "arrogant*",
      "meprisant*", "incapable*", "feignant*", "faineant*", "radin*", "tyran*", "manipulat*", "immature*",
      "borne*", "teteu*", "stupide*", "idiot*", "con", "cons", "conne*", "bete*", "lache*", "pervers*", "toxique*",
      "autoritaire*", "irrespectueu*", "ingrat*", "profiteu*", "sans-gene", "je-m'en-foutiste*", "inutile*",
      "brouillon*", "rigide*", "controlant*", "malpoli*", "impoli*", "egocentrique*", "jalou*", "amateur*",
      "gamin*", "susceptible*", "puerile*", "capricieu*", "obtus*", "mesquin*", "lenteur", "sournois*", "menteu*", "vicieu*",
      // en
      "irresponsible", "incompetent", "useless", "lazy", "selfish", "rude", "unreliable", "careless", "sloppy",
      "dishonest", "liar", "liars", "arrogant", "hopeless", "pathetic", "stupid", "clueless", "unprofessional",
      "incapable", "disrespectful", "inconsiderate", "bossy", "controlling", "manipulative", "toxic", "immature",
      "idiot*", "greedy", "stubborn", "disorganized", "disorganised", "entitled", "thoughtless", "arrogance",
      "ungrateful", "rigid", "petty", "hypocrit*", "jealous", "obstructive", "stingy", "amateur*", "childish",
      "drama", "sneaky", "spineless", "narrow", "self-centred", "egotistic*", "condescending", "patronising",
      "patronizing", "bossy", "dishonest", "incompetence", "cowards", "coward", "bully", "bullies", "tyrant", "freeloader*", "passive-aggressive");
  /** Judgements and blames, folded (no accents, lower case); a prefix ends with '*'. */
  private static final List<String> JUDGEMENTS = List.of(
      // fr
      "mentez", "mens", "ment", "mentent", "ignore*", "ignorez", "sabot*", "fich*", "fout*", "moqu*", "impose*",
      "imposez", "manipul*", "profit*", "accapar*", "monopolis*", "squatt*", "mepris*",
      "retard", "faute", "tort", "pire", "inadmissible", "inacceptable", "honte", "bacle*", "n'importe",
      "importe", "aucun", "rien", "traine", "egoisme", "n'en", "decid*", "critique*", "rabaiss*", "coup*", "oubli*",
      // en
      "lie", "lies", "lying", "lied", "ignore*", "disrespect*", "sabotag*", "wrong", "fault", "late", "blame*",
      "manipulat*", "impossible", "exploit*", "hog*", "grab*", "bail*", "forget*", "forgot*", "dump*", "whatever",
      "anything", "nothing", "interrupt*", "undermin*", "steal*", "stole*", "hijack*", "ridiculous");
  /** An intention lent to the other: they did it on purpose. */
  private static final List<String> INTENTIONS = List.of("expres", "volontairement", "deliberement", "intention",
      "cherche*", "veut", "veulent", "voulait", "voulaient", "purpose", "deliberately", "intentionally", "wants",
      "want", "wanted", "trying", "try", "tries", "tried", "obviously", "evidemment", "forcement", "calcul*", "malin", "jeu");
  /** Ordinary verbs that judge only when denied: "tu ne respectes pas", "you don't listen". */
  private static final List<String> DENIED = List.of("respect*", "ecout*", "comprend*", "comprenn*", "compri*", "tien*",
      "fais", "fait", "font", "faites", "lis", "lit", "lisez", "lire", "repond*", "aid*", "particip*", "previen*",
      "rang*", "nettoi*", "nettoy*", "rend*", "rapport*", "partag*", "demand*", "consult*", "pense*", "soucie*",
      "care", "cares", "listen*", "answer*", "read", "reads", "understand*", "keep*", "idea", "clue", "help*",
      "clean*", "share*", "ask*", "consult*", "think*", "return*", "bother*", "show*", "pull*", "contribut*",
      "reply", "replies", "respond*", "do", "does", "give*", "tell*", "inform*");
  private static final Set<String> NEGATIONS = words("ne", "n", "pas", "plus", "not", "never", "no", "t", "dont",
      "doesnt", "didnt", "cannot", "jamais", "won", "isn", "aren", "wasn", "weren", "doesn", "don", "didn", "can",
      "nt");
  /** Words that open an I-message: the statement is already about the speaker. */
  private static final Set<String> I_FEEL = Set.of("sens", "ressens", "feel", "felt", "inquiete", "worried", "besoin",
      "need", "quand", "when", "lorsque", "whenever", "si", "if");
  /** Words that put what follows under a condition or a feeling: "quand Bob prend le camion, je…". */
  private static final Set<String> WHEN_FEEL = words("sens", "ressens", "feel", "felt", "quand", "when", "lorsque",
      "whenever", "si", "if");
  /** A request, not a verdict: "tu peux m'envoyer le fichier ?", "could you...". */
  private static final Set<String> REQUEST_VERBS = Set.of("peux", "pourrais", "pouvez", "pourriez", "voudrais",
      "voudriez", "can", "could", "would", "will", "please", "thank", "thanks", "merci");
  /** Modals of obligation: after a person, the demand of a solution ("Bob doit…", "they should…"). */
  private static final Set<String> MUST = words("doit", "doivent", "devrait", "devraient", "devra", "devront",
      "dois", "devez", "devriez", "devrais", "must", "should", "shall", "ought", "has", "have", "needs", "need",
      "better", "oblige", "obligee", "obliges", "obligees", "tenu", "tenue", "tenus", "tenues");
  /** Openers of a demand whoever follows: "il faut que", "j'exige que", "I want Bob to". */
  private static final Set<String> WANT_THAT = words("faut", "faudrait", "exige", "exigeons", "veux", "voudrais",
      "voulons", "voudrions", "souhaite", "souhaitons", "demande", "demandons", "besoin", "want", "demand", "insist",
      "need", "expect", "require", "needs", "wants");
  /** Words that put forward one solution outright. */
  private static final Set<String> PROPOSE = words("propose", "proposing", "negociable", "negotiable");
  /** Phrases that close the discussion on one solution. */
  private static final List<String[]> SOLUTION_PHRASES = phrases("seule solution", "only way", "only solution",
      "no exceptions", "sans exception", "point final", "rien d autre", "nothing else", "c est tout", "that s all");
  /** Contempt, as token sequences (apostrophes skipped); a prefix ends with '*'. */
  private static final List<String[]> CONTEMPT = phrases("s en fout*", "s en fich*", "en a rien a faire",
      "en ont rien a faire", "n en a rien a", "mauvaise foi", "mauvaise volonte", "bande de", "bunch of",
      "control freak", "se croit", "se croient", "au-dessus des regles", "above the rules", "comme d habitude",
      "as usual", "quel culot", "sans gene", "je m en foutiste*", "passive aggressive", "self centred", "self centered", "de haut", "se defile*", "font bande a part", "dans notre dos", "behind our back*",
      "comme de la main", "like free", "zero respect", "has no respect", "have no respect", "thinks he s", "thinks she s",
      "think they re", "plays the victim", "joue les victime*", "bare minimum", "strict minimum", "pulls its weight",
      "pull their weight", "pulls his weight", "pulls her weight", "pas de confiance", "ne sait pas gerer",
      "doesn t know how", "don t know how", "has a clue", "have a clue", "n importe quoi", "se faire mousser",
      "se mettre en avant", "look good", "photo op", "comme si c etait", "acts like", "act like", "two-faced",
      "know-it-all", "grow up", "grandir", "son temps a", "passe son temps", "spends * time", "ne pense qu",
      "only cares", "only care", "only think*", "que pour leur", "que pour sa", "que pour son", "all the credit",
      "tout le credit", "tout controler", "control everything", "retourne sa veste", "quand ca leur chante",
      "quand ca l arrange", "whenever it suits", "when they feel like", "comme toujours", "as always", "again and again");
  /** Verbs that stand for no specific solution, only a need put on someone ("j'ai besoin que tu m'écoutes" is a need). */
  /** After "we need to", "nous devons": what the speakers need rather than a solution. */
  private static final Set<String> OWN_NEED_VERBS = words("be", "feel", "know", "keep", "talk", "plan", "rely", "count",
      "have", "get", "etre", "sentir", "savoir", "comprendre", "garder", "parler", "compter", "avoir", "welcome",
      "accueillir", "find", "trouver", "make", "faire", "take", "prendre", "stay", "rester");
  private static final Set<String> NEED_VERBS = words("able", "capable", "capables", "pouvoir", "puisse", "puisses",
      "puissions", "puissiez", "puissent", "sentir", "sentent", "sente", "ecoute", "ecoutes", "ecoutiez", "ecoutent", "comprenne",
      "comprennes", "compreniez", "comprennent", "listen", "understand", "know", "sache", "saches", "sachiez",
      "sachent", "soutienne", "soutiennes", "souteniez", "support", "trust", "confiance", "reconnaisse",
      "reconnaissiez", "acknowledge", "recognise", "recognize", "hear");
  private static final Set<String> DETERMINERS = Set.of("le", "la", "les", "l", "nos", "notre", "mes", "mon", "ma",
      "ce", "cette", "ces", "cet", "du", "des", "the", "our", "my", "this", "these", "those");
  /** Words that end a noun phrase taken as what the statement is about. */
  private static final Set<String> PHRASE_STOP = words("et", "ou", "and", "or", "qui", "que", "qu", "quand", "when",
      "who", "that", "which", "parce", "because", "pour", "for", "de", "d", "of", "a", "to", "at", "on", "in",
      "chaque", "every", "tous", "toutes", "le", "la", "les", "l", "the", "est", "is", "sont", "are", "sans",
      "without", "depuis", "since", "comme", "like", "avec", "with", "mais", "but", "pas", "not", "en", "au", "aux",
      "il", "elle", "ils", "elles", "he", "she", "they", "je", "j", "i", "nous", "we", "on", "y", "ne", "n", "back", "up",
      "out", "off", "over", "away", "down", "again", "encore", "aussi", "also", "too", "now", "maintenant", "pile",
      "sharp", "only", "seulement", "uniquement", "toujours", "jamais", "always", "never", "from", "by", "par", "as");

  private final CoachModel model;
  private final double sure;

  /** The rules alone. */
  public IMessageCoach() {
    this(null);
  }

  /** The rules, and the trained classifier for what they miss (null: the rules alone). */
  public IMessageCoach(CoachModel model) {
    this(model, CoachModel.SURE);
  }

  IMessageCoach(CoachModel model, double sure) {
    this.model = model;
    this.sure = sure;
  }

  /** The rules and the classifier trained on the packaged corpus, trained in the background. */
  public static IMessageCoach packagedInBackground() {
    return new IMessageCoach(CoachModel.packagedInBackground());
  }

  /** The rules and the classifier trained on the packaged corpus. */
  public static IMessageCoach packaged() {
    return new IMessageCoach(CoachModel.packaged());
  }

  /**
   * A judgement of a person or the demand of one solution, found with OpenNLP tokenisation,
   * rules and, when it is there, the trained classifier.
   *
   * @param lang the member's language; the other language's pronouns count too (members switch),
   *     except those that are ordinary words there
   */
  public Optional<Finding> check(String text, Lang lang) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String sample = text.length() > 5_000 ? text.substring(0, 5_000) : text;
    Optional<Finding> ruled = new Reading(sample, lang).find();
    if (ruled.isPresent() || model == null) {
      return ruled;
    }
    Optional<Kind> kind;
    try {
      kind = model.kind(sample, sure);
    } catch (RuntimeException e) {
      // the rules still coach; a classifier that could not train must not take the party's turn down
      log.warn("the coach's classifier is unavailable, rules only: {}", e.getMessage());
      return ruled;
    }
    return kind.map(k -> {
      Reading r = new Reading(sample, lang);
      return new Finding(k, r.firstSentence(), r.aboutFrom(0));
    });
  }

  /** One text, tokenised and folded. */
  private static final class Reading {
    private final String sample;
    private final Span[] spans;
    private final String[] folded;
    private final boolean[] capital;
    private final Set<String> you = new HashSet<>();
    private final Set<String> they = new HashSet<>();

    Reading(String sample, Lang lang) {
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

  private static List<String[]> phrases(String... phrases) {
    return java.util.Arrays.stream(phrases).map(p -> p.split("[ -]")).toList();
  }

  /** A set written with repeats allowed. */
  private static Set<String> words(String... words) {
    return Set.copyOf(new HashSet<>(List.of(words)));
  }

  private static boolean matches(List<String> words, String token) {
    for (String j : words) {
      if (j.endsWith("*") ? token.startsWith(j.substring(0, j.length() - 1)) : token.equals(j)) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsSentence(String token) {
    return token.equals(".") || token.equals("!") || token.equals("?") || token.equals(";") || token.equals("\n");
  }

  private static boolean endsClause(String token) {
    return endsSentence(token) || token.equals(",") || token.equals(":") || token.equals("(") || token.equals(")")
        || token.toLowerCase(Locale.ROOT).equals("mais") || token.equals("but");
  }
}
