package org.trame.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trame.core.privacy.PrivacyScenario.*;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.TestBot;

/** Free texts of finished conversations are erased by a daily job once the collective's retention has passed. */
class RetentionTest extends PrivacyCollectiveTest {

  @Override
  String[] members() {
    return new String[] {ALICE, CAROL};
  }

  /** Moves the clock a day at a time, firing the jobs due, as the ticker does. */
  private void days(int n) {
    for (int i = 0; i < n; i++) {
      clock.advance(Duration.ofDays(1));
      bot.tick();
    }
  }

  @Test
  @DisplayName("by default a finished conversation keeps its texts 12 months, and loses them on the daily run after that")
  void defaultTwelveMonths() throws Exception {
    // given alice finished a questionnaire, and a conversation she left open
    stakes(bot, ALICE, ALICE_WHY, ALICE_BRINGS, ALICE_RED, "1");
    bot.command(CAROL, "stakes");
    bot.say(CAROL, "Still thinking about what we all want here");
    assertTrue(bot.command(ALICE, "privacy").get(0).contains("free texts of finished conversations are kept 12 months"));

    // when 11 months pass, the text is still there; a month and a few days later it is gone from the conversation
    days(334);
    assertTrue(bot.rows("SELECT state FROM conversation WHERE flow = 'stakes' AND member_id = ?", ALICE).get(0).contains(ALICE_WHY));
    days(40);
    assertEquals(List.of("{}"), bot.rows("SELECT state FROM conversation WHERE flow = 'stakes' AND member_id = ?", ALICE));
    // and the open conversation keeps its answers; the register (her stakes history) is not a conversation and stays
    assertTrue(bot.rows("SELECT state FROM conversation WHERE member_id = ?", CAROL).get(0).contains("Still thinking"));
    assertFalse(bot.rows("SELECT answer FROM stakes_answer WHERE answer = ?", ALICE_WHY).isEmpty());
    // and the run is in the audit log
    assertTrue(TestBot.joined(bot.command(CAROL, "audit")).contains("privacy retention run"));
  }

  @Test
  @DisplayName("a coordinator shortens the retention to 1 month: texts go a month after the conversation ended; bad values are refused")
  void shorterRetention() throws Exception {
    assertEquals(List.of("Usage: \"privacy\" to see how long texts are kept; \"privacy retention <months>\" (coordinators, 1 to 120)"
        + " to change it."), bot.command(CAROL, "privacy retention 0"));
    assertEquals(List.of("Noted: free texts of finished conversations will be kept 1 month, then erased by the bot's daily run."),
        bot.command(CAROL, "privacy retention 1"));
    stakes(bot, ALICE, ALICE_WHY, ALICE_BRINGS, ALICE_RED, "1");
    days(20);
    assertTrue(bot.rows("SELECT state FROM conversation WHERE member_id = ? AND flow = 'stakes'", ALICE).get(0).contains(ALICE_WHY));
    days(15);
    assertEquals(List.of("{}"), bot.rows("SELECT state FROM conversation WHERE member_id = ? AND flow = 'stakes'", ALICE));
    assertTrue(TestBot.joined(bot.command(CAROL, "audit")).contains("privacy retention (1)"));
  }

  @Test
  @DisplayName("the retention run removes the author tags, with the remarks, of check-ins closed longer ago than the retention; scores stay")
  void checkinTagsGoWithRemarks() throws Exception {
    // given a collective keeping texts one month, and a closed round where alice left a remark she let the report show
    bot.command(CAROL, "privacy retention 1");
    bot.command(CAROL, "checkin now");
    for (String line : List.of("4", "3", "3", "3", ALICE_REMARK, "yes")) {
      bot.say(ALICE, line);
    }
    bot.command(CAROL, "checkin close");
    assertEquals(List.of("1"), bot.rows("SELECT COUNT(*) FROM checkin_answer WHERE author_tag IS NOT NULL"));

    // when three weeks pass, both stay; five weeks after, the daily run has removed them
    days(21);
    assertEquals(List.of(ALICE_REMARK), bot.rows("SELECT remark FROM checkin_answer WHERE author_tag IS NOT NULL"));
    days(14);

    // then the answer keeps its scores, with neither remark nor tag, and the run counted it
    assertEquals(List.of("4|null|null"), bot.rows("SELECT alignment, remark, author_tag FROM checkin_answer"));
    assertTrue(TestBot.joined(bot.command(CAROL, "audit")).contains("1 check-in answers"), TestBot.joined(bot.command(CAROL, "audit")));
  }

  @Test
  @DisplayName("the daily run survives a restart: it is a stored job, one pending per collective")
  void oneJobPerCollective() throws Exception {
    bot.restart();
    bot.restart();
    assertEquals(List.of("1"), bot.rows("SELECT COUNT(*) FROM scheduled_job WHERE kind = 'privacy.retention' AND done_at IS NULL"));
    days(3);
    assertEquals(List.of("1"), bot.rows("SELECT COUNT(*) FROM scheduled_job WHERE kind = 'privacy.retention' AND done_at IS NULL"));
  }

  @Test
  @DisplayName("delivered messages, which hold what members said, leave the outbox a week after delivery; undelivered ones stay")
  void deliveredMessagesPurged() throws Exception {
    stakes(bot, ALICE, ALICE_WHY, ALICE_BRINGS, ALICE_RED, "1");
    delivered(bot);
    assertFalse(cellsHolding(bot, ALICE_WHY).stream().noneMatch(c -> c.startsWith("outbox.")), "the recap went through the outbox");
    days(6);
    assertTrue(cellsHolding(bot, ALICE_WHY).stream().anyMatch(c -> c.startsWith("outbox.")), "kept for a week");
    days(2);
    assertEquals(List.of(), cellsHolding(bot, ALICE_WHY).stream().filter(c -> c.startsWith("outbox.")).toList());
    assertEquals(List.of("0"), bot.rows("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL"));
  }

  @Test
  @DisplayName("dedup records of inbound events are deleted once 7 days old, in bounded slices; recent ones stay to catch redeliveries")
  void eventKeysGoAfterSevenDays() throws Exception {
    // given more than two slices of dedup records received 8 days ago, beside this week's
    long eightDaysAgo = clock.instant().minus(Duration.ofDays(7)).toEpochMilli();
    int old = Retention.EVENT_KEYS_SLICE * 2 + 5;
    bot.trame().write(c -> {
      try (var ps = c.prepareStatement("INSERT INTO inbound_event (event_id, received_at) VALUES (?, ?)")) {
        for (int i = 0; i < old; i++) {
          ps.setString(1, String.format("console:old-%05d", i));
          ps.setLong(2, eightDaysAgo);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    }).join();
    long recentBefore = Long.parseLong(bot.rows("SELECT count(*) FROM inbound_event WHERE event_id NOT LIKE 'console:old-%'").get(0));
    assertTrue(recentBefore > 0);

    // when the daily run comes (a day later: the old ones are 8 days old), and its slices follow a second apart
    days(1);
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofSeconds(1));
      bot.tick();
    }

    // then the old records are gone, each slice having taken part of them, and the recent ones stay
    assertEquals(List.of("0"), bot.rows("SELECT count(*) FROM inbound_event WHERE event_id LIKE 'console:old-%'"));
    assertTrue(Long.parseLong(bot.rows("SELECT count(*) FROM inbound_event WHERE event_id NOT LIKE 'console:old-%'").get(0))
        >= recentBefore);
    assertTrue(Long.parseLong(bot.rows("SELECT count(*) FROM scheduled_job WHERE kind = ? AND done_at IS NOT NULL",
        Retention.EVENT_KEYS_TASK).get(0)) >= 3);
  }
}
