package org.trame.core.conflict.triage;

/** A described situation with the nature and practice sheet (1-9) a person judged right for it. */
public record LabelledCase(Nature nature, int sheet, String text) {

  public LabelledCase {
    if (nature == null || text == null) {
      throw new IllegalArgumentException("a labelled case needs a nature and a text");
    }
    if (sheet < 1 || sheet > 9) {
      throw new IllegalArgumentException("sheet must be 1 to 9, was " + sheet);
    }
  }
}
