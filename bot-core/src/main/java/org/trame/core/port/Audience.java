package org.trame.core.port;

/** Whom an outbound message is for: one member privately, or the collective's channel. */
public record Audience(Type type, String id) {

  public enum Type { MEMBER, CHANNEL }

  public static Audience member(String memberId) {
    return new Audience(Type.MEMBER, memberId);
  }

  public static Audience channel(String collectiveId) {
    return new Audience(Type.CHANNEL, collectiveId);
  }

  public boolean isPrivate() {
    return type == Type.MEMBER;
  }
}
