package org.trame.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.multiStaticSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.List;
import org.trame.core.engine.Lang;
import org.trame.core.i18n.Msg;
import org.trame.core.i18n.Texts;
import org.trame.core.port.Option;
import org.trame.core.port.OutboundMessage;

/**
 * Renders the core's messages as Block Kit: text sections, then the widget the awaited answer
 * calls for (buttons, checkboxes or a select with a submit button, or a button opening a form).
 * Every interactive element carries an {@link ActionRef}; the action ids below are what the
 * handlers listen to.
 */
final class BlockRenderer {

  static final String CHOICE_PREFIX = "trame:choice:";
  static final String PICK = "trame:pick";
  static final String PICK_SUBMIT = "trame:pick-submit";
  static final String OPEN_FORM = "trame:open-form";
  static final String FORM_CALLBACK = "trame:form";
  static final String FORM_BLOCK = "answer";
  static final String FORM_INPUT = "text";

  /** Slack's limits: section text, button text, option text, checkbox count, elements per actions block, modal title. */
  private static final int SECTION_MAX = 3_000;
  private static final int BUTTON_TEXT_MAX = 75;
  private static final int CHECKBOXES_MAX = 10;
  private static final int ELEMENTS_PER_ACTIONS = 25;
  private static final int TITLE_MAX = 24;
  private static final int FORM_TEXT_MAX = 3_000;
  static final int FALLBACK_TEXT_MAX = 39_000;

  private final Texts texts;

  BlockRenderer(Texts texts) {
    this.texts = texts;
  }

  static Lang langOf(String code) {
    return Lang.parse(code).orElse(Lang.FR);
  }

  /** The message's blocks. */
  List<LayoutBlock> render(OutboundMessage m) {
    List<LayoutBlock> blocks = new ArrayList<>(sections(m.text()));
    Lang lang = langOf(m.lang());
    boolean answerable = m.conversationRef() != null && m.stepRef() != null;
    if (!answerable) {
      return blocks;
    }
    switch (m.expects()) {
      case CHOICE, SCALE, CONFIRM -> blocks.addAll(buttons(m));
      case MULTI_CHOICE -> blocks.add(picker(m, lang));
      case TEXT -> blocks.add(actions(List.of(button(b -> b.actionId(OPEN_FORM)
          .text(plainText(cut(texts.get(Msg.ANSWER_BUTTON, lang), BUTTON_TEXT_MAX)))
          .value(ActionRef.choice(m.conversationRef(), m.stepRef(), null, m.lang()).encode())))));
      case NOTHING -> { }
    }
    return blocks;
  }

  /** Plain text for notifications and clients without blocks. */
  static String fallback(String text) {
    return cut(text.isBlank() ? "…" : text, FALLBACK_TEXT_MAX);
  }

  /** What replaces an answered question: the question, then "your answer: …", no widgets left to click. */
  List<LayoutBlock> answered(String question, String answer, Lang lang) {
    List<LayoutBlock> blocks = new ArrayList<>(sections(question == null ? "" : question));
    String line = texts.get(Msg.ANSWERED, lang, "answer", answer);
    blocks.add(context(List.of(plainText(cut(line, SECTION_MAX)))));
    return blocks;
  }

  /** The free-text form a TEXT question's button opens. */
  View form(ActionRef ref, String question) {
    Lang lang = langOf(ref.lang());
    List<LayoutBlock> blocks = new ArrayList<>();
    if (question != null && !question.isBlank()) {
      blocks.addAll(sections(question));
    }
    blocks.add(input(i -> i.blockId(FORM_BLOCK)
        .label(plainText(cut(texts.get(Msg.ANSWER_FORM_TITLE, lang), 2_000)))
        .element(plainTextInput(p -> p.actionId(FORM_INPUT).multiline(true).maxLength(FORM_TEXT_MAX)))));
    return view(v -> v.type("modal")
        .callbackId(FORM_CALLBACK)
        .privateMetadata(ref.encode())
        .title(viewTitle(t -> t.type("plain_text").text(cut(texts.get(Msg.ANSWER_FORM_TITLE, lang), TITLE_MAX))))
        .submit(viewSubmit(s -> s.type("plain_text").text(cut(texts.get(Msg.SUBMIT, lang), TITLE_MAX))))
        .close(viewClose(c -> c.type("plain_text").text("×")))
        .blocks(blocks));
  }

  /** The App Home tab: the member's commands, in their language. */
  View home(String page) {
    return view(v -> v.type("home").blocks(sections(page)));
  }

  private List<LayoutBlock> buttons(OutboundMessage m) {
    List<BlockElement> all = new ArrayList<>();
    int i = 0;
    for (Option o : m.options()) {
      int index = i++;
      String value = ActionRef.choice(m.conversationRef(), m.stepRef(), o.value(), m.lang()).encode();
      all.add(button(b -> b.actionId(CHOICE_PREFIX + index).text(plainText(cut(o.label(), BUTTON_TEXT_MAX))).value(value)));
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += ELEMENTS_PER_ACTIONS) {
      blocks.add(actions(new ArrayList<>(all.subList(from, Math.min(all.size(), from + ELEMENTS_PER_ACTIONS)))));
    }
    return blocks;
  }

  private LayoutBlock picker(OutboundMessage m, Lang lang) {
    List<OptionObject> options = new ArrayList<>();
    for (Option o : m.options()) {
      options.add(OptionObject.builder().text(plainText(cut(o.label(), BUTTON_TEXT_MAX))).value(o.value()).build());
    }
    BlockElement picker = options.size() <= CHECKBOXES_MAX
        ? checkboxes(c -> c.actionId(PICK).options(options))
        : multiStaticSelect(s -> s.actionId(PICK).options(options).placeholder(plainText("…")));
    String ref = ActionRef.choice(m.conversationRef(), m.stepRef(), null, m.lang()).encode();
    return actions(List.of(picker, button(b -> b.actionId(PICK_SUBMIT).style("primary")
        .text(plainText(cut(texts.get(Msg.SUBMIT, lang), BUTTON_TEXT_MAX))).value(ref))));
  }

  /** Long texts (a recap, a report) are split on line breaks into sections Slack accepts. */
  static List<LayoutBlock> sections(String text) {
    List<LayoutBlock> blocks = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      while (line.length() > SECTION_MAX) {
        flush(blocks, chunk);
        chunk.append(line, 0, SECTION_MAX);
        line = line.substring(SECTION_MAX);
        flush(blocks, chunk);
      }
      if (chunk.length() + line.length() + 1 > SECTION_MAX) {
        flush(blocks, chunk);
      }
      if (chunk.length() > 0) {
        chunk.append('\n');
      }
      chunk.append(line);
    }
    flush(blocks, chunk);
    return blocks;
  }

  private static void flush(List<LayoutBlock> blocks, StringBuilder chunk) {
    if (!chunk.toString().isBlank()) {
      String text = chunk.toString();
      blocks.add(section(s -> s.text(plainText(text))));
    }
    chunk.setLength(0);
  }

  static String cut(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
