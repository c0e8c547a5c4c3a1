package org.trame.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.MultiStaticSelectElement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Msg;
import org.trame.core.i18n.Texts;
import org.trame.core.port.Audience;
import org.trame.core.port.Option;
import org.trame.core.port.OutboundMessage;
import org.trame.core.port.OutboundMessage.Expects;

@DisplayName("Slack: the core's messages as Block Kit")
class BlockRendererTest {

  private final Texts texts = mock(Texts.class);
  private final BlockRenderer renderer;

  BlockRendererTest() {
    when(texts.get(eq(Msg.ANSWER_BUTTON), any(Lang.class))).thenReturn("Répondre");
    when(texts.get(eq(Msg.SUBMIT), any(Lang.class))).thenReturn("Envoyer");
    when(texts.get(eq(Msg.ANSWER_FORM_TITLE), any(Lang.class))).thenReturn("Votre réponse");
    renderer = new BlockRenderer(texts);
  }

  private static OutboundMessage question(Expects expects, List<Option> options) {
    return new OutboundMessage(7, "slack", "T1", Audience.member("U1"), "Question ?", expects, options, "12", "step#3", "fr");
  }

  private static List<Object> elements(List<LayoutBlock> blocks) {
    List<Object> all = new ArrayList<>();
    blocks.stream().filter(b -> b instanceof ActionsBlock).forEach(b -> all.addAll(((ActionsBlock) b).getElements()));
    return all;
  }

  @Test
  @DisplayName("given a scale from 1 to 5, when rendered, then there are 5 buttons each carrying the conversation, the step and its value")
  void scaleIsButtons() {
    // given
    List<Option> options = IntStream.rangeClosed(1, 5).mapToObj(i -> new Option("" + i, "" + i)).toList();

    // when
    List<Object> elements = elements(renderer.render(question(Expects.SCALE, options)));

    // then
    assertEquals(5, elements.size());
    for (int i = 0; i < 5; i++) {
      ButtonElement b = (ButtonElement) elements.get(i);
      assertEquals(BlockRenderer.CHOICE_PREFIX + i, b.getActionId());
      ActionRef ref = ActionRef.decode(b.getValue()).orElseThrow();
      assertEquals("12", ref.conversationRef());
      assertEquals("step#3", ref.stepRef());
      assertEquals("" + (i + 1), ref.value());
      assertEquals("fr", ref.lang());
    }
  }

  @Test
  @DisplayName("given a multi-choice of 4 options, when rendered, then it is checkboxes and a submit button in the member's language")
  void multiChoiceIsCheckboxes() {
    // given
    List<Option> options = List.of(new Option("time", "Du temps"), new Option("money", "De l'argent"),
        new Option("skills", "Des compétences"), new Option("network", "Un réseau"));

    // when
    List<Object> elements = elements(renderer.render(question(Expects.MULTI_CHOICE, options)));

    // then
    CheckboxesElement boxes = (CheckboxesElement) elements.get(0);
    assertEquals(BlockRenderer.PICK, boxes.getActionId());
    assertEquals(List.of("time", "money", "skills", "network"), boxes.getOptions().stream().map(o -> o.getValue()).toList());
    ButtonElement submit = (ButtonElement) elements.get(1);
    assertEquals(BlockRenderer.PICK_SUBMIT, submit.getActionId());
    assertEquals("Envoyer", submit.getText().getText());
  }

  @Test
  @DisplayName("given a multi-choice of more options than Slack's 10 checkboxes, when rendered, then it is a multi-select")
  void longMultiChoiceIsSelect() {
    // given
    List<Option> options = IntStream.range(0, 12).mapToObj(i -> new Option("v" + i, "Option " + i)).toList();

    // then
    assertTrue(elements(renderer.render(question(Expects.MULTI_CHOICE, options))).get(0) instanceof MultiStaticSelectElement);
  }

  @Test
  @DisplayName("given a free-text question, when rendered, then it has one button opening the form, labelled in the member's language")
  void textIsFormButton() {
    // when
    List<Object> elements = elements(renderer.render(question(Expects.TEXT, List.of())));

    // then
    assertEquals(1, elements.size());
    ButtonElement b = (ButtonElement) elements.get(0);
    assertEquals(BlockRenderer.OPEN_FORM, b.getActionId());
    assertEquals("Répondre", b.getText().getText());
  }

  @Test
  @DisplayName("given a plain message or one outside a conversation, when rendered, then there is nothing to click")
  void plainMessageHasNoWidgets() {
    // given
    OutboundMessage plain = new OutboundMessage(1, "slack", "T1", Audience.channel("T1"), "Rapport", Expects.CHOICE,
        List.of(new Option("a", "A")), null, null, "fr");

    // then
    assertTrue(elements(renderer.render(plain)).isEmpty());
    assertTrue(elements(renderer.render(question(Expects.NOTHING, List.of()))).isEmpty());
  }

  @Test
  @DisplayName("given a text longer than a Slack section, when rendered, then it is split on line breaks into sections of at most 3000 characters, losing nothing")
  void longTextIsSplit() {
    // given
    String line = "x".repeat(999);
    String text = String.join("\n", java.util.Collections.nCopies(10, line)) + "\n" + "y".repeat(7_000);

    // when
    List<LayoutBlock> blocks = BlockRenderer.sections(text);

    // then
    StringBuilder back = new StringBuilder();
    for (LayoutBlock b : blocks) {
      String t = ((SectionBlock) b).getText().getText();
      assertTrue(t.length() <= 3_000, "section of " + t.length());
      back.append(t);
    }
    assertEquals(text.replace("\n", ""), back.toString().replace("\n", ""));
  }

  @Test
  @DisplayName("given an answered question, when its message is updated, then it shows the question and the answer and nothing to click")
  void answeredHasNoWidgets() {
    // given
    when(texts.get(eq(Msg.ANSWERED), eq(Lang.FR), eq("answer"), eq("Du temps"))).thenReturn("Votre réponse : Du temps");

    // when
    List<LayoutBlock> blocks = renderer.answered("Question ?", "Du temps", Lang.FR);

    // then
    assertTrue(elements(blocks).isEmpty());
    assertTrue(blocks.toString().contains("Votre réponse : Du temps"));
    assertTrue(blocks.toString().contains("Question ?"));
  }

  @Test
  @DisplayName("given a value that is not one of ours, when decoded, then it is refused")
  void foreignValuesAreRefused() {
    assertFalse(ActionRef.decode("{\"v\":\"1\"}").isPresent());
    assertFalse(ActionRef.decode("[1,2]").isPresent());
    assertFalse(ActionRef.decode("").isPresent());
    assertTrue(ActionRef.decode(ActionRef.choice("1", "s", "v", "en").encode()).isPresent());
  }
}
