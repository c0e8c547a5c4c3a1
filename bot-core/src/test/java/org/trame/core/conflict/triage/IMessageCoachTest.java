package org.trame.core.conflict.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.engine.Lang;

class IMessageCoachTest {

  final IMessageCoach coach = new IMessageCoach();

  @ParameterizedTest(name = "[{index}] {0}")
  @DisplayName("a French 'tu/vous' statement carrying a judgement is found, and the fragment is the member's own words")
  @CsvSource(delimiter = '|', value = {
      "Franchement, tu ne respectes jamais les délais.|tu ne respectes jamais les délais",
      "Vous êtes irresponsables !|Vous êtes irresponsables",
      "Le planning a encore changé et tu es toujours en retard, c'est pénible.|tu es toujours en retard",
      "t'es vraiment nul en organisation|t'es vraiment nul en organisation",
      "Vous vous fichez de nos bénévoles.|Vous vous fichez de nos bénévoles",
      "Je vous trouve malhonnêtes sur ce dossier.|vous trouve malhonnêtes sur ce dossier",
      "vous n'ecoutez jamais ce qu'on dit|vous n'ecoutez jamais ce qu'on dit",
      "vous etes vraiment des incapables|vous etes vraiment des incapables",
      "Je pense que tu n'as pas compris ma demande.|tu n'as pas compris ma demande",
      "Votre équipe est toujours à la traîne.|Votre équipe est toujours à la traîne",
  })
  void frenchYouMessages(String text, String fragment) {
    assertEquals(Optional.of(new IMessageCoach.Finding(fragment)), coach.check(text, Lang.FR));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @DisplayName("an English 'you' statement carrying a judgement is found, and the fragment is the member's own words")
  @CsvSource(delimiter = '|', value = {
      "You always ignore our emails.|You always ignore our emails",
      "Honestly, you're so unreliable|you're so unreliable",
      "you don't listen to the volunteers at all|you don't listen to the volunteers at all",
      "The report is late again. You never care about deadlines!|You never care about deadlines",
      "your team is completely incompetent|your team is completely incompetent",
      "You clearly don't care about the volunteers.|You clearly don't care about the volunteers",
      "You have no idea what the field is like.|You have no idea what the field is like",
  })
  void englishYouMessages(String text, String fragment) {
    assertEquals(Optional.of(new IMessageCoach.Finding(fragment)), coach.check(text, Lang.EN));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @DisplayName("I-messages, requests and neutral French statements are left alone")
  @ValueSource(strings = {
      "Je me sens mis à l'écart quand les réunions commencent sans moi.",
      "Tu peux m'envoyer le fichier ?",
      "Je vous remercie pour votre aide sur le dossier.",
      "Quand la réunion commence à 18h30, je me sens exclue parce que je dois récupérer mes enfants, même si vous êtes toujours en retard.",
      "J'ai besoin du budget avant mai.",
      "Pourriez-vous relire le compte rendu ?",
      "Tu respectes les délais, merci beaucoup.",
      "Vous avez raison, je vais revoir le budget.",
      "Tu sais que je suis là si besoin.",
      "",
  })
  void frenchNegatives(String text) {
    assertEquals(Optional.empty(), coach.check(text, Lang.FR));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @DisplayName("I-messages, requests and neutral English statements are left alone")
  @ValueSource(strings = {
      "I need the budget by May.",
      "I feel left out when you always schedule meetings at 6pm.",
      "Could you send me the file?",
      "Thank you for your help with the report.",
      "You sent the minutes on time, that helped a lot.",
      "When the report arrives late, I worry because our funder needs it on Friday.",
      "If you don't like the plan, tell me before Friday.",
      "Are you coming on Friday?",
  })
  void englishNegatives(String text) {
    assertEquals(Optional.empty(), coach.check(text, Lang.EN));
  }

  @Test
  @DisplayName("a member set to French who writes in English is still coached, and the other way round")
  void otherLanguage() {
    assertEquals(Optional.of(new IMessageCoach.Finding("you never answer our emails")),
        coach.check("Sorry but you never answer our emails.", Lang.FR));
    assertEquals(Optional.of(new IMessageCoach.Finding("vous êtes irresponsables")),
        coach.check("Franchement vous êtes irresponsables", Lang.EN));
    assertEquals(Optional.empty(), coach.check("It was a ton of work, always the same, but we made it.", Lang.EN));
  }

  @Test
  @DisplayName("in a very long text the finding is still the short statement, not the whole text")
  void longText() {
    String text = "Vous êtes irresponsables et vous ne faites jamais ce que vous promettez à qui que ce soit dans ce collectif "
        + "bonjour à tous ".repeat(2000);

    Optional<IMessageCoach.Finding> f = coach.check(text, Lang.FR);

    assertTrue(f.isPresent());
    assertTrue(f.get().fragment().startsWith("Vous êtes irresponsables") && f.get().fragment().length() < 120, f.get().fragment());
  }
}
