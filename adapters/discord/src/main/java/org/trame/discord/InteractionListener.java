package org.trame.discord;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.requests.RestAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Msg;
import org.trame.core.i18n.Texts;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.MemberHints;
import org.trame.discord.ComponentId.Kind;

/**
 * Translates Discord interactions into the core's events, and nothing more: a /trame command into
 * its words, a button, a select menu or a submitted form into a choice for the conversation and
 * step its custom id names. Every interaction is acknowledged at once (a deferred reply or edit),
 * so the core may take its time; the interaction id is the event id, so a delivery seen twice has
 * one effect. Nothing here blocks a JDA thread: Discord calls are queued.
 */
final class InteractionListener extends ListenerAdapter {

  private static final Logger log = LoggerFactory.getLogger(InteractionListener.class);

  private final Function<InboundEvent, CompletableFuture<Handled>> core;
  private final Turns turns;
  private final Texts texts;
  private final MessageRenderer renderer;
  private final MemberFacts facts;

  InteractionListener(Function<InboundEvent, CompletableFuture<Handled>> core, Turns turns, Texts texts,
      MemberFacts facts) {
    this.core = core;
    this.turns = turns;
    this.texts = texts;
    this.renderer = new MessageRenderer(texts);
    this.facts = facts;
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent e) {
    Guild guild = e.getGuild();
    if (!TrameCommand.NAME.equals(e.getName()) || guild == null) {
      return; // registered for guilds only
    }
    String words = TrameCommand.words(e.getSubcommandGroup(), e.getSubcommandName(), name -> {
      OptionMapping o = e.getOption(name);
      return o == null ? null : o.getAsString();
    }).orElseGet(() -> e.getFullCommandName().substring(TrameCommand.NAME.length()).strip());
    User user = e.getUser();
    Turns.Turn turn = turns.begin(e.getId(), guild.getId(), user.getId(), Turns.Origin.COMMAND, new HookReplies(e.getHook()));
    e.deferReply(true).queue(null, failure -> {
      turn.broken();
      log.warn("could not acknowledge /trame {}", org.trame.core.port.LogTexts.shown(words), failure);
    });
    boolean coordinator = e.getMember() != null && facts.seen(guild.getId(), user.getId(), e.getMember());
    MemberHints hints = MemberFacts.hints(e.getUserLocale(), coordinator);
    String name = e.getMember() != null ? e.getMember().getEffectiveName() : user.getEffectiveName();
    // The channel it was typed in, for "channel here"; the collective's channel never follows it otherwise.
    InboundEvent event = new InboundEvent(e.getId(), DiscordMessenger.PLATFORM, guild.getId(), user.getId(), name,
        InboundEvent.Kind.COMMAND, words, null, null, hints, e.getChannelId());
    submit(event, turn, e.getHook(), lang(e.getUserLocale()), null);
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent e) {
    Optional<ComponentId> id = ours(e, e.getComponentId(), Kind.CHOICE, Kind.ANSWER);
    if (id.isEmpty()) {
      return;
    }
    if (id.get().kind() == Kind.ANSWER) {
      Lang lang = Lang.parse(id.get().value()).orElse(lang(e.getUserLocale()));
      e.replyModal(renderer.form(id.get(), e.getMessage().getContentRaw(), lang))
          .queue(null, failure -> log.warn("could not open the answer form", failure));
      return;
    }
    choice(e, e.deferEdit(), id.get(), id.get().value(), e.getButton().getLabel(), e.getMessage(), Turns.Origin.COMPONENT);
  }

  @Override
  public void onStringSelectInteraction(StringSelectInteractionEvent e) {
    Optional<ComponentId> id = ours(e, e.getComponentId(), Kind.SELECT);
    if (id.isEmpty()) {
      return;
    }
    String value = String.join(",", e.getValues());
    String shown = e.getSelectedOptions().stream().map(o -> o.getLabel()).collect(Collectors.joining(", "));
    choice(e, e.deferEdit(), id.get(), value, shown, e.getMessage(), Turns.Origin.COMPONENT);
  }

  @Override
  public void onModalInteraction(ModalInteractionEvent e) {
    Optional<ComponentId> id = ours(e, e.getModalId(), Kind.FORM);
    if (id.isEmpty()) {
      return;
    }
    ModalMapping input = e.getValue(MessageRenderer.FORM_INPUT);
    String text = input == null ? "" : input.getAsString();
    Message message = e.getMessage();
    if (message != null) {
      choice(e, e.deferEdit(), id.get(), text, text, message, Turns.Origin.COMPONENT);
    } else {
      choice(e, e.deferReply(true), id.get(), text, text, null, Turns.Origin.COMMAND);
    }
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent e) {
    String option = e.getFocusedOption().getName();
    if (TrameCommand.NAME.equals(e.getName()) && (option.equals("zone") || option.equals("tz"))) {
      e.replyChoiceStrings(TrameCommand.zonesMatching(e.getFocusedOption().getValue()))
          .queue(null, failure -> log.debug("autocomplete answer refused", failure));
    }
  }

  /** The component's id if it is one of ours, of an expected kind, for this guild; else says so. */
  private Optional<ComponentId> ours(IReplyCallback e, String customId, Kind... kinds) {
    Optional<ComponentId> id = ComponentId.decode(customId)
        .filter(c -> java.util.Arrays.asList(kinds).contains(c.kind()))
        .filter(c -> e.getGuild() == null || e.getGuild().getId().equals(c.guild()));
    if (id.isEmpty()) {
      e.reply(texts.get(Msg.NOT_YOUR_CONVERSATION, lang(e.getUserLocale()))).setEphemeral(true)
          .queue(null, failure -> log.debug("could not refuse a foreign component", failure));
    }
    return id;
  }

  /**
   * Hands a click or a form to the core.
   *
   * @param ack the acknowledgement, queued here once the turn is registered
   */
  private void choice(IReplyCallback e, RestAction<?> ack, ComponentId id, String value, String shown,
      Message message, Turns.Origin origin) {
    InteractionHook hook = e.getHook();
    User user = e.getUser();
    Turns.Turn turn = turns.begin(e.getId(), id.guild(), user.getId(), origin, new HookReplies(hook));
    ack.queue(null, failure -> {
      turn.broken();
      log.warn("could not acknowledge a component or form", failure);
    });
    Member member = e.getMember();
    // In the guild, Discord gives the member as they are; a click in a DM gives none, so the member
    // is looked up (what Discord said less than a minute ago, else asked again): never an old flag.
    CompletableFuture<Boolean> coordinator = member != null
        ? CompletableFuture.completedFuture(facts.seen(id.guild(), user.getId(), member))
        : facts.current(id.guild(), user.getId()).exceptionally(failure -> {
          log.warn("could not tell whether a member coordinates; taken as not, for this click", failure);
          return false;
        });
    String name = member != null ? member.getEffectiveName() : user.getEffectiveName();
    coordinator.thenAccept(c -> {
      InboundEvent event = new InboundEvent(e.getId(), DiscordMessenger.PLATFORM, id.guild(), user.getId(), name,
          InboundEvent.Kind.CHOICE, value, id.conversationRef(), id.stepRef(), MemberFacts.hints(e.getUserLocale(), c));
      handOver(e, event, turn, hook, shown, message);
    }).exceptionally(failure -> {
      log.error("a click could not be handed to the core", failure);
      return null;
    });
  }

  private void handOver(IReplyCallback e, InboundEvent event, Turns.Turn turn, InteractionHook hook, String shown,
      Message message) {
    Lang fallback = lang(e.getUserLocale());
    submit(event, turn, hook, fallback, handled -> {
      if (message == null) {
        return;
      }
      // The question is over either way: its components are disabled, with the answer if the core took it.
      Lang lang = handled.messages().stream().findFirst().map(m -> MessageRenderer.lang(m.lang())).orElse(fallback);
      String answer = handled.outcome() == Handled.Outcome.ACCEPTED ? shown : null;
      hook.editOriginal(renderer.closed(message.getContentRaw(), message.getComponents(), answer, lang))
          .queue(null, failure -> log.warn("could not close an answered question", failure));
    });
  }

  private void submit(InboundEvent event, Turns.Turn turn, InteractionHook hook, Lang lang, Consumer<Handled> after) {
    CompletableFuture<Handled> handled;
    try {
      handled = core.apply(event);
    } catch (RuntimeException e) {
      handled = CompletableFuture.failedFuture(e);
    }
    handled.whenComplete((h, failure) -> {
      if (failure != null) {
        log.error("interaction {} was not saved", event.eventId(), failure);
        String sorry = texts.get(Msg.SOMETHING_WENT_WRONG, lang);
        if (turn.origin == Turns.Origin.COMMAND) {
          hook.editOriginal(sorry).queue(null, x -> log.debug("could not say sorry", x));
        } else {
          hook.sendMessage(sorry).setEphemeral(true).queue(null, x -> log.debug("could not say sorry", x));
        }
        return;
      }
      if (h.outcome() == Handled.Outcome.DUPLICATE) {
        turn.dropUnusedOriginal();
        return;
      }
      if (after != null) {
        after.accept(h);
      }
    });
  }

  static Lang lang(DiscordLocale locale) {
    return locale == null ? Lang.FR : Lang.parse(locale.getLocale()).orElse(Lang.FR);
  }
}
