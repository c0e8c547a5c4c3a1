package org.trame.core.privacy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trame.core.privacy.PrivacyScenario.*;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.trame.core.MutableClock;
import org.trame.core.TestBot;

class LogsHoldNoTextsTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("a collective's whole life (stakes, check-in, refusals, forged buttons, withdrawal, erasure) logs none of the words members typed")
  void noFreeTextInLogs() throws Exception {
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(logged);
    try (TestBot bot = new TestBot(dir.resolve("trame.db"), new MutableClock(Instant.parse("2026-03-02T09:00:00Z")), CAROL)) {
      for (String m : List.of(ALICE, BOB, CAROL)) {
        bot.command(m, "lang en");
      }
      bot.command(CAROL, "stakes round 7");
      stakes(bot, ALICE, ALICE_WHY, ALICE_BRINGS, ALICE_RED, "2");
      bot.command(BOB, "stakes ambition " + ALICE_WISH);
      bot.command(BOB, "checkin now " + ALICE_REMARK);
      bot.command(CAROL, "checkin now");
      for (String line : List.of("4", "3", "2", "4", ALICE_REMARK, "yes")) {
        bot.say(ALICE, line);
      }
      bot.handle(org.trame.core.port.InboundEvent.choice("forged", TestBot.PLATFORM, TestBot.COLLECTIVE, BOB, "999999",
          "why", ALICE_SKILLS));
      for (String line : List.of("/trame withdraw", "2", "The meetings are at hours I cannot make", "1", "skip", "yes", "3")) {
        bot.say(BOB, line);
      }
      bot.command(ALICE, "mydata forget");
      bot.say(ALICE, "yes");
      delivered(bot);
    } finally {
      root.detachAppender(logged);
    }
    assertTrue(logged.list.stream().anyMatch(e -> e.getFormattedMessage().startsWith("refused:")), "the scenario logged nothing");
    for (ILoggingEvent e : logged.list) {
      String line = e.getFormattedMessage() + throwableText(e.getThrowableProxy());
      for (String said : List.of(ALICE_WHY, ALICE_BRINGS, ALICE_RED, ALICE_WISH, ALICE_REMARK, ALICE_SKILLS,
          "The meetings are at hours I cannot make")) {
        assertFalse(line.contains(said), "logged: " + line);
      }
    }
  }

  private static String throwableText(IThrowableProxy t) {
    StringBuilder sb = new StringBuilder();
    for (IThrowableProxy p = t; p != null; p = p.getCause()) {
      sb.append(' ').append(p.getMessage());
    }
    return sb.toString();
  }
}
