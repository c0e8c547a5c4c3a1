package org.trame.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
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
import java.util.regex.Pattern;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Msg;
import org.trame.core.i18n.Texts;
import org.trame.core.port.Mentions;
import org.trame.core.port.Option;
import org.trame.core.port.OutboundMessage;

/**
 * Renders the core's messages as Block Kit: text sections, then the widget the awaited answer
 * calls for (buttons, checkboxes or a select with a submit button, or a button opening a form).
 * Every interactive element carries an {@link ActionRef}; the action ids below are what the
 * handlers listen to.
 *
 * <p>The core's texts hold members' words, so every mrkdwn field gets them escaped as Slack asks
 * ({@code &}, {@code <}, {@code >}; see {@link #mrkdwn}): a member's {@code <!channel>} or
 * {@code <https://…|label>} is shown as typed, never pings nor links. Only the bot's own mention
 * tokens become {@code <@U…>}. A text that comes back from Slack (a posted message's text) is
 * already in that form and is used as it is, not escaped twice.
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
  /** What a Slack user id looks like; anything else in a mention token is shown as text, never as markup. */
  private static final Pattern SLACK_ID = Pattern.compile("[UW][A-Z0-9]{2,}");

  private final Texts texts;

  BlockRenderer(Texts texts) {
    this.texts = texts;
  }

  static Lang langOf(String code) {
    return Lang.parse(code).orElse(Lang.FR);
  }

  /** The message's blocks. */
  List<LayoutBlock> render(OutboundMessage m) {
    List<LayoutBlock> blocks = new ArrayList<>(sections(mrkdwn(m.text())));
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

  /** The message's {@code text} (notifications, clients without blocks): the core's text as mrkdwn. */
  static String fallback(String text) {
    return cutMrkdwn(text.isBlank() ? "…" : mrkdwn(text), FALLBACK_TEXT_MAX);
  }

  /**
   * {@code text} as Slack mrkdwn: {@code &}, {@code <} and {@code >} escaped, so nothing in it is
   * read as a mention, a link or a command, then the bot's mention tokens as {@code <@U…>}.
   */
  static String mrkdwn(String text) {
    return Mentions.render(text, BlockRenderer::escape, id -> SLACK_ID.matcher(id).matches() ? "<@" + id + ">" : escape("@" + id));
  }

  /** Slack's three escapes; nothing else is entity-encoded (Slack would show it as typed). */
  static String escape(String text) {
    if (text.indexOf('&') < 0 && text.indexOf('<') < 0 && text.indexOf('>') < 0) {
      return text;
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** {@code text} for a plain_text field, which Slack shows as it is: a mention token becomes {@code @U…}. */
  static String plain(String text) {
    return Mentions.render(text, t -> t, id -> "@" + id);
  }

  /**
   * What replaces an answered question: the question, then "your answer: …", no widgets left to
   * click. {@code question} is the posted message's text as Slack gives it back (already mrkdwn);
   * {@code answer} is what the member picked or typed, escaped here.
   */
  List<LayoutBlock> answered(String question, String answer, Lang lang) {
    List<LayoutBlock> blocks = new ArrayList<>(sections(question == null ? "" : question));
    String line = mrkdwn(texts.get(Msg.ANSWERED, lang, "answer", answer));
    blocks.add(context(List.of(markdownText(t -> t.text(cutMrkdwn(line, SECTION_MAX)).verbatim(true)))));
    return blocks;
  }

  /** The free-text form a TEXT question's button opens; {@code question} is the posted message's text (mrkdwn). */
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
    return view(v -> v.type("home").blocks(sections(mrkdwn(page))));
  }

  private List<LayoutBlock> buttons(OutboundMessage m) {
    List<BlockElement> all = new ArrayList<>();
    int i = 0;
    for (Option o : m.options()) {
      int index = i++;
      String value = ActionRef.choice(m.conversationRef(), m.stepRef(), o.value(), m.lang()).encode();
      all.add(button(b -> b.actionId(CHOICE_PREFIX + index).text(plainText(cut(plain(o.label()), BUTTON_TEXT_MAX))).value(value)));
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
      options.add(OptionObject.builder().text(plainText(cut(plain(o.label()), BUTTON_TEXT_MAX))).value(o.value()).build());
    }
    BlockElement picker = options.size() <= CHECKBOXES_MAX
        ? checkboxes(c -> c.actionId(PICK).options(options))
        : multiStaticSelect(s -> s.actionId(PICK).options(options).placeholder(plainText("…")));
    String ref = ActionRef.choice(m.conversationRef(), m.stepRef(), null, m.lang()).encode();
    return actions(List.of(picker, button(b -> b.actionId(PICK_SUBMIT).style("primary")
        .text(plainText(cut(texts.get(Msg.SUBMIT, lang), BUTTON_TEXT_MAX))).value(ref))));
  }

  /**
   * Long mrkdwn texts (a recap, a report) are split on line breaks into sections Slack accepts;
   * a line too long for one section is cut where no escape or mention is split in two.
   */
  static List<LayoutBlock> sections(String mrkdwn) {
    List<LayoutBlock> blocks = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    for (String line : mrkdwn.split("\n", -1)) {
      while (line.length() > SECTION_MAX) {
        flush(blocks, chunk);
        int at = safeCut(line, SECTION_MAX);
        chunk.append(line, 0, at);
        line = line.substring(at);
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

  /** The mrkdwn of a run of sections, one after the other: the text of a part of a long message. */
  static String textOf(List<LayoutBlock> blocks) {
    StringBuilder text = new StringBuilder();
    for (LayoutBlock b : blocks) {
      if (b instanceof com.slack.api.model.block.SectionBlock section && section.getText() != null) {
        if (text.length() > 0) {
          text.append('\n');
        }
        text.append(section.getText().getText());
      }
    }
    return text.length() == 0 ? "…" : text.toString();
  }

  private static void flush(List<LayoutBlock> blocks, StringBuilder chunk) {
    if (!chunk.toString().isBlank()) {
      String text = chunk.toString();
      // verbatim: Slack reads only the markup written out (our mentions), and guesses no links or mentions.
      blocks.add(section(s -> s.text(markdownText(t -> t.text(text).verbatim(true)))));
    }
    chunk.setLength(0);
  }

  /** {@code s}, mrkdwn, cut to {@code max} characters without splitting an escape, a mention or a character. */
  static String cutMrkdwn(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, safeCut(s, max - 1)) + "…";
  }

  /** The largest cut position up to {@code max} that leaves every {@code &…;} and {@code <…>} of {@code s} whole. */
  static int safeCut(String s, int max) {
    int at = Math.min(max, s.length());
    int amp = s.lastIndexOf('&', at - 1);
    if (amp >= 0) {
      int semi = s.indexOf(';', amp);
      if (semi < 0 || semi >= at) {
        at = amp;
      }
    }
    int open = s.lastIndexOf('<', at - 1);
    if (open >= 0) {
      int close = s.indexOf('>', open);
      if (close < 0 || close >= at) {
        at = open;
      }
    }
    if (at > 0 && Character.isHighSurrogate(s.charAt(at - 1))) {
      at--;
    }
    // A text made of one huge unclosed run cannot be cut cleanly: cut at the limit rather than loop.
    return at > 0 ? at : Math.min(max, s.length());
  }

  static String cut(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
