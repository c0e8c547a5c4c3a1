package org.trame.core.conflict.triage;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The I-message coach's words, folded (no accents, lower case): who a statement can name, the
 * words that judge a person, the words that demand one solution, and those that make a statement
 * a need or a request after all. Read by {@link CoachReading}; a prefix ends with '*'.
 */
final class CoachLexicon {

  private CoachLexicon() {}

  /** How far after the person a judgement still belongs to the same statement. */
  static final int WINDOW = 8;
  static final int LONGEST_FRAGMENT = 14;

  static final Set<String> YOU_FR = Set.of("tu", "t", "vous", "toi", "ton", "ta", "tes", "votre", "vos");
  static final Set<String> YOU_EN = Set.of("you", "your", "youre", "u", "ur");
  /** The other party spoken of in the third person (a name is recognised by its capital). */
  static final Set<String> THEY_FR = Set.of("il", "elle", "ils", "elles", "lui", "eux", "personne", "certains",
      "certaines", "autres");
  static final Set<String> THEY_EN = Set.of("he", "she", "they", "hes", "shes", "theyre", "nobody", "noone",
      "everyone", "everybody", "people");
  /** People named by their role or group ("le bureau", "the board", "les bénévoles du jeudi"), folded; a prefix ends with '*'. */
  static final List<String> ROLES = List.of("bureau", "tresorier*", "tresoriere*", "president*", "coordinat*",
      "conseil", "comite", "equipe*", "salarie*", "benevole*", "partenaire*", "gens", "secretari*", "antenne*", "pole",
      "direction", "directeur*", "directrice*", "responsable*", "membre*", "collectif*", "association*", "asso",
      "federation", "fede", "elus", "mairie", "groupe*", "voisin*", "collegue*", "animat*", "permanent*", "referent*",
      "board", "coordinator*", "treasurer*", "chair", "chairs", "secretary", "team", "teams", "staff", "partner*",
      "volunteer*", "hub", "hubs", "group", "groups", "collective", "members", "member", "manager*", "director*",
      "guys", "colleague*", "neighbour*", "neighbor*", "office", "branch", "committee", "admin", "council", "trustees");
  /** Words of one language that are ordinary words in the other ("a ton of work", "you are a t-rex"). */
  static final Set<String> FALSE_FRIENDS = Set.of("ton", "ta", "t", "u", "he", "people", "personne", "autres");
  /** "il faut", "il y a", "il est temps": impersonal "il" names no one. */
  static final Set<String> IMPERSONAL_AFTER_IL = Set.of("faut", "fallait", "faudrait", "faudra", "y", "reste",
      "manque", "arrive", "semble", "parait", "suffit", "s", "pleut", "existe", "est-ce", "etait", "sera", "serait");
  /** Capitalised words that are not names. */
  static final Set<String> NOT_NAMES = words("i", "je", "j", "nous", "we", "on", "le", "la", "les", "l",
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
  static final Set<String> ABSOLUTES = Set.of("toujours", "jamais", "always", "never", "constantly", "forever",
      "systematiquement", "systematically", "sans cesse", "chaque fois", "every time");
  /** Labels: a verdict on the person even inside an I-message ("j'ai besoin que tu arrêtes d'être égoïste"). */
  static final List<String> LABELS = List.of(
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
  static final List<String> JUDGEMENTS = List.of(
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
  static final List<String> INTENTIONS = List.of("expres", "volontairement", "deliberement", "intention",
      "cherche*", "veut", "veulent", "voulait", "voulaient", "purpose", "deliberately", "intentionally", "wants",
      "want", "wanted", "trying", "try", "tries", "tried", "obviously", "evidemment", "forcement", "calcul*", "malin", "jeu");
  /** Ordinary verbs that judge only when denied: "tu ne respectes pas", "you don't listen". */
  static final List<String> DENIED = List.of("respect*", "ecout*", "comprend*", "comprenn*", "compri*", "tien*",
      "fais", "fait", "font", "faites", "lis", "lit", "lisez", "lire", "repond*", "aid*", "particip*", "previen*",
      "rang*", "nettoi*", "nettoy*", "rend*", "rapport*", "partag*", "demand*", "consult*", "pense*", "soucie*",
      "care", "cares", "listen*", "answer*", "read", "reads", "understand*", "keep*", "idea", "clue", "help*",
      "clean*", "share*", "ask*", "consult*", "think*", "return*", "bother*", "show*", "pull*", "contribut*",
      "reply", "replies", "respond*", "do", "does", "give*", "tell*", "inform*");
  static final Set<String> NEGATIONS = words("ne", "n", "pas", "plus", "not", "never", "no", "t", "dont",
      "doesnt", "didnt", "cannot", "jamais", "won", "isn", "aren", "wasn", "weren", "doesn", "don", "didn", "can",
      "nt");
  /** Words that open an I-message: the statement is already about the speaker. */
  static final Set<String> I_FEEL = Set.of("sens", "ressens", "feel", "felt", "inquiete", "worried", "besoin",
      "need", "quand", "when", "lorsque", "whenever", "si", "if");
  /** Words that put what follows under a condition or a feeling: "quand Bob prend le camion, je…". */
  static final Set<String> WHEN_FEEL = words("sens", "ressens", "feel", "felt", "quand", "when", "lorsque",
      "whenever", "si", "if");
  /** A request, not a verdict: "tu peux m'envoyer le fichier ?", "could you...". */
  static final Set<String> REQUEST_VERBS = Set.of("peux", "pourrais", "pouvez", "pourriez", "voudrais",
      "voudriez", "can", "could", "would", "will", "please", "thank", "thanks", "merci");
  /** Modals of obligation: after a person, the demand of a solution ("Bob doit…", "they should…"). */
  static final Set<String> MUST = words("doit", "doivent", "devrait", "devraient", "devra", "devront",
      "dois", "devez", "devriez", "devrais", "must", "should", "shall", "ought", "has", "have", "needs", "need",
      "better", "oblige", "obligee", "obliges", "obligees", "tenu", "tenue", "tenus", "tenues");
  /** Openers of a demand whoever follows: "il faut que", "j'exige que", "I want Bob to". */
  static final Set<String> WANT_THAT = words("faut", "faudrait", "exige", "exigeons", "veux", "voudrais",
      "voulons", "voudrions", "souhaite", "souhaitons", "demande", "demandons", "besoin", "want", "demand", "insist",
      "need", "expect", "require", "needs", "wants");
  /** Words that put forward one solution outright. */
  static final Set<String> PROPOSE = words("propose", "proposing", "negociable", "negotiable");
  /** Phrases that close the discussion on one solution. */
  static final List<String[]> SOLUTION_PHRASES = phrases("seule solution", "only way", "only solution",
      "no exceptions", "sans exception", "point final", "rien d autre", "nothing else", "c est tout", "that s all");
  /** Contempt, as token sequences (apostrophes skipped); a prefix ends with '*'. */
  static final List<String[]> CONTEMPT = phrases("s en fout*", "s en fich*", "en a rien a faire",
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
  static final Set<String> OWN_NEED_VERBS = words("be", "feel", "know", "keep", "talk", "plan", "rely", "count",
      "have", "get", "etre", "sentir", "savoir", "comprendre", "garder", "parler", "compter", "avoir", "welcome",
      "accueillir", "find", "trouver", "make", "faire", "take", "prendre", "stay", "rester");
  static final Set<String> NEED_VERBS = words("able", "capable", "capables", "pouvoir", "puisse", "puisses",
      "puissions", "puissiez", "puissent", "sentir", "sentent", "sente", "ecoute", "ecoutes", "ecoutiez", "ecoutent", "comprenne",
      "comprennes", "compreniez", "comprennent", "listen", "understand", "know", "sache", "saches", "sachiez",
      "sachent", "soutienne", "soutiennes", "souteniez", "support", "trust", "confiance", "reconnaisse",
      "reconnaissiez", "acknowledge", "recognise", "recognize", "hear");
  static final Set<String> DETERMINERS = Set.of("le", "la", "les", "l", "nos", "notre", "mes", "mon", "ma",
      "ce", "cette", "ces", "cet", "du", "des", "the", "our", "my", "this", "these", "those");
  /** Words that end a noun phrase taken as what the statement is about. */
  static final Set<String> PHRASE_STOP = words("et", "ou", "and", "or", "qui", "que", "qu", "quand", "when",
      "who", "that", "which", "parce", "because", "pour", "for", "de", "d", "of", "a", "to", "at", "on", "in",
      "chaque", "every", "tous", "toutes", "le", "la", "les", "l", "the", "est", "is", "sont", "are", "sans",
      "without", "depuis", "since", "comme", "like", "avec", "with", "mais", "but", "pas", "not", "en", "au", "aux",
      "il", "elle", "ils", "elles", "he", "she", "they", "je", "j", "i", "nous", "we", "on", "y", "ne", "n", "back", "up",
      "out", "off", "over", "away", "down", "again", "encore", "aussi", "also", "too", "now", "maintenant", "pile",
      "sharp", "only", "seulement", "uniquement", "toujours", "jamais", "always", "never", "from", "by", "par", "as");

  static List<String[]> phrases(String... phrases) {
    return java.util.Arrays.stream(phrases).map(p -> p.split("[ -]")).toList();
  }

  /** A set written with repeats allowed. */
  static Set<String> words(String... words) {
    return Set.copyOf(new HashSet<>(List.of(words)));
  }

  static boolean matches(List<String> words, String token) {
    for (String j : words) {
      if (j.endsWith("*") ? token.startsWith(j.substring(0, j.length() - 1)) : token.equals(j)) {
        return true;
      }
    }
    return false;
  }

  static boolean endsSentence(String token) {
    return token.equals(".") || token.equals("!") || token.equals("?") || token.equals(";") || token.equals("\n");
  }

  static boolean endsClause(String token) {
    return endsSentence(token) || token.equals(",") || token.equals(":") || token.equals("(") || token.equals(")")
        || token.toLowerCase(Locale.ROOT).equals("mais") || token.equals("but");
  }
}
