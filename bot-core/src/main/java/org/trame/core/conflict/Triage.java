package org.trame.core.conflict;

import java.util.Optional;
import org.trame.core.conflict.triage.IMessageCoach;
import org.trame.core.conflict.triage.Nature;
import org.trame.core.conflict.triage.Proposal;
import org.trame.core.conflict.triage.TriageModel;
import org.trame.core.i18n.Lang;

/**
 * What the conflict space asks of the triage: a proposal for a party's description (need or value
 * conflict, which practice sheet), and I-message coaching for their needs. Injected, so that the
 * trained classifier runs in the bot and tests may choose.
 */
public interface Triage {

  Proposal propose(String description);

  /**
   * The proposal once the party answered the clarifying question: {@code said} is the nature their
   * answer names, or null when it named neither (then the classifier's reading stands).
   */
  Proposal propose(String description, Nature said);

  /**
   * What keeps {@code text} from stating a need, if anything: a judgement of a person ("Bob is
   * always late") or the demand of one specific solution ("Bob must give the van back on Monday").
   */
  Optional<IMessageCoach.Finding> coaching(String text, Lang lang);

  /** The trained document classifier and the I-message coach. */
  static Triage of(TriageModel model, IMessageCoach coach) {
    return new Triage() {
      @Override
      public Proposal propose(String description) {
        return model.propose(description);
      }

      @Override
      public Proposal propose(String description, Nature said) {
        return model.propose(description, said);
      }

      @Override
      public Optional<IMessageCoach.Finding> coaching(String text, Lang lang) {
        return coach.check(text, lang);
      }
    };
  }
}
