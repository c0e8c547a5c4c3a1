package org.trame.core.conflict.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.i18n.Lang;

class IMessageCoachTest {

  final IMessageCoach coach = new IMessageCoach();

  /** What the table's third column says when the text must be left alone. */
  private static final String LEFT_ALONE = "left alone";

  @ParameterizedTest(name = "[{index}] ({0}) {1} → {2}")
  @DisplayName("a 'you' statement carrying a judgement is found with the member's own words, in French or English whatever"
      + " the member's language; I-messages, requests and neutral statements are left alone")
  @CsvSource(delimiter = '|', value = {
      // French "tu/vous" judgements: the fragment is the member's own words
      "FR | Franchement, tu ne respectes jamais les délais. | tu ne respectes jamais les délais",
      "FR | Vous êtes irresponsables ! | Vous êtes irresponsables",
      "FR | Le planning a encore changé et tu es toujours en retard, c'est pénible. | tu es toujours en retard",
      "FR | t'es vraiment nul en organisation | t'es vraiment nul en organisation",
      "FR | Vous vous fichez de nos bénévoles. | Vous vous fichez de nos bénévoles",
      "FR | Je vous trouve malhonnêtes sur ce dossier. | vous trouve malhonnêtes sur ce dossier",
      "FR | vous n'ecoutez jamais ce qu'on dit | vous n'ecoutez jamais ce qu'on dit",
      "FR | vous etes vraiment des incapables | vous etes vraiment des incapables",
      "FR | Je pense que tu n'as pas compris ma demande. | tu n'as pas compris ma demande",
      "FR | Votre équipe est toujours à la traîne. | Votre équipe est toujours à la traîne",
      // English "you" judgements
      "EN | You always ignore our emails. | You always ignore our emails",
      "EN | Honestly, you're so unreliable | you're so unreliable",
      "EN | you don't listen to the volunteers at all | you don't listen to the volunteers at all",
      "EN | The report is late again. You never care about deadlines! | You never care about deadlines",
      "EN | your team is completely incompetent | your team is completely incompetent",
      "EN | You clearly don't care about the volunteers. | You clearly don't care about the volunteers",
      "EN | You have no idea what the field is like. | You have no idea what the field is like",
      // French I-messages, requests and neutral statements
      "FR | Je me sens mis à l'écart quand les réunions commencent sans moi. | left alone",
      "FR | Tu peux m'envoyer le fichier ? | left alone",
      "FR | Je vous remercie pour votre aide sur le dossier. | left alone",
      "FR | Quand la réunion commence à 18h30, je me sens exclue parce que je dois récupérer mes enfants, même si vous êtes"
          + " toujours en retard. | left alone",
      "FR | J'ai besoin du budget avant mai. | left alone",
      "FR | Pourriez-vous relire le compte rendu ? | left alone",
      "FR | Tu respectes les délais, merci beaucoup. | left alone",
      "FR | Vous avez raison, je vais revoir le budget. | left alone",
      "FR | Tu sais que je suis là si besoin. | left alone",
      "FR | '' | left alone",
      // English I-messages, requests and neutral statements
      "EN | I need the budget by May. | left alone",
      "EN | I feel left out when you always schedule meetings at 6pm. | left alone",
      "EN | Could you send me the file? | left alone",
      "EN | Thank you for your help with the report. | left alone",
      "EN | You sent the minutes on time, that helped a lot. | left alone",
      "EN | When the report arrives late, I worry because our funder needs it on Friday. | left alone",
      "EN | If you don't like the plan, tell me before Friday. | left alone",
      "EN | Are you coming on Friday? | left alone",
      // a member set to one language who writes in the other is coached all the same
      "FR | Sorry but you never answer our emails. | you never answer our emails",
      "EN | Franchement vous êtes irresponsables | vous êtes irresponsables",
      "EN | It was a ton of work, always the same, but we made it. | left alone",
  })
  void youMessages(Lang memberLang, String text, String found) {
    // given a member writing in memberLang; when the coach reads the text; then it finds the fragment, or nothing
    Optional<IMessageCoach.Finding> expected = found.equals(LEFT_ALONE) ? Optional.empty() : Optional.of(new IMessageCoach.Finding(found));
    assertEquals(expected, coach.check(text, memberLang));
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
