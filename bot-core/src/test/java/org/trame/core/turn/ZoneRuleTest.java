package org.trame.core.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trame.core.TestBot;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.MemberHints;

/** A zone name is judged by one rule whether the platform gives it or a member types it. */
class ZoneRuleTest {

  @TempDir
  Path dir;
  TestBot bot;

  @BeforeEach
  void start() {
    bot = new TestBot(dir.resolve("zones.db"));
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @DisplayName("a zone name is kept or refused alike whether the platform gives it or a member types it with tz")
  @ParameterizedTest(name = "\"{0}\" is {1} from the platform and typed with tz alike")
  @CsvSource(delimiter = '|', nullValues = "none", value = {
      "Europe/Paris                   | kept    | Europe/Paris",
      "America/Argentina/Buenos_Aires | kept    | America/Argentina/Buenos_Aires",
      "UTC                            | kept    | UTC",
      "+02:00                         | refused | none",
      "CET                            | refused | none",
      "Mars/Olympus                   | refused | none",
      "Europe/Paris/Montmartre        | refused | none",
      "''                             | refused | none"})
  void sameRuleOnBothPaths(String zone, String outcome, String stored) throws Exception {
    // given one member whose platform gives the zone, and one who types it
    bot.handle(new InboundEvent("hint", TestBot.PLATFORM, TestBot.COLLECTIVE, "pia", "pia", InboundEvent.Kind.COMMAND,
        "tz", null, null, new MemberHints(null, zone, false)));
    // when the other types it with tz
    bot.command("tom", "tz " + zone);
    // then both keep it, or both refuse it and keep nothing
    String expected = stored == null ? "null" : stored;
    assertEquals(List.of(expected), bot.rows("SELECT time_zone FROM member WHERE member_id = 'pia'"), "from the platform");
    assertEquals(List.of(expected), bot.rows("SELECT time_zone FROM member WHERE member_id = 'tom'"), "typed with tz");
  }
}
