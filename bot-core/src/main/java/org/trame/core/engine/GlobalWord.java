package org.trame.core.engine;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The words a member can say at any step, in either language. */
public enum GlobalWord {
  HELP, BACK, SKIP, PAUSE, RESUME, CANCEL;

  private static final Map<String, GlobalWord> WORDS = Map.ofEntries(
      Map.entry("help", HELP), Map.entry("aide", HELP), Map.entry("?", HELP),
      Map.entry("back", BACK), Map.entry("retour", BACK), Map.entry("precedent", BACK),
      Map.entry("skip", SKIP), Map.entry("passer", SKIP), Map.entry("passe", SKIP),
      Map.entry("pause", PAUSE),
      Map.entry("resume", RESUME), Map.entry("reprendre", RESUME), Map.entry("continuer", RESUME),
      Map.entry("cancel", CANCEL), Map.entry("annuler", CANCEL), Map.entry("stop", CANCEL));

  /** The word {@code text} says, if it is exactly one of them (case and accents ignored). */
  public static Optional<GlobalWord> parse(String text) {
    if (text == null || text.length() > 20) {
      return Optional.empty();
    }
    return Optional.ofNullable(WORDS.get(normalize(text)));
  }

  /** Lower case, trimmed, accents removed: {@code Précédent } becomes {@code precedent}. */
  public static String normalize(String text) {
    String n = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return n.toLowerCase(Locale.ROOT);
  }
}
