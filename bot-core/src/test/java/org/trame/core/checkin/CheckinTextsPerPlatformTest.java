package org.trame.core.checkin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.Features;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Moment;
import org.trame.core.i18n.Texts;

/** A check-in invitation and reminder name what works where they are read. */
class CheckinTextsPerPlatformTest {

  private final Texts texts = Features.promptsLoader().loadPackaged().texts();
  private final Moment deadline = new Moment(Instant.parse("2026-03-05T17:00:00Z"), ZoneId.of("Europe/Paris"));

  @Test
  @DisplayName("on Discord, where commands do not exist in direct messages, the invitation and reminder send members to a server channel")
  void discordNamesTheServer() {
    String fr = texts.get(CheckinMsg.CHECKIN_INVITE, Lang.FR, "deadline", deadline, "platform", "discord");
    assertTrue(fr.contains("Dans un salon du serveur (les commandes n'existent pas en message privé) : « /trame point passer »"), fr);
    String en = texts.get(CheckinMsg.CHECKIN_REMINDER, Lang.EN, "deadline", deadline, "platform", "discord");
    assertTrue(en.contains("write \"/trame checkin skip\" in one of the server's channels to skip this round"), en);
  }

  @Test
  @DisplayName("on Slack and the terminal the command is named as it is typed there, in the member's language")
  void elsewhereTheCommandAlone() {
    String fr = texts.get(CheckinMsg.CHECKIN_INVITE, Lang.FR, "deadline", deadline, "platform", "slack");
    assertTrue(fr.contains("« /trame point passer » pour passer ce tour, « /trame point reporter AAAA-MM-JJ »"), fr);
    assertFalse(fr.contains("serveur"), fr);
    String en = texts.get(CheckinMsg.CHECKIN_INVITE, Lang.EN, "deadline", deadline, "platform", "console");
    assertFalse(en.contains("server") || en.contains("  "), en);
  }
}
