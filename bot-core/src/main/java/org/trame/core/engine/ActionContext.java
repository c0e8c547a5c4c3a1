package org.trame.core.engine;

import org.trame.core.i18n.Lang;
import java.sql.Connection;
import java.time.Instant;
import org.trame.core.port.Audience;

/** What an action may see and do during a turn. */
public interface ActionContext {

  Conversation conversation();

  Lang lang();

  /** The turn's database connection, inside the turn's transaction. */
  Connection connection();

  Instant now();

  /** Queues a message in the outbox, sent once the turn commits. */
  void send(Audience audience, String text);
}
