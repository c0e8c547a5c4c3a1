package org.trame.core.conflict.triage;

import java.util.Optional;
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
    Optional<Finding> ruled = new CoachReading(sample, lang).find();
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
      CoachReading r = new CoachReading(sample, lang);
      return new Finding(k, r.firstSentence(), r.aboutFrom(0));
    });
  }
}
