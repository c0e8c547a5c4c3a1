package org.trame.core.delivery;

import org.trame.core.storage.Writer;
import org.trame.core.storage.Outbox;
import java.util.ArrayList;
import java.util.List;
import org.trame.core.port.Audience;
import org.trame.core.port.OutboundMessage;

/** Outbox rows written as a turn would write them, for the sender's tests. */
final class StoredMessages {

  private StoredMessages() {}

  /** One message per audience on {@code platform} ("message 0", "message 1"…), stored; returned with their row ids. */
  static List<OutboundMessage> store(Writer writer, String platform, List<Audience> audiences) {
    return writer.submit(c -> {
      List<OutboundMessage> stored = new ArrayList<>();
      int n = 0;
      for (Audience a : audiences) {
        var m = new OutboundMessage(0, platform, "T1", a, "message " + n++, OutboundMessage.Expects.NOTHING,
            List.of(), null, null, "en");
        stored.add(Outbox.add(c, "T1", m, 0));
      }
      return stored;
    }).join();
  }
}
