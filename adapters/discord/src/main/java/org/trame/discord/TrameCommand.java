package org.trame.discord;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.LocalText;
import org.trame.core.port.ArgSpec;
import org.trame.core.port.CommandCatalogue;
import org.trame.core.port.CommandSpec;

/**
 * The {@code /trame} slash command: its Discord definition and the translation of an invocation
 * back into the core's command words, both generated from the core's command catalogue, so that
 * every command the core has is offered here, with its French names and descriptions. A command
 * with subcommands is a group ({@code /trame checkin close}); its bare form has the name the
 * catalogue gives it ({@code /trame conflict start party1:@a party2:@b} becomes
 * {@code conflict <@id-a> <@id-b>}). Members are passed as their Discord user ids, the ids the core
 * knows them by.
 */
public final class TrameCommand {

  public static final String NAME = "trame";
  /** Any command as words, so a member can type what they would type in the terminal. */
  static final String WORDS = "words";
  /** Discord's limit of autocomplete suggestions. */
  private static final int MOST_SUGGESTIONS = 25;
  private static final List<String> ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()));
  private static final CommandCatalogue CATALOGUE = CommandCatalogue.packaged();

  private TrameCommand() {}

  /** The command as registered with Discord: guild-only, usable by everyone. */
  public static SlashCommandData definition() {
    SlashCommandData command = Commands.slash(NAME, "Trame: cooperate well together")
        .setDescriptionLocalization(DiscordLocale.FRENCH, "Trame : bien coopérer ensemble")
        .setContexts(InteractionContextType.GUILD);
    for (CommandSpec c : CATALOGUE.offered()) {
      if (c.subcommands().isEmpty()) {
        command.addSubcommands(subcommand(c, c.args()));
        continue;
      }
      SubcommandGroupData group = new SubcommandGroupData(c.word(), described(c.description(), Lang.EN))
          .setNameLocalization(DiscordLocale.FRENCH, c.fr())
          .setDescriptionLocalization(DiscordLocale.FRENCH, described(c.description(), Lang.FR));
      if (c.bare() != null) {
        group.addSubcommands(subcommand(c.bare(), c.args()));
      }
      c.subcommands().forEach(s -> group.addSubcommands(subcommand(s, s.args())));
      command.addSubcommandGroups(group);
    }
    command.addSubcommands(new SubcommandData(WORDS, "Any Trame command, typed as words (e.g. stakes history)")
        .setNameLocalization(DiscordLocale.FRENCH, "mots")
        .setDescriptionLocalization(DiscordLocale.FRENCH, "Toute commande Trame, en toutes lettres (par ex. enjeux historique)")
        .addOptions(new OptionData(OptionType.STRING, WORDS, "The command's words", true)
            .setNameLocalization(DiscordLocale.FRENCH, "mots")
            .setDescriptionLocalization(DiscordLocale.FRENCH, "Les mots de la commande")));
    return command;
  }

  private static SubcommandData subcommand(CommandSpec spec, List<ArgSpec> args) {
    SubcommandData data = new SubcommandData(spec.word(), described(spec.description(), Lang.EN))
        .setNameLocalization(DiscordLocale.FRENCH, spec.fr())
        .setDescriptionLocalization(DiscordLocale.FRENCH, described(spec.description(), Lang.FR));
    args.forEach(a -> data.addOptions(options(a)));
    return data;
  }

  /** A catalogue argument as Discord options: a member repeated is one USER option per place. */
  private static List<OptionData> options(ArgSpec a) {
    String en = described(a.description(), Lang.EN);
    String fr = described(a.description(), Lang.FR);
    if (a.type() == ArgSpec.Type.MEMBER) {
      List<OptionData> users = new ArrayList<>();
      for (int i = 1; i <= a.max(); i++) {
        users.add(new OptionData(OptionType.USER, a.name() + i, en, !a.optional() && i <= a.min())
            .setNameLocalization(DiscordLocale.FRENCH, a.fr() + i).setDescriptionLocalization(DiscordLocale.FRENCH, fr));
      }
      return users;
    }
    OptionType type = switch (a.type()) {
      case NUMBER -> OptionType.INTEGER;
      case FLAG -> OptionType.BOOLEAN;
      default -> OptionType.STRING;
    };
    OptionData data = new OptionData(type, a.name(), en, !a.optional())
        .setNameLocalization(DiscordLocale.FRENCH, a.fr()).setDescriptionLocalization(DiscordLocale.FRENCH, fr);
    switch (a.type()) {
      case NUMBER -> data.setRequiredRange(a.min(), a.max());
      case CHOICE -> a.values().forEach(v -> data.addChoices(new Command.Choice(v.label().in(Lang.EN), v.value())
          .setNameLocalization(DiscordLocale.FRENCH, v.label().in(Lang.FR))));
      case ZONE -> data.setAutoComplete(true);
      default -> { }
    }
    return List.of(data);
  }

  /** Discord shows descriptions as sentences: a capital first. */
  private static String described(LocalText text, Lang lang) {
    String s = text.in(lang);
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  /**
   * The core's words for one invocation.
   *
   * @param group  the subcommand group, or null
   * @param name   the subcommand
   * @param option an option's value as text by option name (a user's id, {@code true}/{@code false}), or null if absent
   * @return the words, or empty for a subcommand this adapter does not know (an old registration)
   */
  public static Optional<String> words(String group, String name, Function<String, String> option) {
    if (group == null && WORDS.equals(name)) {
      return Optional.of(Optional.ofNullable(option.apply(WORDS)).orElse("").strip());
    }
    List<String> words = new ArrayList<>();
    List<ArgSpec> args;
    if (group == null) {
      Optional<CommandSpec> c = CATALOGUE.offered().stream().filter(s -> s.word().equals(name) && s.subcommands().isEmpty())
          .findFirst();
      if (c.isEmpty()) {
        return Optional.empty();
      }
      words.add(c.get().word());
      args = c.get().args();
    } else {
      Optional<CommandSpec> c = CATALOGUE.offered().stream().filter(s -> s.word().equals(group) && !s.subcommands().isEmpty())
          .findFirst();
      if (c.isEmpty()) {
        return Optional.empty();
      }
      words.add(c.get().word());
      if (c.get().bare() != null && c.get().bare().word().equals(name)) {
        args = c.get().args();
      } else {
        Optional<CommandSpec> sub = c.get().subcommands().stream().filter(s -> s.word().equals(name)).findFirst();
        if (sub.isEmpty()) {
          return Optional.empty();
        }
        words.add(sub.get().word());
        args = sub.get().args();
      }
    }
    for (ArgSpec a : args) {
      if (a.type() == ArgSpec.Type.MEMBER) {
        for (int i = 1; i <= a.max(); i++) {
          String id = option.apply(a.name() + i);
          if (id != null && !id.isBlank()) {
            // As a mention, so the core tells a named member it does not know from the topic's words.
            words.add("<@" + id.strip() + ">");
          }
        }
        continue;
      }
      String value = option.apply(a.name());
      if (value == null || value.isBlank()) {
        continue;
      }
      if (a.type() == ArgSpec.Type.FLAG) {
        if (Boolean.parseBoolean(value)) {
          words.add(a.name());
        }
      } else {
        words.add(value.strip());
      }
    }
    return Optional.of(String.join(" ", words));
  }

  /** Time zones for the autocomplete of {@code tz}: those containing what was typed, at most 25. */
  public static List<String> zonesMatching(String typed) {
    String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
    List<String> starts = new ArrayList<>();
    List<String> contains = new ArrayList<>();
    for (String zone : ZONES) {
      String z = zone.toLowerCase(Locale.ROOT);
      if (z.startsWith(t) || z.substring(z.indexOf('/') + 1).startsWith(t)) {
        starts.add(zone);
      } else if (z.contains(t)) {
        contains.add(zone);
      }
    }
    starts.addAll(contains);
    return starts.subList(0, Math.min(MOST_SUGGESTIONS, starts.size()));
  }
}
