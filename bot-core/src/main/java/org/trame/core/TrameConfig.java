package org.trame.core;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.trame.core.engine.Lang;

/**
 * What the core needs to start; {@link #fromEnvironment} reads the configuration contract of
 * DESIGN.md ({@code TRAME_DB}, {@code TRAME_PROMPTS}, {@code TRAME_COORDINATORS}).
 *
 * @param database     the SQLite file
 * @param prompts      a prompts directory overriding the packaged one, or null
 * @param coordinators member names or platform ids who are coordinators on every platform
 * @param defaultLang  the language spoken to a member before theirs is known
 * @param clock        the time source (tests inject one)
 * @param tickEvery    how often due scheduled jobs are looked for; null for never (tests tick by hand)
 */
public record TrameConfig(Path database, Path prompts, Set<String> coordinators, Lang defaultLang, Clock clock,
    java.time.Duration tickEvery) {

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
    return new TrameConfig(
        Path.of(db.isBlank() ? DEFAULT_DATABASE : stripSqlitePrefix(db.trim())),
        prompts.isBlank() ? null : Path.of(prompts.trim()),
        Arrays.stream(coordinators.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet()),
        Lang.FR,
        Clock.systemUTC());
  }

  private static String stripSqlitePrefix(String db) {
    return db.startsWith("jdbc:sqlite:") ? db.substring("jdbc:sqlite:".length()) : db;
  }
}
