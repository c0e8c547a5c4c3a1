package org.trame.core.map;

/**
 * The zones of the sociodynamics frame (seed 004, tool sheet 1), from a position's synergy and
 * antagonism (each the mean of its rational and affective sides, 1 to 5). Clear-cut corners, a
 * wide middle: who is neither clearly for nor clearly against is hesitant.
 */
enum Zone {
  ENGAGED(MapMsg.MAP_ZONE_ENGAGED),
  TORN(MapMsg.MAP_ZONE_TORN),
  HESITANT(MapMsg.MAP_ZONE_HESITANT),
  PASSIVE(MapMsg.MAP_ZONE_PASSIVE),
  OPPOSED(MapMsg.MAP_ZONE_OPPOSED);

  /** At or above: high; at or below {@link #LOW}: low. */
  static final double HIGH = 3.5;
  static final double LOW = 2.5;

  final MapMsg label;

  Zone(MapMsg label) {
    this.label = label;
  }

  static Zone of(double synergy, double antagonism) {
    if (synergy >= HIGH && antagonism <= LOW) {
      return ENGAGED;
    }
    if (synergy >= HIGH && antagonism >= HIGH) {
      return TORN;
    }
    if (synergy <= LOW && antagonism >= HIGH) {
      return OPPOSED;
    }
    if (synergy <= LOW && antagonism <= LOW) {
      return PASSIVE;
    }
    return HESITANT;
  }

  static Zone of(Maps.Position p) {
    return of(p.synergy(), p.antagonism());
  }
}
