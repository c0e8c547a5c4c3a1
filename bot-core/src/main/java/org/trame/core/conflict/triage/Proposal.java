package org.trame.core.conflict.triage;

import java.util.List;

/**
 * What the classifier proposes for one description; the member always has the last word.
 *
 * @param natureConfidence the classifier's probability for the proposed nature
 * @param natureMargin how much more probable the proposed nature is than the other one (0 to 1): a
 *     small margin means the text speaks for both, and the conflict flow asks before proposing
 * @param cues up to 3 words or short phrases taken from the member's own text that most support the proposal
 */
public record Proposal(Nature nature, double natureConfidence, double natureMargin, int sheet, double sheetConfidence,
    List<String> cues) {

  public Proposal {
    cues = List.copyOf(cues);
  }

  /** Whether the text speaks for both natures nearly as much: then ask before proposing. */
  public boolean natureUnsure() {
    return natureMargin < TriageModel.ASK_BELOW_MARGIN;
  }
}
