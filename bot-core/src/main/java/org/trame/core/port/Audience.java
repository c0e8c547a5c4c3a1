package org.trame.core.port;

/**
 * Whom an outbound message is for: one member privately, one member privately because they
 * coordinate (the message is sent only if they still do when it leaves), or the collective's
 * channel (whose platform id the core resolved when the message was written).
 */
public record Audience(Type type, String id) {

  public enum Type { MEMBER, COORDINATOR, CHANNEL }

  public static Audience member(String memberId) {
    return new Audience(Type.MEMBER, memberId);
  }

  /** A coordinator-only message: before it leaves, the sender checks that {@code memberId} still coordinates. */
  public static Audience coordinator(String memberId) {
    return new Audience(Type.COORDINATOR, memberId);
  }

  /** The collective's channel: {@code channelId} is the platform's id of the channel. */
  public static Audience channel(String channelId) {
    return new Audience(Type.CHANNEL, channelId);
  }

  /** For one member's eyes (a coordinator-only message is private too). */
  public boolean isPrivate() {
    return type != Type.CHANNEL;
  }
}
