package org.trame.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.OutboundMessage;

/** What a member sees turn by turn through the core's inbound port, on a real database file. */
class TurnsTest {

  @TempDir
  Path dir;
  TestBot bot;

  @BeforeEach
  void start() {
    bot = new TestBot(dir.resolve("trame.db"));
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  @DisplayName("the same event id delivered twice is handled once")
  void duplicateDelivery() throws Exception {
    InboundEvent start = InboundEvent.command("evt-1", "console", "test", "alice", "stakes");
    Handled first = bot.handle(start);
    Handled again = bot.handle(start);
    assertEquals(Handled.Outcome.ACCEPTED, first.outcome());
    assertEquals(Handled.Outcome.DUPLICATE, again.outcome());
    assertTrue(again.messages().isEmpty());
    assertEquals(List.of("1"), bot.rows("SELECT COUNT(*) FROM conversation"));
    InboundEvent answer = InboundEvent.text("evt-2", "console", "test", "alice", "To meet other organisations like ours.");
    bot.handle(answer);
    bot.handle(answer);
    assertEquals(List.of("why#share"), bot.rows("SELECT json_extract(state, '$.step') || '#share' FROM conversation"));
  }

  @Test
  @DisplayName("after a restart on the same file, the conversation continues at its step with its answers")
  void restartMidFlow() throws Exception {
    bot.command("alice", "stakes");
    bot.say("alice", "To meet other organisations like ours.");
    bot.say("alice", "3");
    bot.restart();
    List<String> said = bot.say("alice", "A stronger voice with the region.");
    assertTrue(TestBot.joined(said).contains("Who may see this answer?"), TestBot.joined(said));
    bot.say("alice", "1");
    assertEquals(List.of("fear"), bot.rows("SELECT step FROM conversation"));
    assertEquals(List.of("{\"value\":\"To meet other organisations like ours.\",\"sharing\":\"collective\"}"),
        bot.rows("SELECT json_extract(state, '$.answers.why') FROM conversation"));
  }

  @Test
  @DisplayName("an unknown command gets a clear answer naming it")
  void unknownCommand() {
    assertEquals(List.of("I don't know the command \"frobnicate\". Type \"/trame help\" to see what I can do."),
        bot.command("alice", "frobnicate now"));
  }

  @Test
  @DisplayName("a planned command says it is not available yet rather than unknown")
  void plannedCommand() {
    String planned = plannedWord();
    assertTrue(TestBot.joined(bot.command("alice", planned)).contains("\"" + planned + "\" is not available"));
  }

  /** A command the catalogue still marks as planned (they become available one by one); the test is skipped once none is left. */
  static String plannedWord() {
    var planned = org.trame.core.port.CommandCatalogue.packaged().commands().stream().filter(c -> !c.available()).findFirst();
    org.junit.jupiter.api.Assumptions.assumeTrue(planned.isPresent(), "no planned command left in the catalogue");
    return planned.get().word();
  }

  @Test
  @DisplayName("text with no conversation open points to help")
  void noConversation() {
    assertTrue(TestBot.joined(bot.say("alice", "hello?")).contains("no conversation going on"));
  }

  @Test
  @DisplayName("help lists the commands")
  void help() {
    String help = TestBot.joined(bot.command("alice", "help"));
    assertTrue(help.contains("stakes") && help.contains("lang fr"), help);
  }

  @Test
  @DisplayName("lang fr switches the member's language at once and for later turns")
  void langCommand() {
    assertEquals(List.of("C'est noté : je vous parlerai en français."), bot.command("alice", "lang fr"));
    assertTrue(TestBot.joined(bot.command("alice", "stakes")).contains("Parlons de vos enjeux"));
    assertTrue(TestBot.joined(bot.command("alice", "lang de")).contains("lang fr"));
  }

  @Test
  @DisplayName("a member's first free text sets their language when they have not chosen one")
  void languageFromFirstText() throws Exception {
    bot.command("bruno", "stakes"); // the default language (English in tests) until bruno writes
    List<String> said = bot.say("bruno", "Je suis venu pour rencontrer les autres associations du territoire.");
    assertEquals("Qui peut voir cette réponse ?", said.get(0));
    assertEquals(List.of("fr|detected"), bot.rows("SELECT lang, lang_source FROM member WHERE member_id = 'bruno'"));
  }

  @Test
  @DisplayName("a first \"Bonjour\" is answered in French, and a longer message in English later corrects it")
  void greetingIsAFirstHint() throws Exception {
    assertEquals(List.of("Nous n'avons pas de conversation en cours. Tapez « /trame help » pour voir ce que je sais faire."),
        bot.say("zoe", "Bonjour !"));
    assertEquals(List.of("fr|greeting"), bot.rows("SELECT lang, lang_source FROM member WHERE member_id = 'zoe'"));
    bot.say("zoe", "I would like to hear about the stakes questionnaire, please.");
    assertEquals(List.of("en|detected"), bot.rows("SELECT lang, lang_source FROM member WHERE member_id = 'zoe'"));
  }

  @Test
  @DisplayName("a greeting does not override the language the platform gives")
  void greetingLeavesPlatformLanguage() throws Exception {
    bot.handle(new org.trame.core.port.InboundEvent("g1", TestBot.PLATFORM, TestBot.COLLECTIVE, "yann", "yann",
        org.trame.core.port.InboundEvent.Kind.TEXT, "Hello !", null, null, new org.trame.core.port.MemberHints("fr-FR", null, false)));
    assertEquals(List.of("fr|platform"), bot.rows("SELECT lang, lang_source FROM member WHERE member_id = 'yann'"));
  }

  @Test
  @DisplayName("\"/TRAME help\" and \"/Trame help\" are the help command, as phones and caps lock write it")
  void commandPrefixInAnyCase() {
    assertTrue(TestBot.joined(bot.say("alice", "/TRAME help")).startsWith("What I can do"));
    assertTrue(TestBot.joined(bot.say("alice", "/Trame HELP")).startsWith("What I can do"));
  }

  @Test
  @DisplayName("a chosen language is never overridden by detection")
  void chosenLanguageStays() throws Exception {
    bot.command("bruno", "lang en");
    bot.command("bruno", "stakes");
    List<String> said = bot.say("bruno", "Je suis venu pour rencontrer les autres associations du territoire.");
    assertEquals("Who may see this answer?", said.get(0));
  }

  @Test
  @DisplayName("stakes while a stakes conversation is open continues it instead of opening another")
  void noSecondConversation() throws Exception {
    bot.command("alice", "stakes");
    bot.say("alice", "pause");
    String said = TestBot.joined(bot.command("alice", "stakes"));
    assertTrue(said.contains("pick up where you left off") && said.endsWith("looking for?"), said);
    assertEquals(List.of("active"), bot.rows("SELECT status FROM conversation"));
  }

  @Test
  @DisplayName("/trame cancel stops the open conversation; with none open it says so")
  void cancelCommand() throws Exception {
    assertTrue(TestBot.joined(bot.command("alice", "cancel")).contains("no conversation going on to stop"));
    bot.command("alice", "stakes");
    assertTrue(TestBot.joined(bot.command("alice", "cancel")).contains("stopped"));
    assertEquals(List.of("cancelled"), bot.rows("SELECT status FROM conversation"));
  }

  @Test
  @DisplayName("a click on another member's conversation is refused without revealing anything")
  void someoneElsesButton() throws Exception {
    Handled started = bot.handle(InboundEvent.command("e1", "console", "test", "alice", "stakes"));
    OutboundMessage question = started.messages().get(started.messages().size() - 1);
    Handled forged = bot.handle(InboundEvent.choice("e2", "console", "test", "mallory", question.conversationRef(), "why", "hi there"));
    assertEquals(List.of("That button doesn't belong to any of your conversations."), TestBot.texts(forged));
    Handled otherCollective = bot.handle(InboundEvent.choice("e3", "console", "elsewhere", "alice", question.conversationRef(), "why", "hi there"));
    assertEquals(List.of("That button doesn't belong to any of your conversations."), TestBot.texts(otherCollective));
    assertEquals(List.of("why"), bot.rows("SELECT step FROM conversation"));
  }

  @Test
  @DisplayName("a forged conversation reference that is not a number is refused")
  void garbageReference() {
    Handled h = bot.handle(InboundEvent.choice("e9", "console", "test", "alice", "1 OR 1=1", "why", "x"));
    assertEquals(List.of("That button doesn't belong to any of your conversations."), TestBot.texts(h));
  }

  @Test
  @DisplayName("each question carries the references a button needs to come back to it")
  void questionsCarryReferences() {
    Handled h = bot.handle(InboundEvent.command("e1", "console", "test", "alice", "stakes"));
    OutboundMessage question = h.messages().get(h.messages().size() - 1);
    assertEquals("why", question.stepRef());
    assertEquals(OutboundMessage.Expects.TEXT, question.expects());
    assertEquals("en", question.lang());
    assertTrue(h.messages().get(0).conversationRef() == null, "a plain message needs no reference");
  }

  @Test
  @DisplayName("messages left unsent by a crash are sent at the next start")
  void outboxSurvivesRestart() throws Exception {
    // given replies committed but never handed to the messenger (written straight to the outbox)
    bot.trame().write(c -> {
      org.trame.core.storage.Outbox.add(c, "console:test", new OutboundMessage(0, "console", "test",
          org.trame.core.port.Audience.member("alice"), "left over", OutboundMessage.Expects.NOTHING, List.of(), null, null, "en"),
          0);
      return null;
    }).join();
    // when the bot starts again
    bot.restart();
    assertTrue(bot.trame().awaitSent(java.time.Duration.ofSeconds(5)));
    // then it sends them
    assertTrue(bot.sent.stream().anyMatch(m -> m.text().equals("left over")));
  }

  @Test
  @DisplayName("a chart left in the outbox by a crash is sent at the next start, byte for byte")
  void attachmentSurvivesRestart() throws Exception {
    // given a channel message with a picture, committed but never handed to the messenger
    byte[] png = new byte[40_000];
    new java.util.Random(7).nextBytes(png);
    bot.trame().write(c -> {
      org.trame.core.storage.Outbox.add(c, "console:test", new OutboundMessage(0, "console", "test",
          org.trame.core.port.Audience.channel("test"), "report", OutboundMessage.Expects.NOTHING, List.of(), null, null, "en",
          org.trame.core.port.Attachment.png("trend.png", png)), 0);
      return null;
    }).join();
    // when the bot starts again
    bot.restart();
    assertTrue(bot.trame().awaitSent(java.time.Duration.ofSeconds(5)));
    // then the messenger gets the text with the same picture
    OutboundMessage sent = bot.sent.stream().filter(m -> m.text().equals("report")).findFirst().orElseThrow();
    assertEquals("trend.png", sent.image().fileName());
    org.junit.jupiter.api.Assertions.assertArrayEquals(png, sent.image().bytes());
  }
}
