package org.trame.core.conflict.triage;

import java.util.List;

/**
 * What the classifier proposes for one description; the member always has the last word.
 *
 * @param cues up to 3 words or short phrases taken from the member's own text that most support the proposal
 */
public record Proposal(Nature nature, double natureConfidence, int sheet, double sheetConfidence, List<String> cues) {

  public Proposal {
    cues = List.copyOf(cues);
  }
}
