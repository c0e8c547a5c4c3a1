package org.trame.core.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.TestBot;
import org.trame.core.port.Audience;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.OutboundMessage;

/** The collective's channel is configured or set by a coordinator, stored, and never follows where someone typed. */
class CollectiveChannelTest {

  @TempDir
  Path dir;

  /** A command typed in {@code channel} (a platform channel id), as Slack and Discord deliver slash commands. */
  private static List<OutboundMessage> typedIn(TestBot bot, String channel, String member, String words) {
    return bot.handle(new InboundEvent(UUID.randomUUID().toString(), TestBot.PLATFORM, TestBot.COLLECTIVE, member, member,
        InboundEvent.Kind.COMMAND, words, null, null, null, channel)).messages();
  }

  /** Alice withdraws from the collective with approved words, which the collective's channel is to read. */
  private static List<OutboundMessage> aliceWithdraws(TestBot bot) {
    List<OutboundMessage> out = new java.util.ArrayList<>();
    for (String line : List.of("/trame withdraw", "2", "I have less time", "2", "Thank you all", "yes", "1")) {
      out.addAll(bot.handle(InboundEvent.text(UUID.randomUUID().toString(), TestBot.PLATFORM, TestBot.COLLECTIVE, "alice", line))
          .messages());
    }
    return out;
  }

  @Test
  @DisplayName("with no channel set, what the channel would read goes to the coordinators privately, saying how to set one")
  void noChannelYet() {
    try (TestBot bot = new TestBot(dir.resolve("t.db"), "carol")) {
      bot.configuredChannel = false;
      bot.command("carol", "lang en");
      bot.command("alice", "lang en");
      List<OutboundMessage> out = aliceWithdraws(bot);
      assertTrue(out.stream().noneMatch(m -> m.audience().type() == Audience.Type.CHANNEL), out.toString());
      OutboundMessage toCarol = out.stream().filter(m -> m.audience().equals(Audience.coordinator("carol"))).findFirst().orElseThrow();
      assertTrue(toCarol.text().contains("withdraws from the collective"), toCarol.text());
      assertTrue(toCarol.text().contains("a coordinator types \"/trame channel here\""), toCarol.text());
    }
  }

  @Test
  @DisplayName("a coordinator's \"channel here\" is where reports go, across restarts; a member typing elsewhere moves nothing")
  void setByCoordinatorAndKept() {
    Path db = dir.resolve("t.db");
    try (TestBot bot = new TestBot(db, "carol")) {
      bot.configuredChannel = false;
      bot.command("alice", "lang en");
      bot.command("bob", "lang en");
      // given carol sets the channel in C42
      List<OutboundMessage> set = typedIn(bot, "C42", "carol", "channel here");
      assertTrue(set.get(0).text().contains("this channel is now the collective's channel"), set.toString());
      // when bob tries the same in #random, and members type commands there
      List<OutboundMessage> refused = typedIn(bot, "C99", "bob", "channel here");
      assertTrue(refused.get(0).text().contains("Only coordinators"), refused.toString());
      typedIn(bot, "C99", "bob", "checkin skip");
    }
    try (TestBot bot = new TestBot(db, "carol")) {
      bot.configuredChannel = false;
      // then after a restart the announcement goes to C42 and nowhere else
      List<OutboundMessage> out = aliceWithdraws(bot);
      List<Audience> channels = out.stream().map(OutboundMessage::audience).filter(a -> a.type() == Audience.Type.CHANNEL).toList();
      assertEquals(List.of(Audience.channel("C42")), channels);
      assertTrue(bot.command("carol", "channel").get(0).contains("(id C42)"), "\"channel\" says which it is");
    }
  }

  @Test
  @DisplayName("\"channel here\" in a direct message says where to type it; with a configured channel it changes nothing")
  void hereNeedsAChannel() throws Exception {
    try (TestBot bot = new TestBot(dir.resolve("t.db"), "carol")) {
      bot.configuredChannel = false;
      String dm = bot.command("carol", "channel here").get(0);
      assertTrue(dm.contains("in the channel itself"), dm);
      String help = String.join("\n", bot.command("carol", "help"));
      assertTrue(help.contains("• channel here: make this channel the collective's channel") && help.contains("The collective has no channel yet"), help);
      bot.configuredChannel = true;
      String configured = typedIn(bot, "C42", "carol", "channel here").get(0).text();
      assertTrue(configured.contains("fixed by the bot's configuration"), configured);
      assertEquals(List.of("0"), bot.rows("SELECT COUNT(*) FROM collective_setting WHERE key = 'channel'"));
      assertFalse(String.join("\n", bot.command("alice", "help")).contains("channel here"), "members' help does not offer it");
    }
  }
}
