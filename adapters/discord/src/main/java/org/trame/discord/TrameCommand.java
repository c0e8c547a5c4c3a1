package org.trame.discord;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/**
 * The {@code /trame} slash command: its Discord definition (subcommands with typed options) and the
 * translation of an invocation back into the core's command words, which are the same on every
 * platform ({@code /trame conflict start party1:@a party2:@b} becomes {@code conflict <@id-a> <@id-b>},
 * {@code /trame stakes action:round details:14} becomes {@code stakes round 14}).
 * Members are passed as their Discord user ids, the ids the core knows them by.
 */
public final class TrameCommand {

  public static final String NAME = "trame";
  /** Discord's limit of autocomplete suggestions. */
  private static final int MOST_SUGGESTIONS = 25;
  private static final List<String> ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()));

  private record Opt(OptionType type, String name, String en, String fr, boolean required) {}

  /** One subcommand: the core words it starts with, and its options in the order they are appended. */
  private record Sub(String group, String name, String words, String en, String fr, List<Opt> options) {}

  private static final List<Sub> SUBS = List.of(
      sub(null, "help", "help", "What Trame can do", "Ce que Trame sait faire"),
      sub(null, "stakes", "stakes", "Say your own stakes in the cooperation, privately", "Dire vos enjeux dans la coopération, en privé",
          new Opt(OptionType.STRING, "action", "history; coordinators: round, round close, ambition, every",
              "history ; coordination : round, round close, ambition, every", false),
          new Opt(OptionType.STRING, "details", "round: days [hours]; ambition: the text; every: months",
              "round : jours [heures] ; ambition : le texte ; every : mois", false)),
      sub("checkin", "now", "checkin now", "Start a check-in round now", "Lancer un point d'étape maintenant"),
      sub("checkin", "schedule", "checkin schedule", "Schedule check-ins", "Programmer les points d'étape",
          new Opt(OptionType.STRING, "cron", "When, as a cron expression", "Quand, en expression cron", true),
          new Opt(OptionType.STRING, "tz", "Time zone, e.g. Europe/Paris", "Fuseau horaire, par ex. Europe/Paris", false)),
      sub("checkin", "pause", "checkin pause", "Pause scheduled check-ins", "Suspendre les points d'étape"),
      sub("checkin", "resume", "checkin resume", "Resume scheduled check-ins", "Reprendre les points d'étape"),
      sub("checkin", "report", "checkin report", "Coordinators: see the latest check-in report", "Coordination : revoir le dernier bilan"),
      sub("checkin", "skip", "checkin skip", "Skip this check-in", "Passer ce point d'étape"),
      sub("checkin", "snooze", "checkin snooze", "Not be asked before a date (holidays)", "Ne pas être sollicité·e avant une date (congés)",
          new Opt(OptionType.STRING, "until", "The date, YYYY-MM-DD", "La date, AAAA-MM-JJ", true)),
      sub("conflict", "start", "conflict", "Coordinators: open a conflict case", "Coordination : ouvrir un conflit",
          new Opt(OptionType.USER, "party1", "A party", "Une partie", true),
          new Opt(OptionType.USER, "party2", "Another party", "Une autre partie", true),
          new Opt(OptionType.USER, "party3", "Another party", "Une autre partie", false),
          new Opt(OptionType.USER, "party4", "Another party", "Une autre partie", false),
          new Opt(OptionType.USER, "party5", "Another party", "Une autre partie", false),
          new Opt(OptionType.USER, "party6", "Another party", "Une autre partie", false),
          new Opt(OptionType.USER, "party7", "Another party", "Une autre partie", false),
          new Opt(OptionType.USER, "party8", "Another party", "Une autre partie", false),
          new Opt(OptionType.STRING, "topic", "What it is about (optional)", "Le sujet (facultatif)", false)),
      sub("conflict", "status", "conflict status", "Coordinators: where each conflict space stands",
          "Coordination : où en est chaque espace de conflit"),
      sub("conflict", "request", "conflict request", "Ask a coordinator privately for help with a conflict",
          "Demander en privé l'aide d'une coordination pour un conflit"),
      sub("channel", "here", "channel here", "Coordinators: make this channel the collective's channel",
          "Coordination : faire de ce salon celui du collectif"),
      sub(null, "ethics", "ethics", "Go through the ethics grid about a partner", "Passer un partenaire à la grille éthique",
          new Opt(OptionType.STRING, "partner", "The partner", "Le partenaire", true)),
      sub(null, "sheet", "sheet", "Show a practice sheet", "Afficher une fiche pratique",
          new Opt(OptionType.INTEGER, "number", "Sheet 1 to 9 (none: the list)", "Fiche 1 à 9 (aucune : la liste)", false)),
      sub(null, "lang", "lang", "Choose your language", "Choisir votre langue",
          new Opt(OptionType.STRING, "language", "fr or en", "fr ou en", true)),
      sub(null, "tz", "tz", "Set your time zone", "Indiquer votre fuseau horaire",
          new Opt(OptionType.STRING, "zone", "e.g. Europe/Paris", "par ex. Europe/Paris", true)),
      sub("mydata", "export", "mydata export", "Get a copy of your data", "Recevoir une copie de vos données"),
      sub("mydata", "forget", "mydata forget", "Erase your data", "Effacer vos données"),
      sub(null, "withdraw", "withdraw", "Withdraw from the collective, guided", "Se retirer du collectif, accompagné·e"),
      sub(null, "cancel", "cancel", "Cancel your current conversation", "Annuler la conversation en cours"),
      sub(null, "back", "back", "Change your previous answer", "Modifier la réponse précédente"),
      sub(null, "skip", "skip", "Skip an optional question", "Passer une question facultative"),
      sub(null, "pause", "pause", "Pause your current conversation", "Mettre en pause la conversation"),
      sub(null, "resume", "resume", "Resume your paused conversation", "Reprendre la conversation"),
      // Any command as words, so a core command is usable before its subcommand exists here.
      sub(null, "words", "", "Any Trame command, typed as words (e.g. stakes history)",
          "Toute commande Trame, en toutes lettres (par ex. stakes history)",
          new Opt(OptionType.STRING, "words", "The command's words", "Les mots de la commande", true)));

  private static final Map<String, String> GROUPS = Map.of(
      "checkin", "Periodic check-ins|Points d'étape réguliers",
      "conflict", "Conflicts|Conflits",
      "mydata", "Your data|Vos données",
      "channel", "The collective's channel, for reports and shared answers|Le salon du collectif, pour les bilans et les réponses partagées");

  private TrameCommand() {}

  private static Sub sub(String group, String name, String words, String en, String fr, Opt... options) {
    return new Sub(group, name, words, en, fr, List.of(options));
  }

  /** The command as registered with Discord: guild-only, usable by everyone. */
  public static SlashCommandData definition() {
    SlashCommandData command = Commands.slash(NAME, "Trame: cooperate well together")
        .setDescriptionLocalization(DiscordLocale.FRENCH, "Trame : bien coopérer ensemble")
        .setContexts(InteractionContextType.GUILD);
    Map<String, SubcommandGroupData> groups = new LinkedHashMap<>();
    for (Sub s : SUBS) {
      SubcommandData data = new SubcommandData(s.name(), s.en()).setDescriptionLocalization(DiscordLocale.FRENCH, s.fr());
      for (Opt o : s.options()) {
        data.addOptions(option(o));
      }
      if (s.group() == null) {
        command.addSubcommands(data);
      } else {
        groups.computeIfAbsent(s.group(), g -> {
          String[] d = GROUPS.get(g).split("\\|");
          return new SubcommandGroupData(g, d[0]).setDescriptionLocalization(DiscordLocale.FRENCH, d[1]);
        }).addSubcommands(data);
      }
    }
    groups.values().forEach(command::addSubcommandGroups);
    return command;
  }

  private static OptionData option(Opt o) {
    OptionData data = new OptionData(o.type(), o.name(), o.en(), o.required())
        .setDescriptionLocalization(DiscordLocale.FRENCH, o.fr());
    switch (o.name()) {
      case "number" -> data.setRequiredRange(1, 9);
      case "language" -> data.addChoice("français", "fr").addChoice("English", "en");
      case "action" -> data.addChoice("history", "history").addChoice("round", "round")
          .addChoice("round close", "round close").addChoice("ambition", "ambition").addChoice("every", "every");
      case "zone", "tz" -> data.setAutoComplete(true);
      default -> { }
    }
    return data;
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
    for (Sub s : SUBS) {
      if (s.name().equals(name) && java.util.Objects.equals(s.group(), group)) {
        List<String> words = new ArrayList<>();
        if (!s.words().isEmpty()) {
          words.add(s.words());
        }
        for (Opt o : s.options()) {
          String value = option.apply(o.name());
          if (value == null || value.isBlank()) {
            continue;
          }
          if (o.type() == OptionType.BOOLEAN) {
            if (Boolean.parseBoolean(value)) {
              words.add(o.name());
            }
          } else if (o.type() == OptionType.USER) {
            // As a mention, so the core tells a named member it does not know from the topic's words.
            words.add("<@" + value.strip() + ">");
          } else {
            words.add(value.strip());
          }
        }
        return Optional.of(String.join(" ", words));
      }
    }
    return Optional.empty();
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
