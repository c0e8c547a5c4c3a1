package org.trame.discord;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Msg;
import org.trame.core.i18n.Texts;
import org.trame.core.port.Handled;
import org.trame.core.port.OutboundMessage;

/**
 * Reads what the core answered to a click: whether the answer was taken, or refused because the
 * component belongs to an earlier question, a finished conversation or someone else.
 */
final class Refusals {

  private final Set<String> texts;

  Refusals(Texts core) {
    Set<String> all = new HashSet<>();
    for (Lang lang : Lang.values()) {
      for (Msg msg : List.of(Msg.STALE_BUTTON, Msg.FINISHED_CONVERSATION, Msg.NOT_YOUR_CONVERSATION)) {
        all.add(core.get(msg, lang));
      }
    }
    this.texts = Set.copyOf(all);
  }

  /** True for the core's refusal of a stale, finished or foreign component. */
  boolean isRefusal(OutboundMessage m) {
    return m.stepRef() == null && texts.contains(m.text());
  }

  /** True when the core took the answer: not refused, and the same question not asked again. */
  boolean accepted(Handled handled, ComponentId clicked) {
    for (OutboundMessage m : handled.messages()) {
      if (isRefusal(m)) {
        return false;
      }
      if (clicked.stepRef().equals(m.stepRef()) && clicked.conversationRef().equals(m.conversationRef())) {
        return false;
      }
    }
    return true;
  }
}
