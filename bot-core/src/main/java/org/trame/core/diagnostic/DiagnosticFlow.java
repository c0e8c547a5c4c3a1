package org.trame.core.diagnostic;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.trame.core.engine.FlowContract;
import org.trame.core.engine.StepRef;

/**
 * Every step of the diagnostic flow that this feature's code reads: one choice per item, whose
 * options are the ratings 1 to 5 and "I don't know". The loader checks a collective's copy of
 * {@code prompts/} against them.
 */
final class DiagnosticFlow {

  private DiagnosticFlow() {
  }

  static final String UNKNOWN = "unknown";
  static final FlowContract CONTRACT = FlowContract.of("diagnostic", DiagnosticFeature.FLOW);
  static final Map<DiagnosticItem, StepRef.Options> ITEMS = new EnumMap<>(DiagnosticItem.class);

  static {
    for (DiagnosticItem item : DiagnosticItem.values()) {
      StepRef.Options ref = CONTRACT.choice(item.id());
      for (String v : List.of("1", "2", "3", "4", "5", UNKNOWN)) {
        ref.option(v);
      }
      ITEMS.put(item, ref);
    }
  }

  static final List<FlowContract> ALL = List.of(CONTRACT);

  /** A rating read from an answer: 1 to 5, or null for "I don't know" (or no answer). */
  static Integer rating(String value) {
    return value != null && value.matches("[1-5]") ? Integer.valueOf(value) : null;
  }
}
