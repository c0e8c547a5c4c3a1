package org.trame.discord;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.MessageTopLevelComponent;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.components.tree.MessageComponentTree;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Msg;
import org.trame.core.i18n.Texts;
import org.trame.core.port.Mentions;
import org.trame.core.port.Option;
import org.trame.core.port.OutboundMessage;
import org.trame.discord.ComponentId.Kind;

/**
 * Turns the core's messages into Discord messages: text split to Discord's 2,000 characters, and
 * the widget the answer needs under the last part (buttons, a select menu, or an answer button
 * that opens a form). Mentions are never allowed, so text quoted from a member cannot ping anyone.
 */
public final class MessageRenderer {

  static final int MAX_CONTENT = 2000;
  static final String FORM_INPUT = "answer";
  private static final int MAX_BUTTON_LABEL = 80;
  private static final int MAX_OPTION_LABEL = 100;
  private static final int MAX_MODAL_TEXT = 45;
  private static final int MAX_LABEL_DESCRIPTION = 100;
  private static final int MAX_TEXT_INPUT = 4000;
  private static final int PER_ROW = 5;
  private static final int MAX_ROWS = 5;
  private static final int PER_MENU = 25;

  private static final Logger log = LoggerFactory.getLogger(MessageRenderer.class);

  private final Texts texts;

  public MessageRenderer(Texts texts) {
    this.texts = texts;
  }

  static Lang lang(String code) {
    return Lang.parse(code).orElse(Lang.FR);
  }

  /** The message as one or more Discord messages; the widget, if any, is on the last. */
  public List<MessageCreateData> render(OutboundMessage m) {
    List<String> parts = split(m.text().isBlank() ? "…" : mentions(m.text()));
    List<MessageTopLevelComponent> widget;
    try {
      widget = widget(m);
    } catch (IllegalArgumentException e) {
      // The same message would fail again at every retry: show its text rather than block the outbox.
      log.error("message {} is sent without its buttons: {}", m.id(), e.getMessage());
      widget = List.of();
    }
    List<MessageCreateData> out = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      MessageCreateBuilder b = new MessageCreateBuilder().setContent(parts.get(i))
          .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
      if (i == parts.size() - 1 && !widget.isEmpty()) {
        b.setComponents(widget);
      }
      out.add(b.build());
    }
    return out;
  }

  /** The widget for what the message expects; empty when it expects nothing or has no step. */
  List<MessageTopLevelComponent> widget(OutboundMessage m) {
    if (m.conversationRef() == null || m.stepRef() == null) {
      return List.of();
    }
    ComponentId base = new ComponentId(Kind.CHOICE, m.collective(), m.conversationRef(), m.stepRef(), "");
    Lang lang = lang(m.lang());
    return switch (m.expects()) {
      case NOTHING -> List.of();
      // The answer button carries the language, for the words of the form it opens.
      case TEXT -> new ComponentId(Kind.ANSWER, m.collective(), m.conversationRef(), m.stepRef(), lang.code()).encode()
          .<List<MessageTopLevelComponent>>map(id -> List.of(ActionRow.of(
              Button.primary(id, cut(texts.get(Msg.ANSWER_BUTTON, lang), MAX_BUTTON_LABEL)))))
          .orElseThrow(() -> tooLong(m));
      case CHOICE, SCALE, CONFIRM -> buttons(base, m).orElseGet(() -> menus(base, m, false));
      case MULTI_CHOICE -> menus(base, m, true);
    };
  }

  private static IllegalArgumentException tooLong(OutboundMessage m) {
    return new IllegalArgumentException("message " + m.id() + ": its references do not fit in a Discord custom id");
  }

  /** One button per option, five per row; empty when they do not fit (too many, or ids too long). */
  private Optional<List<MessageTopLevelComponent>> buttons(ComponentId base, OutboundMessage m) {
    List<Option> options = m.options();
    if (options.isEmpty() || options.size() > PER_ROW * MAX_ROWS) {
      return Optional.empty();
    }
    List<Button> buttons = new ArrayList<>();
    for (Option o : options) {
      Optional<String> id = new ComponentId(Kind.CHOICE, base.guild(), base.conversationRef(), base.stepRef(), o.value()).encode();
      if (id.isEmpty()) {
        return Optional.empty();
      }
      String label = cut(o.label(), MAX_BUTTON_LABEL);
      buttons.add(m.expects() == OutboundMessage.Expects.CONFIRM && "yes".equals(o.value())
          ? Button.success(id.get(), label) : Button.secondary(id.get(), label));
    }
    List<MessageTopLevelComponent> rows = new ArrayList<>();
    for (int i = 0; i < buttons.size(); i += PER_ROW) {
      rows.add(ActionRow.of(buttons.subList(i, Math.min(buttons.size(), i + PER_ROW))));
    }
    return Optional.of(rows);
  }

  /** Select menus of 25 options each (a multi-choice must fit in one). */
  private List<MessageTopLevelComponent> menus(ComponentId base, OutboundMessage m, boolean multi) {
    List<Option> options = m.options();
    if (options.isEmpty() || options.size() > PER_MENU * (multi ? 1 : MAX_ROWS)) {
      throw new IllegalArgumentException("message " + m.id() + ": " + options.size() + " options do not fit in Discord select menus");
    }
    List<MessageTopLevelComponent> rows = new ArrayList<>();
    for (int start = 0, menu = 0; start < options.size(); start += PER_MENU, menu++) {
      // The menu's number keeps custom ids unique within the message.
      String id = new ComponentId(Kind.SELECT, base.guild(), base.conversationRef(), base.stepRef(), Integer.toString(menu))
          .encode().orElseThrow(() -> tooLong(m));
      List<Option> slice = options.subList(start, Math.min(options.size(), start + PER_MENU));
      StringSelectMenu.Builder b = StringSelectMenu.create(id);
      for (Option o : slice) {
        if (o.value().length() > MAX_OPTION_LABEL) {
          throw new IllegalArgumentException("message " + m.id() + ": option value '" + o.value() + "' is too long for Discord");
        }
        b.addOptions(SelectOption.of(cut(o.label(), MAX_OPTION_LABEL), o.value()));
      }
      b.setRequiredRange(1, multi ? slice.size() : 1);
      rows.add(ActionRow.of(b.build()));
    }
    return rows;
  }

  /** The free-text form opened by an answer button, asking the question of {@code questionText}. */
  public Modal form(ComponentId answer, String questionText, Lang lang) {
    String id = answer.as(Kind.FORM).encode().orElseThrow();
    String question = questionText == null ? "" : questionText.strip();
    String firstLine = question.lines().findFirst().orElse("");
    String title = cut(texts.get(Msg.ANSWER_FORM_TITLE, lang), MAX_MODAL_TEXT);
    String label = firstLine.isEmpty() ? title : cut(firstLine, MAX_MODAL_TEXT);
    String description = firstLine.length() > MAX_MODAL_TEXT ? cut(firstLine, MAX_LABEL_DESCRIPTION) : null;
    TextInput input = TextInput.create(FORM_INPUT, TextInputStyle.PARAGRAPH).setRequired(true)
        .setMaxLength(MAX_TEXT_INPUT).build();
    return Modal.create(id, title).addComponents(Label.of(label, description, input)).build();
  }

  /**
   * The question as it stays once handled: its components disabled and, when the answer was taken,
   * the answer under it ({@code shown} null when it was not).
   */
  public MessageEditData closed(String content, List<? extends MessageTopLevelComponent> components, String shown, Lang lang) {
    String text = content == null ? "" : content;
    if (shown != null) {
      String quoted = "> " + texts.get(Msg.ANSWERED, lang, "answer", shown.strip()).replace("\n", "\n> ");
      text = cut(text + "\n\n" + quoted, MAX_CONTENT);
    }
    return new MessageEditBuilder().setContent(text).setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
        .setComponents(MessageComponentTree.of(components).asDisabled()).build();
  }

  /**
   * The core's mention tokens as Discord mentions, {@code <@id>}: shown as the member's name, and
   * pinging no one since every message allows no mention. Around them, a masked link ({@code
   * [label](url)}) is broken ({@code ]\(}): a member's words must not show a label over another
   * address in a message the bot posts; a bare address still shows as itself.
   */
  static String mentions(String text) {
    return Mentions.render(text, s -> s.replace("](", "]\\("), id -> id.matches("\\d{1,20}") ? "<@" + id + ">" : "@" + id);
  }

  /** Splits text into parts of at most 2,000 characters, at line ends or spaces where possible. */
  static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    String rest = text;
    while (rest.length() > MAX_CONTENT) {
      int cut = rest.lastIndexOf('\n', MAX_CONTENT);
      if (cut < MAX_CONTENT / 2) {
        cut = rest.lastIndexOf(' ', MAX_CONTENT);
      }
      if (cut < MAX_CONTENT / 2) {
        cut = MAX_CONTENT;
      }
      parts.add(rest.substring(0, cut));
      rest = rest.substring(cut).stripLeading();
    }
    parts.add(rest);
    return parts;
  }

  static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
