package org.trame.core.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One line of a trend chart: a name shown in the legend and one value per round.
 *
 * @param name   the legend label, e.g. a question of the check-in
 * @param values one value per round, in round order; {@code null} means no figure that round (the
 *               line shows a gap there)
 */
public record Series(String name, List<Double> values) {

  public Series {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(values, "values");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a chart series needs a name for the legend");
    }
    for (Double v : values) {
      if (v != null && !Double.isFinite(v)) {
        throw new IllegalArgumentException("series '" + name + "' has a value that is not a number: " + v);
      }
    }
    // List.copyOf refuses nulls, and a null is a meaningful gap here.
    values = Collections.unmodifiableList(new ArrayList<>(values));
  }
}
