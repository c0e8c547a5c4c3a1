package org.trame.core.conflict.triage;

/**
 * What a conflict is about (seed 004, sheet 7): a concrete need left unmet, or a conviction that
 * guides judgement. The two call for different paths: no-lose resolution, or the value path.
 */
public enum Nature {
  NEED, VALUE
}
