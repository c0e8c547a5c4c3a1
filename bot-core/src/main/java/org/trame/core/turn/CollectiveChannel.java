package org.trame.core.turn;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.BiFunction;
import org.trame.core.storage.Settings;

/**
 * Where the collective's channel is (DESIGN.md, "the collective's home"): the channel the operator
 * configured for the platform, else the one a coordinator set with {@code channel here}, stored
 * with the collective's settings. It never follows where someone typed a command: a report with
 * members' remarks must not land in a channel any member chose.
 */
public final class CollectiveChannel {

  /** The setting that holds the channel a coordinator set. */
  public static final String SETTING = "channel";

  /** Only what coordinators set: for tests and tools that run without a platform. */
  public static final CollectiveChannel STORED_ONLY = new CollectiveChannel((platform, collective) -> Optional.empty());

  private final BiFunction<String, String, Optional<String>> configured;

  /** @param configured the operator's channel per (platform, collective), answered from memory */
  public CollectiveChannel(BiFunction<String, String, Optional<String>> configured) {
    this.configured = configured;
  }

  /** The channel set by the bot's configuration, which no command changes. */
  public Optional<String> configured(String platform, String collective) {
    return configured.apply(platform, collective).filter(id -> !id.isBlank());
  }

  /** The collective's channel id on its platform, or empty while none is configured or set. */
  public Optional<String> of(Connection c, String platform, String collective, String collectiveId) throws SQLException {
    Optional<String> fromConfig = configured(platform, collective);
    return fromConfig.isPresent() ? fromConfig : Settings.get(c, collectiveId, SETTING);
  }
}
