package org.trame.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
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
    assertEquals(Optional.of("stakes"), words(null, "stakes", Map.of()));
    assertEquals(Optional.of("stakes round 14 48"), words(null, "stakes", Map.of("action", "round", "details", "14 48")));
    assertEquals(Optional.of("stakes round close"), words(null, "stakes", Map.of("action", "round close")));
    assertEquals(Optional.of("stakes history"), words(null, "stakes", Map.of("action", "history")));
    assertEquals(Optional.of("stakes every 6"), words(null, "stakes", Map.of("action", "every", "details", " 6 ")));
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
    var here = channel.getSubcommands().get(0);
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
