package org.trame.core.port;

/** One answer a member can pick: the value the core expects back, and the label shown. */
public record Option(String value, String label) {}
