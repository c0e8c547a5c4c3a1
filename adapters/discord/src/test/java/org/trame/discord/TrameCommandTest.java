package org.trame.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import org.trame.core.port.CommandCatalogue;
import org.trame.core.port.CommandSpec;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrameCommandTest {

  private static Optional<String> words(String group, String name, Map<String, String> options) {
    return TrameCommand.words(group, name, options::get);
  }

  @Test
  @DisplayName("subcommands become the core's words, the same as typed in the terminal")
  void words() {
    // given invocations of /trame with and without options
    // when translated
    // then they read as the core's command words
    assertEquals(Optional.of("stakes"), words("stakes", "start", Map.of()));
    assertEquals(Optional.of("stakes round 14 48"), words("stakes", "round", Map.of("days", "14", "hours", "48")));
    assertEquals(Optional.of("stakes round close"), words("stakes", "round", Map.of("close", "true")));
    assertEquals(Optional.of("stakes history"), words("stakes", "history", Map.of()));
    assertEquals(Optional.of("stakes every 6"), words("stakes", "every", Map.of("months", " 6 ")));
    assertEquals(Optional.of("lang en"), words(null, "lang", Map.of("language", "en")));
    assertEquals(Optional.of("sheet 7"), words(null, "sheet", Map.of("number", "7")));
    assertEquals(Optional.of("sheet"), words(null, "sheet", Map.of()));
    assertEquals(Optional.of("tz Europe/Paris"), words(null, "tz", Map.of("zone", "Europe/Paris")));
    assertEquals(Optional.of("checkin schedule 0 9 * * MON Europe/Paris"),
        words("checkin", "schedule", Map.of("cron", "0 9 * * MON", "tz", "Europe/Paris")));
    assertEquals(Optional.of("mydata forget"), words("mydata", "forget", Map.of()));
  }

  @Test
  @DisplayName("members named in a conflict are passed as mentions of their user ids, in the options' order, then the topic")
  void conflictParties() {
    // given a coordinator naming three parties
    Map<String, String> parties = Map.of("party2", "222", "party1", "111", "party3", "333");
    // when translated
    // then the core gets the ids it knows the members by
    assertEquals(Optional.of("conflict <@111> <@222> <@333>"), words("conflict", "start", parties));
    Map<String, String> withTopic = Map.of("party1", "111", "party2", "222", "topic", "the shared van");
    assertEquals(Optional.of("conflict <@111> <@222> the shared van"), words("conflict", "start", withTopic));
    assertEquals(Optional.of("checkin snooze 2026-12-24"), words("checkin", "snooze", Map.of("until", "2026-12-24")));
    assertEquals(Optional.of("conflict request"), words("conflict", "request", Map.of()));
  }

  @Test
  @DisplayName("a conflict names up to eight parties with Discord's user picker, each reaching the core as a mention of its id")
  void eightParties() {
    // given the registered definition of /trame conflict start
    var start = TrameCommand.definition().getSubcommandGroups().stream().filter(g -> g.getName().equals("conflict"))
        .findFirst().orElseThrow().getSubcommands().stream().filter(s -> s.getName().equals("start")).findFirst().orElseThrow();
    // then it offers eight USER options (two required) and a topic
    var users = start.getOptions().stream().filter(o -> o.getType() == net.dv8tion.jda.api.interactions.commands.OptionType.USER)
        .toList();
    assertEquals(8, users.size());
    assertEquals(2, users.stream().filter(o -> o.isRequired()).count());
    // when a coordinator picks eight members and a topic
    Map<String, String> picked = new java.util.HashMap<>();
    for (int i = 1; i <= 8; i++) {
      picked.put("party" + i, "14000000000000000" + (10 + i));
    }
    picked.put("topic", "the shared van");
    // then the core gets the eight mentions in order, then the topic
    assertEquals(Optional.of("conflict <@1400000000000000011> <@1400000000000000012> <@1400000000000000013>"
        + " <@1400000000000000014> <@1400000000000000015> <@1400000000000000016> <@1400000000000000017>"
        + " <@1400000000000000018> the shared van"), words("conflict", "start", picked));
  }

  @Test
  @DisplayName("/trame channel here reaches the core as its words, described in English and French")
  void channelHere() {
    // given the definition
    var channel = TrameCommand.definition().getSubcommandGroups().stream().filter(g -> g.getName().equals("channel"))
        .findFirst().orElseThrow();
    var here = channel.getSubcommands().stream().filter(s -> s.getName().equals("here")).findFirst().orElseThrow();
    assertEquals("here", here.getName());
    assertTrue(here.getDescriptionLocalizations().toMap().containsKey(net.dv8tion.jda.api.interactions.DiscordLocale.FRENCH));
    // when used, then the core reads "channel here"
    assertEquals(Optional.of("channel here"), words("channel", "here", Map.of()));
  }

  @Test
  @DisplayName("/trame words passes any command as typed, for core commands Discord does not list yet")
  void anyWords() {
    assertEquals(Optional.of("stakes ambition Peser ensemble"), words(null, "words", Map.of("words", "stakes ambition Peser ensemble")));
  }

  @Test
  @DisplayName("an unknown subcommand (an older registration) is not translated")
  void unknown() {
    assertTrue(words(null, "dance", Map.of()).isEmpty());
  }

  @Test
  @DisplayName("the definition stays within Discord's limits: 25 subcommands and groups, lower-case names")
  void limits() {
    // given the definition
    SlashCommandData data = TrameCommand.definition();
    // then it fits Discord's rules
    assertTrue(data.getSubcommands().size() + data.getSubcommandGroups().size() <= 25);
    data.getSubcommands().forEach(s -> assertTrue(s.getName().matches("[a-z0-9_-]{1,32}"), s.getName()));
    assertEquals("trame", data.getName());
  }

  @Test
  @DisplayName("every name, French name and description of the tree fits Discord's rules, at every level, options included")
  void limitsEverywhere() {
    // given the definition generated from the catalogue
    SlashCommandData data = TrameCommand.definition();
    List<SubcommandData> leaves = new ArrayList<>(data.getSubcommands());
    // then groups and their subcommands fit: 25 at most, named and described in both languages
    assertTrue(data.getSubcommands().size() + data.getSubcommandGroups().size() <= 25);
    named(data.getSubcommands().stream().map(s -> new Named(s.getName(), s.getNameLocalizations().toMap(), s.getDescription(),
        s.getDescriptionLocalizations().toMap())).toList(), data.getSubcommandGroups().stream().map(g -> new Named(g.getName(),
        g.getNameLocalizations().toMap(), g.getDescription(), g.getDescriptionLocalizations().toMap())).toList());
    for (SubcommandGroupData g : data.getSubcommandGroups()) {
      assertTrue(g.getSubcommands().size() <= 25, g.getName());
      named(g.getSubcommands().stream().map(s -> new Named(s.getName(), s.getNameLocalizations().toMap(), s.getDescription(),
          s.getDescriptionLocalizations().toMap())).toList(), List.of());
      leaves.addAll(g.getSubcommands());
    }
    for (SubcommandData s : leaves) {
      List<OptionData> options = s.getOptions();
      assertTrue(options.size() <= 25, s.getName());
      named(options.stream().map(o -> new Named(o.getName(), o.getNameLocalizations().toMap(), o.getDescription(),
          o.getDescriptionLocalizations().toMap())).toList(), List.of());
      // Discord refuses a required option after an optional one
      boolean optionalSeen = false;
      for (OptionData o : options) {
        assertFalse(optionalSeen && o.isRequired(), s.getName() + " " + o.getName());
        optionalSeen |= !o.isRequired();
        assertTrue(o.getChoices().size() <= 25, o.getName());
      }
    }
  }

  private record Named(String name, Map<DiscordLocale, String> names, String description, Map<DiscordLocale, String> descriptions) {}

  /** Siblings: valid, distinct names in English and in French, and descriptions of 1 to 100 characters in both. */
  private static void named(List<Named> subcommands, List<Named> groups) {
    List<Named> siblings = new ArrayList<>(subcommands);
    siblings.addAll(groups);
    Set<String> en = new HashSet<>();
    Set<String> fr = new HashSet<>();
    for (Named n : siblings) {
      String french = n.names().get(DiscordLocale.FRENCH);
      assertTrue(n.name().matches("^[-_\\p{Ll}\\p{N}]{1,32}$"), n.name());
      assertTrue(french != null && french.matches("^[-_\\p{Ll}\\p{N}]{1,32}$"), n.name() + " in French: " + french);
      assertTrue(en.add(n.name()), "two siblings named " + n.name());
      assertTrue(fr.add(french), "two siblings named " + french + " in French");
      String fd = n.descriptions().get(DiscordLocale.FRENCH);
      assertTrue(!n.description().isEmpty() && n.description().length() <= 100, n.name() + ": " + n.description());
      assertTrue(fd != null && !fd.isEmpty() && fd.length() <= 100, n.name() + " in French: " + fd);
    }
  }

  @Test
  @DisplayName("every command and subcommand of the core has a Discord path that reaches the core as its own words;"
      + " planned ones (ethics, map, diagnostic) are not offered")
  void everyCommandHasAPath() {
    // given the core's catalogue and the generated tree
    SlashCommandData data = TrameCommand.definition();
    CommandCatalogue catalogue = CommandCatalogue.packaged();
    for (CommandSpec c : catalogue.commands()) {
      boolean offered = data.getSubcommands().stream().anyMatch(s -> s.getName().equals(c.word()))
          || data.getSubcommandGroups().stream().anyMatch(g -> g.getName().equals(c.word()));
      // then an available command is there, a planned one is not
      assertEquals(c.available(), offered, c.word());
      if (!c.available()) {
        continue;
      }
      if (c.subcommands().isEmpty()) {
        assertEquals(Optional.of(c.word()), words(null, c.word(), Map.of()));
        continue;
      }
      SubcommandGroupData group = data.getSubcommandGroups().stream().filter(g -> g.getName().equals(c.word())).findFirst()
          .orElseThrow();
      for (CommandSpec s : c.subcommands()) {
        assertTrue(group.getSubcommands().stream().anyMatch(d -> d.getName().equals(s.word())), c.word() + " " + s.word());
        // when invoked, then the core reads the canonical words
        assertEquals(Optional.of(c.word() + " " + s.word()), words(c.word(), s.word(), Map.of()));
      }
      if (c.bare() != null) {
        assertEquals(Optional.of(c.word()), words(c.word(), c.bare().word(), Map.of()));
      }
    }
  }

  @Test
  @DisplayName("commands Discord lacked are offered now, named in French too: checkin close, privacy, audit, withdraw return, stakes share")
  void formerlyMissing() {
    // given the definition
    SlashCommandData data = TrameCommand.definition();
    // then the checkin group holds close, anonymous, reminder and deadline, with French names
    SubcommandGroupData checkin = data.getSubcommandGroups().stream().filter(g -> g.getName().equals("checkin")).findFirst()
        .orElseThrow();
    assertEquals("point", checkin.getNameLocalizations().toMap().get(DiscordLocale.FRENCH));
    for (String sub : List.of("close", "anonymous", "reminder", "deadline")) {
      assertTrue(checkin.getSubcommands().stream().anyMatch(s -> s.getName().equals(sub)), sub);
    }
    // and the hours of a reminder are a whole number in the core's range
    OptionData hours = checkin.getSubcommands().stream().filter(s -> s.getName().equals("reminder")).findFirst().orElseThrow()
        .getOptions().get(0);
    assertEquals(OptionType.INTEGER, hours.getType());
    assertEquals(1, hours.getMinValue().intValue());
    assertEquals(336, hours.getMaxValue().intValue());
    // and the rest reach the core as words
    assertEquals(Optional.of("checkin anonymous off"), words("checkin", "anonymous", Map.of("setting", "off")));
    assertEquals(Optional.of("privacy retention 6"), words("privacy", "retention", Map.of("months", "6")));
    assertEquals(Optional.of("privacy"), words("privacy", "show", Map.of()));
    assertEquals(Optional.of("audit 50"), words(null, "audit", Map.of("entries", "50")));
    assertEquals(Optional.of("withdraw return"), words("withdraw", "return", Map.of()));
    assertEquals(Optional.of("conflict close 3"), words("conflict", "close", Map.of("case", "3")));
    assertEquals(Optional.of("stakes share 2 collective"), words("stakes", "share", Map.of("answer", "2", "audience", "collective")));
    assertTrue(words(null, "ethics", Map.of("partner", "Acme")).isEmpty());
  }

  @Test
  @DisplayName("time-zone autocomplete offers matching IANA zones, at most 25")
  void zones() {
    // given a member typing a city
    // when suggestions are asked
    // then the zone is among them, and Discord's limit holds
    assertTrue(TrameCommand.zonesMatching("paris").contains("Europe/Paris"));
    assertEquals("Europe/Paris", TrameCommand.zonesMatching("Europe/Par").get(0));
    assertEquals(25, TrameCommand.zonesMatching("").size());
  }
}
