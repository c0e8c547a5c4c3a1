package org.trame.core.stakes;

import org.trame.core.engine.Answer;
import org.trame.core.i18n.MessageKey;
import org.trame.core.i18n.Msg;

/** The message that names each sharing choice. */
final class SharingLabels {

  private SharingLabels() {}

  static MessageKey label(String sharing) {
    return switch (sharing) {
      case Answer.COLLECTIVE -> Msg.SHARE_COLLECTIVE;
      case Answer.COORDINATORS -> Msg.SHARE_COORDINATORS;
      default -> Msg.SHARE_PRIVATE;
    };
  }
}
