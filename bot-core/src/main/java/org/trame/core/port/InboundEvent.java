package org.trame.core.port;

import java.util.Objects;

/**
 * What an adapter hands the core: who said what, where. A Slack button, a Discord button and a
 * numbered answer in the terminal all become the same {@link Kind#CHOICE} or {@link Kind#TEXT}.
 *
 * @param eventId         the platform's delivery id, unique per platform; the core handles an id once
 * @param platform        {@code console}, {@code slack}, {@code discord}
 * @param collective      the platform's id of the collective (workspace, guild, terminal collective)
 * @param member          the platform's id of the member
 * @param memberName      a display name, may be null
 * @param kind            a command ({@code /trame …} words), free text, or a button choice
 * @param text            the command words, the typed text, or the chosen value
 * @param conversationRef for a choice: the conversation the button belongs to, else null
 * @param stepRef         for a choice: the step the button belongs to, else null
 * @param hints           what the platform knows of the member (locale, time zone, coordinator role)
 * @param channel         the platform's id of the channel the event was typed in, or null (a direct
 *                        message, a click, the terminal); only {@code channel here} reads it
 */
public record InboundEvent(
    String eventId,
    String platform,
    String collective,
    String member,
    String memberName,
    Kind kind,
    String text,
    String conversationRef,
    String stepRef,
    MemberHints hints,
    String channel) {

  public enum Kind { COMMAND, TEXT, CHOICE }

  public InboundEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(collective, "collective");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(kind, "kind");
    // Nothing a member sends may hold the bot's own mention tokens (see Mentions).
    text = text == null ? "" : Mentions.strip(text);
    memberName = Mentions.strip(memberName);
    hints = hints == null ? MemberHints.NONE : hints;
  }

  /** An event whose channel is not known or does not matter. */
  public InboundEvent(String eventId, String platform, String collective, String member, String memberName, Kind kind,
      String text, String conversationRef, String stepRef, MemberHints hints) {
    this(eventId, platform, collective, member, memberName, kind, text, conversationRef, stepRef, hints, null);
  }

  public static InboundEvent command(String eventId, String platform, String collective, String member, String words) {
    return new InboundEvent(eventId, platform, collective, member, member, Kind.COMMAND, words, null, null, null);
  }

  public static InboundEvent text(String eventId, String platform, String collective, String member, String text) {
    return new InboundEvent(eventId, platform, collective, member, member, Kind.TEXT, text, null, null, null);
  }

  public static InboundEvent choice(String eventId, String platform, String collective, String member,
      String conversationRef, String stepRef, String value) {
    return new InboundEvent(eventId, platform, collective, member, member, Kind.CHOICE, value, conversationRef, stepRef, null);
  }
}
