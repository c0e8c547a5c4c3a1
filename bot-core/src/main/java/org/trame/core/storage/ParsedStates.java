package org.trame.core.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import org.trame.core.engine.ConversationState;

/**
 * The conversation states last written or read, by conversation id, beside the JSON they were
 * written as or read from. A turn reads the state that the conversation's previous turn wrote,
 * and parsing it again cost as much as the rest of the read. A state is reused only when the
 * stored JSON is exactly the text it stands for, so the database always has the last word (a
 * turn rolled back, another process, another database file with the same ids); callers get their
 * own copy, since the engine changes a state in place.
 */
final class ParsedStates {

  /** Enough for every member of a large round answering at once; about a kilobyte each. */
  private static final int MOST = 4_096;

  private record Parsed(String json, ConversationState state) {}

  private final Map<Long, Parsed> byConversation = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Parsed> eldest) {
      return size() > MOST;
    }
  };

  /** The state stored as {@code json} in conversation {@code id}, a copy of its own. */
  ConversationState read(long id, String json) {
    synchronized (this) {
      Parsed known = byConversation.get(id);
      if (known != null && known.json.equals(json)) {
        return known.state.copy();
      }
    }
    ConversationState parsed = Json.read(json, ConversationState.class);
    remember(id, json, parsed);
    return parsed;
  }

  /** Drops every state held: what was erased from the database is not kept in memory either. */
  synchronized void clear() {
    byConversation.clear();
  }

  synchronized int size() {
    return byConversation.size();
  }

  /** Notes that conversation {@code id} now stores {@code state} as {@code json}. */
  void remember(long id, String json, ConversationState state) {
    Parsed parsed = new Parsed(json, state.copy());
    synchronized (this) {
      byConversation.put(id, parsed);
    }
  }
}
