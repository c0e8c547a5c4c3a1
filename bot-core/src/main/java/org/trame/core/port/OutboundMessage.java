package org.trame.core.port;

import java.util.List;

/**
 * What the core asks an adapter to deliver. Adapters render it (buttons, select menus, numbered
 * lines) and send a {@link InboundEvent.Kind#CHOICE} back with {@link #conversationRef()} and
 * {@link #stepRef()} when the member picks an option.
 *
 * @param id              the outbox row id: stable across restarts, use it to deduplicate sends
 * @param platform        the platform to send on
 * @param collective      the platform's id of the collective
 * @param audience        one member privately, or the collective's channel
 * @param text            the text, in the recipient's language; may hold several lines
 * @param expects         what answer the message waits for, so an adapter can pick a widget
 * @param options         the choices to render (empty for free text and plain messages)
 * @param conversationRef the conversation the answer belongs to, or null
 * @param stepRef         the step the answer belongs to, or null
 * @param lang            the recipient's language code ({@code fr} or {@code en}), for the
 *                        adapter's own words around the message (buttons, "your answer: …")
 * @param image           a file sent with the text (a report's chart), or null
 * @param inReplyTo       the inbound event this message answers and what became of it, or null
 *                        (a reminder, a scheduled report): an adapter matches the message to the
 *                        interaction that caused it with no need to wait for the core's result.
 *                        Stored with the message, so a sender after a restart knows it too.
 */
public record OutboundMessage(
    long id,
    String platform,
    String collective,
    Audience audience,
    String text,
    Expects expects,
    List<Option> options,
    String conversationRef,
    String stepRef,
    String lang,
    Attachment image,
    Reply inReplyTo) {

  /**
   * The event a message answers: its platform event id (as in {@link InboundEvent#eventId()}) and
   * what the core decided about it.
   */
  public record Reply(String eventId, Handled.Outcome outcome) {}

  /** The kind of answer awaited. */
  public enum Expects { NOTHING, TEXT, CHOICE, MULTI_CHOICE, SCALE, CONFIRM }

  public OutboundMessage {
    options = options == null ? List.of() : List.copyOf(options);
    expects = expects == null ? Expects.NOTHING : expects;
  }

  /** A message with no attachment. */
  public OutboundMessage(long id, String platform, String collective, Audience audience, String text, Expects expects,
      List<Option> options, String conversationRef, String stepRef, String lang) {
    this(id, platform, collective, audience, text, expects, options, conversationRef, stepRef, lang, null, null);
  }

  /** A message with an attachment, answering no event in particular. */
  public OutboundMessage(long id, String platform, String collective, Audience audience, String text, Expects expects,
      List<Option> options, String conversationRef, String stepRef, String lang, Attachment image) {
    this(id, platform, collective, audience, text, expects, options, conversationRef, stepRef, lang, image, null);
  }

  /** The same message with its outbox row id. */
  public OutboundMessage withId(long newId) {
    return new OutboundMessage(newId, platform, collective, audience, text, expects, options, conversationRef, stepRef, lang,
        image, inReplyTo);
  }

  /** The same message, answering {@code reply}'s event. */
  public OutboundMessage inReplyTo(Reply reply) {
    return new OutboundMessage(id, platform, collective, audience, text, expects, options, conversationRef, stepRef, lang,
        image, reply);
  }

  /** Whether this message answers the event {@code eventId}. */
  public boolean answers(String eventId) {
    return inReplyTo != null && inReplyTo.eventId() != null && inReplyTo.eventId().equals(eventId);
  }
}
