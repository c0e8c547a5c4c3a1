package org.trame.core;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.trame.core.i18n.Lang;

/**
 * What the core needs to start; {@link #fromEnvironment} reads the configuration contract of
 * DESIGN.md ({@code TRAME_DB}, {@code TRAME_PROMPTS}, {@code TRAME_COORDINATORS}).
 *
 * @param database     the SQLite file; on PostgreSQL, the folder beside it keeps generated files
 * @param prompts      a prompts directory overriding the packaged one, or null
 * @param coordinators member names or platform ids who are coordinators on every platform
 * @param defaultLang  the language spoken to a member before theirs is known
 * @param clock        the time source (tests inject one)
 * @param tickEvery    how often due scheduled jobs are looked for; null for never (tests tick by hand)
 * @param databaseUrl  a {@code jdbc:postgresql:} URL to run on PostgreSQL instead of the SQLite file, or null
 * @param outboxLease  on PostgreSQL, how long a process keeps the outbox rows it wrote or claimed
 *                     before another process may send them (when it died, say)
 * @param pseudonyms   the key of check-in authors' tags, from TRAME_PSEUDONYM_KEY(_FILE); null for
 *                     the key file beside the SQLite file (required on PostgreSQL)
 */
public record TrameConfig(Path database, Path prompts, Set<String> coordinators, Lang defaultLang, Clock clock,
    java.time.Duration tickEvery, String databaseUrl, java.time.Duration outboxLease,
    org.trame.core.privacy.Pseudonyms pseudonyms) {

  public static final java.time.Duration DEFAULT_OUTBOX_LEASE = java.time.Duration.ofSeconds(60);

  public TrameConfig(Path database, Path prompts, Set<String> coordinators, Lang defaultLang, Clock clock,
      java.time.Duration tickEvery) {
    this(database, prompts, coordinators, defaultLang, clock, tickEvery, null, DEFAULT_OUTBOX_LEASE, null);
  }

  /** The same configuration on the PostgreSQL database at {@code url}. */
  public TrameConfig onPostgresql(String url, java.time.Duration lease) {
    return new TrameConfig(database, prompts, coordinators, defaultLang, clock, tickEvery, url, lease, pseudonyms);
  }

  /** The same configuration with the pseudonym key given by the operator (the secret). */
  public TrameConfig withPseudonyms(org.trame.core.privacy.Pseudonyms key) {
    return new TrameConfig(database, prompts, coordinators, defaultLang, clock, tickEvery, databaseUrl, outboxLease, key);
  }

  /** What TRAME_DB names, for messages: the SQLite file or the PostgreSQL URL without its parameters. */
  public String databaseName() {
    if (databaseUrl == null) {
      return database.toString();
    }
    int query = databaseUrl.indexOf('?');
    return query < 0 ? databaseUrl : databaseUrl.substring(0, query);
  }

  public static final java.time.Duration DEFAULT_TICK = java.time.Duration.ofSeconds(1);

  public TrameConfig(Path database, Path prompts, Set<String> coordinators, Lang defaultLang, Clock clock) {
    this(database, prompts, coordinators, defaultLang, clock, DEFAULT_TICK);
  }

  public static final String DEFAULT_DATABASE = "data/trame.db";

  public TrameConfig {
    coordinators = Set.copyOf(coordinators);
  }

  public static TrameConfig fromEnvironment(Map<String, String> env) {
    String db = env.getOrDefault("TRAME_DB", "");
    String prompts = env.getOrDefault("TRAME_PROMPTS", "");
    String coordinators = env.getOrDefault("TRAME_COORDINATORS", "");
    boolean postgresql = org.trame.core.storage.Database.isPostgresql(db);
    TrameConfig config = new TrameConfig(
        Path.of(db.isBlank() || postgresql ? DEFAULT_DATABASE : stripSqlitePrefix(db.trim())),
        prompts.isBlank() ? null : Path.of(prompts.trim()),
        Arrays.stream(coordinators.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet()),
        Lang.FR,
        Clock.systemUTC());
    String key = org.trame.core.port.Secrets.read(env, org.trame.core.privacy.Pseudonyms.SECRET);
    if (key != null) {
      config = config.withPseudonyms(org.trame.core.privacy.Pseudonyms.of(key));
    }
    return postgresql ? config.onPostgresql(db.trim(), outboxLease(env)) : config;
  }

  /** TRAME_OUTBOX_LEASE_SECONDS: how soon another process sends what a dead one left (PostgreSQL). */
  private static java.time.Duration outboxLease(Map<String, String> env) {
    String v = env.getOrDefault("TRAME_OUTBOX_LEASE_SECONDS", "").trim();
    if (v.isEmpty()) {
      return DEFAULT_OUTBOX_LEASE;
    }
    try {
      long seconds = Long.parseLong(v);
      if (seconds < 1) {
        throw new NumberFormatException();
      }
      return java.time.Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("TRAME_OUTBOX_LEASE_SECONDS must be a whole number of seconds, 1 or more, got '" + v + "'");
    }
  }

  private static String stripSqlitePrefix(String db) {
    return db.startsWith("jdbc:sqlite:") ? db.substring("jdbc:sqlite:".length()) : db;
  }
}
