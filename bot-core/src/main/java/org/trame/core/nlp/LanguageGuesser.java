package org.trame.core.nlp;

import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trame.core.i18n.Lang;

/**
 * Tells French from English in a member's free text with OpenNLP's language detector (the model
 * of the {@code opennlp-models-langdetect} artifact). The model loads in the background at start,
 * so the first turns do not wait for it unless they need it.
 */
public final class LanguageGuesser {

  private static final Logger log = LoggerFactory.getLogger(LanguageGuesser.class);
  private static final String MODEL = "langdetect-183.bin";
  /** Below this many letters a guess is too unreliable to act on. */
  private static final int FEWEST_LETTERS = 12;
  /** Greetings that say the language on their own, though too short for the model. */
  private static final java.util.Map<String, Lang> GREETINGS = java.util.Map.of(
      "hello", Lang.EN, "hi", Lang.EN, "hey", Lang.EN, "bonjour", Lang.FR, "bonsoir", Lang.FR, "salut", Lang.FR, "coucou", Lang.FR);

  private final CompletableFuture<LanguageDetectorModel> model;

  private LanguageGuesser(CompletableFuture<LanguageDetectorModel> model) {
    this.model = model;
  }

  /**
   * The model, loaded once per process: it is read-only and weighs tens of megabytes, so every
   * core a process starts (tests start hundreds) shares the one copy.
   */
  private static CompletableFuture<LanguageDetectorModel> shared;

  /** Starts loading the model on a background thread, unless this process already has it. */
  public static synchronized LanguageGuesser loadInBackground() {
    if (shared == null || shared.isCompletedExceptionally()) {
      shared = CompletableFuture.supplyAsync(LanguageGuesser::loadModel);
    }
    return new LanguageGuesser(shared);
  }

  private static LanguageDetectorModel loadModel() {
    try (InputStream in = LanguageGuesser.class.getClassLoader().getResourceAsStream(MODEL)) {
      if (in == null) {
        throw new IllegalStateException(MODEL + " is not on the class path (opennlp-models-langdetect)");
      }
      return new LanguageDetectorModel(in);
    } catch (Exception e) {
      throw new IllegalStateException("cannot load the language model: " + e.getMessage(), e);
    }
  }

  /**
   * The language of a short text that opens with a greeting, too short for {@link #guess}: a first
   * message is often just "Hello". A weak hint: French speakers say "Hello" too.
   */
  public Optional<Lang> greeting(String text) {
    if (text == null || text.codePoints().filter(Character::isLetter).count() >= FEWEST_LETTERS) {
      return Optional.empty();
    }
    String first = text.strip().split("[^\\p{L}]+", 2)[0].toLowerCase(java.util.Locale.ROOT);
    return Optional.ofNullable(GREETINGS.get(first));
  }

  /** French or English when the text says so clearly enough; empty for short or other text. */
  public Optional<Lang> guess(String text) {
    if (text == null || text.codePoints().filter(Character::isLetter).count() < FEWEST_LETTERS) {
      return Optional.empty();
    }
    LanguageDetectorModel m;
    try {
      m = model.join();
    } catch (RuntimeException e) {
      log.warn("language detection is off: {}", e.getMessage());
      return Optional.empty();
    }
    String sample = text.length() > 2000 ? text.substring(0, 2000) : text;
    Language[] ranked = new LanguageDetectorME(m).predictLanguages(sample);
    // Compare French against English only: members write one or the other.
    double fr = 0;
    double en = 0;
    for (Language l : ranked) {
      if (l.getLang().equals("fra")) {
        fr = l.getConfidence();
      } else if (l.getLang().equals("eng")) {
        en = l.getConfidence();
      }
    }
    if (fr == en) {
      return Optional.empty();
    }
    return Optional.of(fr > en ? Lang.FR : Lang.EN);
  }
}
