package org.trame.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.engine.Flow;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Msg;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.Option;
import org.trame.core.port.OutboundMessage;

/**
 * Whatever members type or click, in every flow of prompts/, from any collective: the core
 * answers, keeps every conversation at a real step, writes only to members of the collective the
 * message belongs to, and never puts a private answer in a channel.
 *
 * <p>The commands are read from the packaged help (every "/trame" line, placeholders filled at
 * random), so a new flow's commands are exercised as soon as its help line exists. Free-text
 * answers carry markers ({@code PRIV123x}); at the end every channel message is scanned for them.
 */
class RandomInputTest {

  @TempDir
  Path dir;

  static final List<String> WORDS = List.of("help", "aide", "back", "retour", "skip", "passer", "pause", "resume",
      "reprendre", "cancel", "annuler", "yes", "non", "oui", "no", "1", "2", "3", "4", "5", "7", "0", "-1", "1,3", "1,,9",
      "99999999999", "", "   ", "/trame stakes", "/trame");
  /** Emoji, zero-width, right-to-left, combining marks, control characters, injection-looking text. */
  static final List<String> ODD = List.of("🙂🙃👩🏽‍🚀", "\u200B\u200B\u200D", "\u202Eevil\u202C", "e\u0301\u0301\u0301",
      "\u0000", "'; DROP TABLE member; --", "%s%n{0}{date}", "\\u0000", "\r\n", "ｆｕｌｌｗｉｄｔｈ", "שלום עולם", "مرحبا",
      "\uD83D", "<@U123> @here <!channel>", "${jndi:ldap://x}", "\t\t");
  static final Pattern MARKER = Pattern.compile("PRIV\\d+x");
  /** Members who only make noise, and those of the transcripts (who make noise only in the collective "other"). */
  static final List<String> NOISY = List.of("ana", "ben", "chloé", "dev", "eve", "zoé", "yan");
  static final List<String> SCRIPTED = List.of("alice", "bob", "carol", "dan");
  static final Path TRANSCRIPTS = Path.of("..", "data", "transcripts");

  /** One transcript of data/transcripts, played in its own collective: its lines, as events, in order. */
  record Script(String collective, List<String[]> lines) {
    static List<Script> all() throws java.io.IOException {
      List<Script> scripts = new ArrayList<>();
      try (var files = java.nio.file.Files.list(TRANSCRIPTS)) {
        for (Path f : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
          List<String[]> lines = new ArrayList<>();
          for (String line : java.nio.file.Files.readAllLines(f)) {
            int colon = line.indexOf(": ");
            if (!line.isBlank() && !line.startsWith("#") && colon > 0) {
              lines.add(new String[] {line.substring(0, colon), line.substring(colon + 2)});
            }
          }
          scripts.add(new Script(f.getFileName().toString().replace(".txt", ""), lines));
        }
      }
      return scripts;
    }
  }

  /** A free text of 0 to 100,000 characters, or an odd one, or a marked answer. */
  static String randomText(Random r, int n) {
    return switch (r.nextInt(8)) {
      case 0, 1 -> WORDS.get(r.nextInt(WORDS.size()));
      case 2 -> ODD.get(r.nextInt(ODD.size())).repeat(1 + r.nextInt(3)) + (r.nextBoolean() ? " PRIV" + n + "x" : "");
      case 3 -> "x".repeat(r.nextInt(r.nextBoolean() ? 50 : 100_001));
      case 4 -> ODD.get(r.nextInt(ODD.size())).repeat(r.nextInt(5_000));
      default -> "PRIV" + n + "x I am here because " + r.nextInt(1000) + " reasons matter to our association";
    };
  }

  /** Every "/trame" command of the help, alternatives split, placeholders filled at random. */
  static List<String> commands(Trame trame) {
    String help = org.trame.core.turn.Help.of(org.trame.core.port.CommandCatalogue.packaged(), trame.texts(), Lang.EN, true);
    List<String> commands = new ArrayList<>();
    for (String line : help.lines().toList()) {
      if (!line.startsWith("•")) {
        continue;
      }
      String usage = line.substring(1, line.indexOf(':') > 0 ? line.indexOf(':') : line.length()).strip()
          .replaceAll("\\b(\\w+)(\\|\\w+)+", "$1"); // a choice: its first value
      String prefix = "";
      for (String alternative : usage.split("\\|")) {
        String words = alternative.strip();
        if (prefix.isEmpty() || words.contains(" ")) {
          prefix = words.split(" ")[0];
          commands.add(words);
        } else {
          commands.add(prefix + " " + words); // "checkin pause | resume": resume belongs to checkin
        }
      }
    }
    return commands;
  }

  /**
   * A command of the help at random. The transcripts' members, making noise in another collective,
   * never erase their data: erasure spans every collective of the platform, so it would rightly end
   * the transcripts' own conversations there, and the flows they carry deep would go unexercised.
   */
  static String noiseCommand(List<String> commands, Random r, boolean scriptedMember) {
    String command;
    do {
      command = commands.get(r.nextInt(commands.size()));
    } while (scriptedMember && command.contains("forget"));
    return command;
  }

  static String fill(String command, Random r, List<String> members) {
    String filled = command;
    String[][] placeholders = {
        {"\\[days\\]", String.valueOf(r.nextInt(3) == 0 ? -r.nextInt(5) : r.nextInt(30))},
        {"\\[hours\\]", String.valueOf(r.nextInt(100))},
        {"<hours>", r.nextBoolean() ? String.valueOf(r.nextInt(200)) : "soon"},
        {"<months>", String.valueOf(r.nextInt(14) - 1)},
        {"<text>", r.nextBoolean() ? "a shared ambition" : "x".repeat(r.nextInt(5_000))},
        {"<cron>", List.of("0 9 * * 1", "*/1 * * * *", "not a cron", "0 25 * * *", "0 9 1 * *").get(r.nextInt(5))},
        {"\\[Area/City\\]", List.of("Europe/Paris", "America/New_York", "Mars/Olympus", "").get(r.nextInt(4))},
        {"Area/City", List.of("Europe/Paris", "Asia/Kolkata", "Nowhere", "UTC").get(r.nextInt(4))},
        {"YYYY-MM-DD", List.of("2026-12-01", "2025-01-01", "2026-13-45", "tomorrow").get(r.nextInt(4))},
        {"on\\|off", r.nextBoolean() ? "on" : "off"},
        {"<[^>]+>", "@" + members.get(r.nextInt(members.size()))},
        {"\\[[^\\]]+\\]", ""}};
    for (String[] p : placeholders) {
      filled = filled.replaceAll(p[0], Matcher.quoteReplacement(p[1]));
    }
    return filled.strip();
  }

  @Test
  @DisplayName("2,500 random commands, answers and clicks around the transcripts of every flow, across collectives, never break a turn,"
      + " leave a conversation at a real step, reach someone outside the collective, or put a private answer in a channel")
  void randomInputs() throws Exception {
    Random r = new Random(20261122);
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    try (TestBot bot = new TestBot(dir.resolve("trame.db"), clock, "carol")) {
      List<String> commands = commands(bot.trame());
      assertTrue(commands.size() >= 10, "commands from the help: " + commands);
      Set<String> flowsSeen = new HashSet<>();
      Map<String, Set<String>> known = new HashMap<>(); // members who have spoken, by collective
      Map<String, OutboundMessage> lastQuestion = new HashMap<>(); // by collective/member
      List<OutboundMessage> questions = new ArrayList<>();
      // the transcripts carry the flows deep (a conflict space to its follow-up); noise goes around them
      List<Script> scripts = Script.all();
      assertTrue(scripts.size() >= 3, "transcripts found in " + TRANSCRIPTS.toAbsolutePath());
      int[] next = new int[scripts.size()];
      List<String> collectives = new ArrayList<>(scripts.stream().map(Script::collective).toList());
      collectives.add("other");
      for (int i = 0; i < 2_500 || java.util.stream.IntStream.range(0, next.length).anyMatch(k -> next[k] < scripts.get(k).lines().size()); i++) {
        int pick = r.nextInt(scripts.size());
        if (r.nextBoolean() && next[pick] < scripts.get(pick).lines().size()) {
          Script script = scripts.get(pick);
          String[] line = script.lines().get(next[pick]++);
          String text = line[1].split("\\s+").length >= 4 && !line[1].startsWith("/trame") ? line[1] + " PRIV" + i + "x" : line[1];
          known.computeIfAbsent(script.collective(), k -> new HashSet<>()).add(line[0]);
          InboundEvent e = text.startsWith("/trame")
              ? InboundEvent.command("e" + i, TestBot.PLATFORM, script.collective(), line[0], text.substring("/trame".length()).strip())
              : InboundEvent.text("e" + i, TestBot.PLATFORM, script.collective(), line[0], text);
          turn(bot, e, known, lastQuestion, questions);
          continue;
        }
        String collective = collectives.get(r.nextInt(collectives.size()));
        List<String> members = collective.equals("other") ? SCRIPTED : NOISY;
        String member = members.get(r.nextInt(members.size()));
        known.computeIfAbsent(collective, k -> new HashSet<>()).add(member);
        OutboundMessage asked = lastQuestion.get(collective + "/" + member);
        InboundEvent e = switch (r.nextInt(10)) {
          case 0, 1 -> InboundEvent.command("e" + i, TestBot.PLATFORM, collective, member,
              fill(noiseCommand(commands, r, members == SCRIPTED), r, members));
          case 2, 3, 4 -> InboundEvent.text("e" + i, TestBot.PLATFORM, collective, member, randomText(r, i));
          case 5, 6 -> InboundEvent.text("e" + i, TestBot.PLATFORM, collective, member, answerTo(asked, r, i));
          default -> {
            // a click: on the member's own question, someone else's, another collective's, or forged
            OutboundMessage on = r.nextInt(3) == 0 && !questions.isEmpty() ? questions.get(r.nextInt(questions.size())) : asked;
            String ref = on == null || r.nextInt(8) == 0 ? List.of("999999", "-1", "abc", "1 OR 1=1", "").get(r.nextInt(5)) : on.conversationRef();
            String step = on == null || r.nextInt(8) == 0 ? List.of("why", "nope", "").get(r.nextInt(3)) : on.stepRef();
            yield InboundEvent.choice("e" + i, TestBot.PLATFORM, collective, member, ref, step, answerTo(on, r, i));
          }
        };
        turn(bot, e, known, lastQuestion, questions);
        if (r.nextInt(40) == 0) {
          clock.advance(Duration.ofMinutes(r.nextInt(3 * 60))); // short: the transcripts' rounds and steps must not expire
          for (OutboundMessage m : bot.tick()) {
            checkAddressed(m, m.collective(), known);
          }
        }
        if (i % 250 == 249) {
          flowsSeen.addAll(bot.rows("SELECT DISTINCT flow FROM conversation"));
        }
      }
      // when, at the end, two years pass and the scheduled jobs run (follow-ups, reviews, rounds)
      for (int j = 0; j < 24; j++) {
        clock.advance(Duration.ofDays(31));
        for (OutboundMessage m : bot.tick()) {
          checkAddressed(m, m.collective(), known);
        }
      }
      // then every flow of prompts/ was started at least once
      assertEquals(bot.trame().prompts().flows().keySet(), new HashSet<>(bot.rows("SELECT DISTINCT flow FROM conversation")),
          "every flow was exercised");
      // and every conversation stands at a real step of its flow, or has ended with none
      for (String row : bot.rows("SELECT flow || '|' || status || '|' || COALESCE(step, '') FROM conversation")) {
        String[] parts = row.split("\\|", -1);
        Flow flow = bot.trame().prompts().flow(parts[0]).orElseThrow();
        if (parts[1].equals("active") || parts[1].equals("paused")) {
          assertTrue(flow.has(parts[2]), "an open conversation stands at a real step: " + row);
        } else {
          assertEquals("", parts[2], "an ended conversation has no step: " + row);
        }
      }
      // and every private message in the outbox went to a member of the message's collective
      assertEquals(List.of(), bot.rows("SELECT o.collective_id || '|' || o.recipient FROM outbox o WHERE o.audience = 'member'"
          + " AND NOT EXISTS (SELECT 1 FROM member m WHERE m.collective_id = o.collective_id AND m.member_id = o.recipient)"));
      assertEquals(List.of(), bot.rows("SELECT collective_id || '|' || recipient FROM outbox WHERE audience = 'channel'"
          + " AND collective_id <> 'console:' || recipient"));
      // and no channel message holds an answer its author did not choose to show the collective
      Set<String> shown = new LinkedHashSet<>();
      bot.rows("SELECT answer FROM stakes_answer WHERE sharing = 'collective' AND answer IS NOT NULL").forEach(a -> markers(a, shown));
      bot.rows("SELECT remark FROM checkin_answer WHERE remark IS NOT NULL").forEach(a -> markers(a, shown));
      // a conflict space shares approved wordings, solutions, the decision and the plan; never the first descriptions
      for (String sql : List.of("SELECT needs FROM conflict_party", "SELECT decision_text FROM conflict_party",
          "SELECT value_answers FROM conflict_party", "SELECT * FROM conflict_solution", "SELECT * FROM conflict_action")) {
        for (String row : bot.rows(sql)) {
          markers(row, shown);
        }
      }
      Set<String> leaked = new LinkedHashSet<>();
      for (String text : bot.rows("SELECT json_extract(payload, '$.text') FROM outbox WHERE audience = 'channel'")) {
        Set<String> inChannel = new LinkedHashSet<>();
        markers(text, inChannel);
        inChannel.removeAll(shown);
        leaked.addAll(inChannel);
      }
      assertEquals(Set.of(), leaked, "private answers found in a channel message");
      assertFalse(bot.rows("SELECT 1 FROM outbox WHERE audience = 'channel' LIMIT 1").isEmpty(), "channel messages were written and scanned");
      assertFalse(shown.isEmpty() && leaked.isEmpty() && bot.rows("SELECT 1 FROM outbox WHERE json_extract(payload, '$.text') LIKE '%PRIV%'").isEmpty(),
          "marked answers reached the outbox, so the scan could find them");
    }
  }

  /** One event through the inbound port, with the checks that hold after every turn. */
  private static void turn(TestBot bot, InboundEvent e, Map<String, Set<String>> known, Map<String, OutboundMessage> lastQuestion,
      List<OutboundMessage> questions) throws Exception {
    Handled h = bot.trame().handle(e).join(); // throws if an exception escaped the core
    assertEquals(List.of(), bot.rows("SELECT id || '|' || flow || '|' || status || '|' || step FROM conversation"
        + " WHERE status IN ('done', 'cancelled') AND step IS NOT NULL"), "an ended conversation keeps no step, after " + e);
    for (OutboundMessage m : h.messages()) {
      checkAddressed(m, e.collective(), known);
      if (m.conversationRef() != null && m.stepRef() != null) {
        if (m.audience().isPrivate()) {
          lastQuestion.put(e.collective() + "/" + m.audience().id(), m);
        }
        questions.add(m);
      }
    }
  }

  /** An answer to a question: one of its options (by value, number or label), or anything else. */
  private static String answerTo(OutboundMessage asked, Random r, int n) {
    if (asked == null || asked.options().isEmpty() || r.nextInt(4) == 0) {
      return randomText(r, n);
    }
    List<Option> options = asked.options();
    int pick = r.nextInt(options.size());
    return switch (r.nextInt(3)) {
      case 0 -> options.get(pick).value();
      case 1 -> String.valueOf(pick + 1);
      default -> options.get(pick).label();
    };
  }

  private static void markers(String text, Set<String> into) {
    if (text != null) {
      Matcher m = MARKER.matcher(text);
      while (m.find()) {
        into.add(m.group());
      }
    }
  }

  /** A message goes to its own collective's channel or to a member who has spoken in that collective. */
  private static void checkAddressed(OutboundMessage m, String collective, Map<String, Set<String>> known) {
    assertFalse(m.text().startsWith("Sorry, something went wrong") || m.text().startsWith("Désolé, quelque chose"), "a turn broke: " + m);
    assertEquals(collective, m.collective(), "a message stays in the collective of the event that caused it: " + m);
    if (m.audience().isPrivate()) {
      assertTrue(known.getOrDefault(collective, Set.of()).contains(m.audience().id()),
          "a private message goes to a member of " + collective + ": " + m);
    } else {
      assertEquals(collective, m.audience().id(), "a channel message goes to its own collective's channel: " + m);
    }
  }
}
