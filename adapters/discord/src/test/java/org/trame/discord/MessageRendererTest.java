package org.trame.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.components.MessageTopLevelComponentUnion;
import net.dv8tion.jda.api.components.actionrow.ActionRowChildComponentUnion;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.i18n.Lang;
import org.trame.core.port.Audience;
import org.trame.core.port.Option;
import org.trame.core.port.OutboundMessage;
import org.trame.core.port.OutboundMessage.Expects;

class MessageRendererTest {

  private static final String GUILD = "1200000000000000002";
  private final MessageRenderer renderer = new MessageRenderer(CoreTexts.TEXTS);

  private static OutboundMessage question(Expects expects, List<Option> options, String lang) {
    return new OutboundMessage(7, "discord", GUILD, Audience.member("u1"), "The question?", expects, options, "42", "step",
        lang);
  }

  private static List<Option> options(int n) {
    List<Option> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(new Option("v" + i, "Option " + i));
    }
    return out;
  }

  private static List<ActionRowChildComponentUnion> widgets(MessageCreateData m) {
    List<ActionRowChildComponentUnion> all = new ArrayList<>();
    for (MessageTopLevelComponentUnion row : m.getComponents()) {
      all.addAll(row.asActionRow().getComponents());
    }
    return all;
  }

  @Test
  @DisplayName("a free-text question gets one answer button, in the member's language, that names the form to open")
  void freeText() {
    // given a free-text question for a French-speaking member
    // when rendered
    MessageCreateData m = renderer.render(question(Expects.TEXT, List.of(), "fr")).get(0);
    // then it has the "Répondre" button, carrying the guild, conversation, step and language
    Button b = widgets(m).get(0).asButton();
    assertEquals("Répondre", b.getLabel());
    assertEquals("trame|a|" + GUILD + "|42|step|fr", b.getCustomId());
    assertEquals("The question?", m.getContent());
  }

  @Test
  @DisplayName("choices, scales and confirmations are buttons, five per row, each carrying its value")
  void buttons() {
    // given a 1–10 scale
    MessageCreateData m = renderer.render(question(Expects.SCALE, options(10), "en")).get(0);
    // then two rows of five buttons
    assertEquals(2, m.getComponents().size());
    assertEquals("trame|c|" + GUILD + "|42|step|v10", widgets(m).get(9).asButton().getCustomId());
    // and a confirmation's "yes" stands out
    MessageCreateData confirm = renderer.render(question(Expects.CONFIRM,
        List.of(new Option("yes", "Yes"), new Option("no", "No")), "en")).get(0);
    assertEquals(ButtonStyle.SUCCESS, widgets(confirm).get(0).asButton().getStyle());
  }

  @Test
  @DisplayName("a multi-choice is one string select allowing one to all options")
  void multiChoice() {
    // given a multi-choice of four options
    MessageCreateData m = renderer.render(question(Expects.MULTI_CHOICE, options(4), "en")).get(0);
    // then one select menu with min 1 and max 4
    StringSelectMenu menu = widgets(m).get(0).asStringSelectMenu();
    assertEquals(1, menu.getMinValues());
    assertEquals(4, menu.getMaxValues());
    assertEquals("v3", menu.getOptions().get(2).getValue());
  }

  @Test
  @DisplayName("more than 25 options, or values too long for a button id, fall back to select menus")
  void manyOptions() {
    // given a single choice among 30 options
    MessageCreateData m = renderer.render(question(Expects.CHOICE, options(30), "en")).get(0);
    // then two select menus (25 + 5), each allowing one pick, with distinct ids
    List<ActionRowChildComponentUnion> w = widgets(m);
    assertEquals(2, w.size());
    assertEquals(25, w.get(0).asStringSelectMenu().getOptions().size());
    assertEquals(1, w.get(1).asStringSelectMenu().getMaxValues());
    assertFalse(w.get(0).asStringSelectMenu().getCustomId().equals(w.get(1).asStringSelectMenu().getCustomId()));
    // and a value too long for a custom id still works as a select option
    MessageCreateData longValue = renderer.render(question(Expects.CHOICE,
        List.of(new Option("x".repeat(90), "Long")), "en")).get(0);
    assertEquals("x".repeat(90), widgets(longValue).get(0).asStringSelectMenu().getOptions().get(0).getValue());
  }

  @Test
  @DisplayName("a widget Discord cannot hold (over 25 options in a multi-choice) leaves the text, never a message that fails forever")
  void impossibleWidget() {
    // given a multi-choice of 30 options
    // when rendered
    MessageCreateData m = renderer.render(question(Expects.MULTI_CHOICE, options(30), "en")).get(0);
    // then the text goes out alone
    assertEquals("The question?", m.getContent());
    assertTrue(m.getComponents().isEmpty());
  }

  @Test
  @DisplayName("text over 2,000 characters is split at line ends, the widget under the last part")
  void longText() {
    // given a recap of 3,000 characters in lines
    String text = ("• an answer of some length that goes on\n").repeat(75);
    OutboundMessage m = new OutboundMessage(8, "discord", GUILD, Audience.member("u1"), text, Expects.CONFIRM,
        List.of(new Option("yes", "Yes"), new Option("no", "No")), "42", "confirm", "en");
    // when rendered
    List<MessageCreateData> parts = renderer.render(m);
    // then two messages, each within the limit, nothing lost, buttons only on the last
    assertEquals(2, parts.size());
    assertTrue(parts.get(0).getContent().length() <= 2000);
    assertEquals(text.strip().replace("\n", ""), (parts.get(0).getContent() + parts.get(1).getContent()).replace("\n", ""));
    assertTrue(parts.get(0).getComponents().isEmpty());
    assertEquals(2, widgets(parts.get(1)).size());
  }

  @Test
  @DisplayName("plain messages and channel posts have no widget and can mention no one")
  void plain() {
    // given a channel post quoting "@everyone"
    OutboundMessage post = new OutboundMessage(9, "discord", GUILD, Audience.channel(GUILD), "@everyone said hi",
        Expects.NOTHING, List.of(), null, null, "en");
    // when rendered
    MessageCreateData m = renderer.render(post).get(0);
    // then no component, and no mention allowed
    assertTrue(m.getComponents().isEmpty());
    assertTrue(m.getAllowedMentions().isEmpty());
  }

  @Test
  @DisplayName("the answer form is titled in the member's language and asks the question's first line")
  void form() {
    // given an answer button's id in English
    ComponentId answer = new ComponentId(ComponentId.Kind.ANSWER, GUILD, "42", "why", "en");
    // when its form is built for a long question
    Modal modal = renderer.form(answer, "What brought you to this collective, and what are you looking for?\n(optional)", Lang.EN);
    // then title, label within 45 characters, and the form's id naming the same step
    assertEquals("Your answer", modal.getTitle());
    assertEquals("trame|f|" + GUILD + "|42|why|", modal.getId());
    Label label = modal.getComponents().get(0).asLabel();
    assertTrue(label.getLabel().length() <= 45, label.getLabel());
    assertTrue(label.getDescription().startsWith("What brought you"));
    assertEquals(MessageRenderer.FORM_INPUT, label.getChild().asTextInput().getCustomId());
  }

  @Test
  @DisplayName("an answered question shows the answer under it and its components disabled")
  void closed() {
    // given a rendered choice question
    MessageCreateData q = renderer.render(question(Expects.CHOICE, options(3), "fr")).get(0);
    // when closed with the answer shown
    MessageEditData done = renderer.closed(q.getContent(), q.getComponents(), "Option 2", Lang.FR);
    // then the answer is quoted in French and every button is disabled
    assertEquals("The question?\n\n> Votre réponse : Option 2", done.getContent());
    done.getComponents().forEach(row -> row.asActionRow().getComponents()
        .forEach(c -> assertTrue(c.asButton().isDisabled())));
    // and closed without an answer (refused), the text stays as it was
    assertEquals("The question?", renderer.closed(q.getContent(), q.getComponents(), null, Lang.FR).getContent());
  }

  @Test
  @DisplayName("a member the core names is shown as a Discord mention of their id, which pings no one")
  void mentionsRendered() {
    // given a message naming two parties with the core's mention tokens
    String text = "Conflict space opened with " + org.trame.core.port.Mentions.of("1400000000000000004") + " and "
        + org.trame.core.port.Mentions.of("1400000000000000009") + ".";
    OutboundMessage m = new OutboundMessage(8, "discord", GUILD, Audience.member("u1"), text, Expects.NOTHING, List.of(),
        null, null, "en");
    // when rendered
    MessageCreateData d = renderer.render(m).get(0);
    // then each token is Discord's mention of that id, no marker character is left, and no mention may ping
    assertEquals("Conflict space opened with <@1400000000000000004> and <@1400000000000000009>.", d.getContent());
    assertTrue(d.getAllowedMentions().isEmpty());
    assertTrue(d.getMentionedUsers().isEmpty(), "no user is allowed to be pinged");
  }

  @Test
  @DisplayName("a member's masked link in a posted remark shows its address, not a label over it")
  void maskedLinkIsBroken() {
    OutboundMessage m = new OutboundMessage(9, "discord", GUILD, Audience.channel("c1"),
        "Remarks:\n• see [the minutes](https://evil.example/x)", Expects.NOTHING, List.of(), null, null, "en");
    String content = renderer.render(m).get(0).getContent();
    assertEquals("Remarks:\n• see [the minutes]\\(https://evil.example/x)", content);
  }
}
