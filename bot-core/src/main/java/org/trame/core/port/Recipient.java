package org.trame.core.port;

/** Someone the core names for an adapter to write to directly, with their language code ("fr", "en"; null when unknown). */
public record Recipient(String memberId, String lang) {}
