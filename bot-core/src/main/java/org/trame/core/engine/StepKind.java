package org.trame.core.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of step a flow file may use, by the word written in YAML. */
public enum StepKind {
  MESSAGE("message"),
  CHOICE("choice"),
  MULTI_CHOICE("multi-choice"),
  SCALE("scale"),
  TEXT("text"),
  CONFIRM("confirm");

  private final String word;

  StepKind(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  public static Optional<StepKind> parse(String word) {
    String w = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.word.equals(w)).findFirst();
  }

  public static String words() {
    return Arrays.stream(values()).map(StepKind::word).collect(Collectors.joining(", "));
  }
}
