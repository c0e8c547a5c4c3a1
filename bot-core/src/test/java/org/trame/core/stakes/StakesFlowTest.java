package org.trame.core.stakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.TestBot;
import org.trame.core.port.Audience;

class StakesFlowTest {

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

  /** Answers the whole questionnaire; {@code why} is the first answer's text. */
  void answerAll(String member, String why) {
    bot.command(member, "stakes");
    bot.say(member, why);
    bot.say(member, "3"); // shared with the whole collective
    bot.say(member, "Visibility for our advocacy work.");
    bot.say(member, "2"); // coordinators
    bot.say(member, "skip"); // fear
    bot.say(member, "No funding from arms makers, no exclusive branding");
    bot.say(member, "1"); // private
    bot.say(member, "1,3"); // time and skills
    bot.say(member, "1");
    bot.say(member, "2"); // 2 to 8 hours
    bot.say(member, "1");
    bot.say(member, "Facilitation, evaluation");
    bot.say(member, "1");
    bot.say(member, "skip"); // expectations
    bot.say(member, "4"); // purpose
  }

  @Test
  @DisplayName("a whole stakes questionnaire is saved with each answer's own sharing choice")
  void wholeQuestionnaire() throws Exception {
    // given a member who answers every question, sharing some answers and not others
    answerAll("alice", "We want our small association to weigh more in regional advocacy.");
    // when they see the recap and confirm
    List<String> said = bot.say("alice", "1"); // purpose visible only to me
    assertTrue(said.get(0).startsWith("Here is what you said"), TestBot.joined(said));
    assertTrue(said.get(1).startsWith("• What brought you"), "the recap comes after its heading: " + said.get(1));
    assertTrue(TestBot.joined(said).contains("Facilitation, evaluation  [Only me]"), TestBot.joined(said));
    bot.say("alice", "yes");
    // then the register holds version 1 with each sharing choice, and nothing was posted to a channel
    assertEquals(List.of(
            "why|We want our small association to weigh more in regional advocacy.|collective",
            "brings|Visibility for our advocacy work.|coordinators",
            "fear|null|private",
            "red_lines|No funding from arms makers, no exclusive branding|private",
            "contributions|time,skills|private",
            "time_per_month|h2_8|private",
            "skills_detail|Facilitation, evaluation|private",
            "expectations|null|private",
            "purpose|4|private"),
        bot.rows("SELECT question, answer, sharing FROM stakes_answer WHERE member_id = 'alice' AND version = 1 ORDER BY id"));
    assertTrue(bot.trame().awaitSent(java.time.Duration.ofSeconds(5)));
    assertTrue(bot.sent.stream().allMatch(m -> m.audience().type() == Audience.Type.MEMBER), "nothing goes to a channel");
  }

  @Test
  @DisplayName("contributions named by their labels, in French, with commas inside a label, are each recognised")
  void contributionsByLabel() throws Exception {
    // given a French-speaking member at the question of what they can bring
    bot.command("dan", "lang fr");
    bot.command("dan", "stakes");
    for (String answer : List.of("Pour apprendre des autres.", "1", "De la visibilité.", "1", "passer", "passer")) {
      bot.say("dan", answer);
    }
    // when they name three options by their labels, one of which holds a comma, with a typographic apostrophe
    String said = TestBot.joined(bot.say("dan", "Du temps, un  réseau, des contacts;De l’argent"));
    // then all three are taken, and the next question is the sharing choice
    assertTrue(said.startsWith("Qui peut voir cette réponse ?"), said);
    bot.say("dan", "1");
    assertEquals(List.of("1"),
        bot.rows("SELECT COUNT(*) FROM conversation WHERE member_id = 'dan' AND state LIKE '%\"value\":\"time,money,network\"%'"));
  }

  @Test
  @DisplayName("a label that names no option is refused, even when others in the answer do")
  void unknownLabelAmongKnown() throws Exception {
    bot.command("dan", "stakes");
    for (String answer : List.of("To learn from the others.", "1", "Visibility.", "1", "skip", "skip")) {
      bot.say("dan", answer);
    }
    String said = TestBot.joined(bot.say("dan", "Time, Goodwill"));
    assertTrue(said.contains("from 1 to 4"), said);
    assertTrue(TestBot.joined(bot.say("dan", "Time, A network, contacts")).startsWith("Who may see this answer?"));
  }

  @Test
  @DisplayName("an SQL injection string is stored and shown back verbatim")
  void sqlInjectionIsJustText() throws Exception {
    String evil = "Robert'); DROP TABLE stakes_answer;-- \"x\" 🙂";
    answerAll("bob", evil);
    String recap = TestBot.joined(bot.say("bob", "1"));
    assertTrue(recap.contains(evil), recap);
    bot.say("bob", "yes");
    assertEquals(List.of(evil), bot.rows("SELECT answer FROM stakes_answer WHERE question = 'why'"));
  }

  @Test
  @DisplayName("answering 'no' at the end saves nothing")
  void declineSavesNothing() throws Exception {
    answerAll("carol", "To learn from the others' experience.");
    bot.say("carol", "1");
    assertTrue(TestBot.joined(bot.say("carol", "no")).contains("Nothing was saved"));
    assertEquals(List.of("0"), bot.rows("SELECT COUNT(*) FROM stakes_answer"));
  }

  @Test
  @DisplayName("answering a second time creates version 2 and keeps version 1")
  void secondVersion() throws Exception {
    answerAll("dan", "First reasons for joining the collective.");
    bot.say("dan", "1");
    bot.say("dan", "yes");
    answerAll("dan", "Second reasons, a year later.");
    bot.say("dan", "1");
    bot.say("dan", "yes");
    assertEquals(List.of("1|First reasons for joining the collective.", "2|Second reasons, a year later."),
        bot.rows("SELECT version, answer FROM stakes_answer WHERE question = 'why' ORDER BY version"));
  }
}
