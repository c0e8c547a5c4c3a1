package org.trame.core.privacy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.trame.core.TestBot;
import org.trame.core.port.InboundEvent;

/** A collective where members have said things worth protecting, and a way to search every cell of the database. */
final class PrivacyScenario {

  static final String ALICE = "alice-7f3";
  static final String BOB = "bob-21c";
  static final String CAROL = "carol";
  static final String ALICE_WHY = "We hope our small association will finally weigh in regional advocacy.";
  static final String ALICE_BRINGS = "Visibility for advocacy and shared evaluation know-how.";
  static final String ALICE_RED = "Never any money from weapon makers";
  static final String ALICE_SKILLS = "Facilitation of participatory workshops";
  static final String ALICE_WISH = "Monthly meetings rotating between our towns";
  static final String ALICE_REMARK = "The last meeting felt rushed and unfair to small members";
  static final String BOB_REMARK = "Decisions should be prepared in writing before meetings";
  static final String BOB_WHY = "Secretly we want to take over the youth programme funding.";
  static final String BOB_BRINGS = "Our contacts at the regional council and an evaluation method.";

  private PrivacyScenario() {}

  /** Answers the stakes questionnaire, sharing every answer at {@code share} (1 me, 2 coordinators, 3 all). */
  static void stakes(TestBot bot, String member, String why, String brings, String red, String share) {
    bot.command(member, "stakes");
    boolean alice = member.equals(ALICE);
    for (String line : List.of(why, share, brings, share, "skip", red, share, "1,3", share, "2", share,
        alice ? ALICE_SKILLS : "Bookkeeping for the whole network", share, alice ? ALICE_WISH : "Fewer meetings, more decisions",
        share, "4", share, "yes")) {
      bot.say(member, line);
    }
  }

  /** A line typed in another collective of the same platform. */
  static List<String> commandIn(TestBot bot, String collective, String member, String words) {
    return TestBot.texts(bot.handle(InboundEvent.command(UUID.randomUUID().toString(), TestBot.PLATFORM, collective, member, words)));
  }

  /** Waits until the outbox is delivered and marked, as after a while in production. */
  static void delivered(TestBot bot) throws Exception {
    bot.trame().awaitSent(Duration.ofSeconds(10));
    bot.trame().write(c -> null).join();
    bot.trame().write(c -> null).join();
  }

  /** Every table, column and row where {@code needle} occurs, as "table.column". */
  static List<String> cellsHolding(TestBot bot, String needle) throws Exception {
    return CellScan.holding(bot, needle);
  }

  static List<String> scan(TestBot bot, String needle) throws Exception {
    List<String> found = new ArrayList<>();
    try (Connection c = bot.trame().read()) {
      List<String> tables = new ArrayList<>();
      // Through JDBC's catalogue, so the scan runs on SQLite and PostgreSQL alike (the current schema's tables).
      try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String name = rs.getString("TABLE_NAME");
          if (!name.startsWith("sqlite_")) {
            tables.add(name);
          }
        }
      }
      for (String table : tables) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= n; i++) {
              Object v = rs.getObject(i);
              String text = v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(v);
              if (text.contains(needle) || decodedPayloadHolds(text, needle)) {
                found.add(table + "." + rs.getMetaData().getColumnName(i));
              }
            }
          }
        }
      }
    }
    return found;
  }

  /** An attachment travels base64-encoded in the outbox: a file holding the text counts too. */
  static boolean decodedPayloadHolds(String cell, String needle) {
    int at = cell.indexOf("\"bytes\":\"");
    if (at < 0) {
      return false;
    }
    int start = at + 9;
    int end = cell.indexOf('"', start);
    try {
      return new String(java.util.Base64.getDecoder().decode(cell.substring(start, end)), StandardCharsets.UTF_8).contains(needle);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
