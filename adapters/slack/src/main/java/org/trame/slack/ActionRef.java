package org.trame.slack;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.util.Optional;

/**
 * What a button carries so that a click, arriving with nothing else, becomes a core choice: the
 * conversation and step of the question, the chosen value and the recipient's language. A form
 * (modal) also carries the message it came from, to mark that message answered.
 *
 * <p>Serialized as compact JSON in the button's {@code value} or the modal's
 * {@code private_metadata}; a value Slack sends back that does not parse is treated as forged.
 */
record ActionRef(String c, String s, String v, String l, String ch, String ts, String q) {

  private static final Gson GSON = new Gson();
  /** Slack allows 2000 characters in a button value and 3000 in private metadata. */
  static final int LONGEST_QUESTION_KEPT = 1_500;

  static ActionRef choice(String conversationRef, String stepRef, String value, String lang) {
    return new ActionRef(conversationRef, stepRef, value, lang, null, null, null);
  }

  String conversationRef() {
    return c;
  }

  String stepRef() {
    return s;
  }

  String value() {
    return v;
  }

  String lang() {
    return l;
  }

  /** The same reference, for a form opened from the message at {@code channel}/{@code ts}. */
  ActionRef inMessage(String channel, String messageTs, String question) {
    // The question is mrkdwn as Slack gave it back: cut where no escape or mention is split.
    String kept = question == null ? null : BlockRenderer.cutMrkdwn(question, LONGEST_QUESTION_KEPT + 1);
    return new ActionRef(c, s, v, l, channel, messageTs, kept);
  }

  String encode() {
    return GSON.toJson(this);
  }

  static Optional<ActionRef> decode(String json) {
    if (json == null || json.isBlank()) {
      return Optional.empty();
    }
    try {
      ActionRef ref = GSON.fromJson(json, ActionRef.class);
      return ref == null || ref.c == null || ref.s == null ? Optional.empty() : Optional.of(ref);
    } catch (JsonParseException | IllegalStateException e) {
      return Optional.empty();
    }
  }
}
