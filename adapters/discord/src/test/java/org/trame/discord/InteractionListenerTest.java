package org.trame.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.MessageTopLevelComponentUnion;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageEditAction;
import net.dv8tion.jda.api.requests.restaction.interactions.MessageEditCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ModalCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Msg;
import org.trame.core.port.Audience;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.MemberHints;
import org.trame.core.port.Option;
import org.trame.core.port.OutboundMessage;
import org.trame.core.port.OutboundMessage.Expects;

class InteractionListenerTest {

  private static final String GUILD = "1200000000000000002";
  private static final String MEMBER = "1400000000000000004";

  private final List<InboundEvent> received = new ArrayList<>();
  private CompletableFuture<Handled> answer = new CompletableFuture<>();
  private static final String CHANNEL = "1300000000000000003";

  private final Turns turns = new Turns(System::currentTimeMillis);
  private final java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(1_000_000);
  /** What Discord answers when the adapter looks a member up (a click in a DM carries none). */
  private CompletableFuture<java.util.Optional<Member>> discordSays = CompletableFuture.completedFuture(java.util.Optional.empty());
  private final InteractionListener listener = new InteractionListener(e -> {
    received.add(e);
    return answer;
  }, turns, CoreTexts.TEXTS, new MemberFacts(null, (guild, user) -> discordSays, now::get));

  private final InteractionHook hook = mock(InteractionHook.class);
  @SuppressWarnings("unchecked")
  private final WebhookMessageEditAction<Message> edit = mock(WebhookMessageEditAction.class, RETURNS_SELF);
  @SuppressWarnings("unchecked")
  private final WebhookMessageCreateAction<Message> followUp = mock(WebhookMessageCreateAction.class, RETURNS_SELF);
  private final User user = mock(User.class);

  @BeforeEach
  void hooks() {
    when(hook.editOriginal(any(MessageEditData.class))).thenReturn(edit);
    when(hook.editOriginal(anyString())).thenReturn(edit);
    when(hook.sendMessage(anyString())).thenReturn(followUp);
    when(user.getId()).thenReturn(MEMBER);
    when(user.getEffectiveName()).thenReturn("Alice");
  }

  private SlashCommandInteractionEvent command(String group, String sub, boolean manageServer, String... options) {
    SlashCommandInteractionEvent e = mock(SlashCommandInteractionEvent.class);
    Guild guild = mock(Guild.class);
    when(guild.getId()).thenReturn(GUILD);
    when(guild.getIdLong()).thenReturn(Long.parseLong(GUILD));
    Member member = mock(Member.class);
    when(member.getEffectiveName()).thenReturn("Alice (Tiers-lieu)");
    when(member.hasPermission(Permission.MANAGE_SERVER)).thenReturn(manageServer);
    when(e.getName()).thenReturn("trame");
    when(e.getSubcommandGroup()).thenReturn(group);
    when(e.getSubcommandName()).thenReturn(sub);
    when(e.getGuild()).thenReturn(guild);
    when(e.getMember()).thenReturn(member);
    when(e.getUser()).thenReturn(user);
    when(e.getId()).thenReturn("9001");
    when(e.getUserLocale()).thenReturn(DiscordLocale.FRENCH);
    when(e.getChannelId()).thenReturn(CHANNEL);
    when(e.getHook()).thenReturn(hook);
    when(e.deferReply(true)).thenReturn(mock(ReplyCallbackAction.class, RETURNS_SELF));
    for (int i = 0; i + 1 < options.length; i += 2) {
      OptionMapping o = mock(OptionMapping.class);
      when(o.getAsString()).thenReturn(options[i + 1]);
      when(e.getOption(options[i])).thenReturn(o);
    }
    return e;
  }

  private ButtonInteractionEvent click(String customId, Message message) {
    ButtonInteractionEvent e = mock(ButtonInteractionEvent.class);
    when(e.getComponentId()).thenReturn(customId);
    when(e.getButton()).thenReturn(Button.secondary(customId, "Partagée avec le collectif"));
    when(e.getMessage()).thenReturn(message);
    when(e.getUser()).thenReturn(user);
    when(e.getId()).thenReturn("9002");
    when(e.getUserLocale()).thenReturn(DiscordLocale.FRENCH);
    when(e.getHook()).thenReturn(hook);
    when(e.deferEdit()).thenReturn(mock(MessageEditCallbackAction.class, RETURNS_SELF));
    when(e.reply(anyString())).thenReturn(mock(ReplyCallbackAction.class, RETURNS_SELF));
    when(e.replyModal(any(Modal.class))).thenReturn(mock(ModalCallbackAction.class, RETURNS_SELF));
    return e;
  }

  /** A question message as the member sees it, rendered by the adapter. */
  private static Message questionMessage() {
    OutboundMessage q = new OutboundMessage(5, "discord", GUILD, Audience.member(MEMBER), "Qui peut la voir ?",
        Expects.CHOICE, List.of(new Option("private", "Rester privée"), new Option("collective", "Partagée avec le collectif")),
        "42", "why#share", "fr");
    MessageCreateData data = new MessageRenderer(CoreTexts.TEXTS).render(q).get(0);
    Message m = mock(Message.class);
    when(m.getContentRaw()).thenReturn(data.getContent());
    List<MessageTopLevelComponentUnion> components = new ArrayList<>();
    data.getComponents().forEach(components::add);
    when(m.getComponents()).thenReturn(components);
    return m;
  }

  private static Handled applied(OutboundMessage... messages) {
    return new Handled(Handled.Outcome.ACCEPTED, List.of(messages));
  }

  private static OutboundMessage next(String stepRef) {
    return new OutboundMessage(6, "discord", GUILD, Audience.member(MEMBER), "Concrètement ?", Expects.TEXT, List.of(),
        "42", stepRef, "fr");
  }

  @Test
  @DisplayName("/trame conflict start: acknowledged at once, and handed to the core as command words with the parties' ids and the channel it was typed in")
  void slashCommand() {
    // given a member without Manage Server naming two parties
    SlashCommandInteractionEvent e = command("conflict", "start", false, "party1", "111", "party2", "222");
    // when the command arrives
    listener.onSlashCommandInteraction(e);
    // then it is acknowledged with an ephemeral deferred reply
    verify(e).deferReply(true);
    // and the core gets a COMMAND from this guild, with the interaction id as event id and the member's facts
    InboundEvent ev = received.get(0);
    assertEquals(new InboundEvent("9001", "discord", GUILD, MEMBER, "Alice (Tiers-lieu)", InboundEvent.Kind.COMMAND,
        "conflict <@111> <@222>", null, null, new MemberHints("fr", null, false), CHANNEL), ev);
  }

  @Test
  @DisplayName("a command delivered twice: the core reports a duplicate and the second deferred reply is removed")
  void duplicateCommand() {
    // given the core has already handled this interaction id
    when(hook.deleteOriginal()).thenReturn(mock(RestAction.class));
    listener.onSlashCommandInteraction(command("stakes", "start", true));
    // when the core answers DUPLICATE
    answer.complete(Handled.duplicate());
    // then the deferred reply is dropped, nothing else said
    verify(hook).deleteOriginal();
    assertTrue(received.get(0).hints().coordinator(), "Manage Server makes a coordinator");
  }

  @Test
  @DisplayName("a button click becomes a CHOICE for the conversation and step in its id; once taken, the question shows the answer, disabled")
  void buttonTaken() {
    // given a click on "collective" under the sharing question
    Message message = questionMessage();
    String id = "trame|c|" + GUILD + "|42|why#share|collective";
    ButtonInteractionEvent e = click(id, message);
    // when it arrives
    listener.onButtonInteraction(e);
    // then it is acknowledged as an update, and the core gets the choice with the refs from the id
    verify(e).deferEdit();
    InboundEvent ev = received.get(0);
    assertEquals(InboundEvent.Kind.CHOICE, ev.kind());
    assertEquals("collective", ev.text());
    assertEquals("42", ev.conversationRef());
    assertEquals("why#share", ev.stepRef());
    assertEquals(GUILD, ev.collective());
    // when the core takes it and asks the next question
    answer.complete(applied(next("brings")));
    // then the question is edited: the answer under it, every button disabled
    ArgumentCaptor<MessageEditData> closed = ArgumentCaptor.forClass(MessageEditData.class);
    verify(hook).editOriginal(closed.capture());
    assertTrue(closed.getValue().getContent().endsWith("> Votre réponse : Partagée avec le collectif"));
    closed.getValue().getComponents().forEach(row -> row.asActionRow().getComponents()
        .forEach(c -> assertTrue(c.asButton().isDisabled())));
  }

  @Test
  @DisplayName("a click in a DM by a coordinator whose role was removed: after a minute Discord is asked again and the core hears they no longer coordinate")
  void dmClickAfterRoleRemoved() {
    // given a member who used /trame with Manage Server
    listener.onSlashCommandInteraction(command("stakes", "start", true));
    assertTrue(received.get(0).hints().coordinator());
    // and who then lost it on Discord
    Member demoted = mock(Member.class);
    when(demoted.hasPermission(Permission.MANAGE_SERVER)).thenReturn(false);
    discordSays = CompletableFuture.completedFuture(java.util.Optional.of(demoted));
    // when, more than a minute later, they click a button in their DMs (Discord gives no member there)
    now.addAndGet(MemberFacts.FRESH.toMillis() + 1);
    listener.onButtonInteraction(click("trame|c|" + GUILD + "|42|why#share|private", questionMessage()));
    // then the core hears the click from someone who no longer coordinates
    assertEquals(2, received.size());
    assertEquals(InboundEvent.Kind.CHOICE, received.get(1).kind());
    assertEquals(false, received.get(1).hints().coordinator());
    assertNull(received.get(1).channel(), "a click names no channel");
  }

  @Test
  @DisplayName("a click the core refuses as stale: the old question is disabled without showing an answer")
  void buttonRefused() {
    // given a click on an earlier question
    ButtonInteractionEvent e = click("trame|c|" + GUILD + "|42|why#share|private", questionMessage());
    listener.onButtonInteraction(e);
    // when the core refuses it
    OutboundMessage refusal = new OutboundMessage(7, "discord", GUILD, Audience.member(MEMBER),
        CoreTexts.TEXTS.get(Msg.STALE_BUTTON, Lang.FR), Expects.NOTHING, List.of(), null, null, "fr");
    answer.complete(new Handled(Handled.Outcome.STALE, Handled.Reason.EARLIER_QUESTION, List.of(refusal, next("brings"))));
    // then no answer is claimed on the old question
    ArgumentCaptor<MessageEditData> closed = ArgumentCaptor.forClass(MessageEditData.class);
    verify(hook).editOriginal(closed.capture());
    assertEquals("Qui peut la voir ?", closed.getValue().getContent());
  }

  @Test
  @DisplayName("an answer the core re-asks (invalid) is not shown as taken")
  void answerReasked() {
    // given a click on the current question
    ButtonInteractionEvent e = click("trame|c|" + GUILD + "|42|why#share|private", questionMessage());
    listener.onButtonInteraction(e);
    // when the core asks the same step again (the answer was refused with a reason)
    answer.complete(new Handled(Handled.Outcome.REASKED, Handled.Reason.INVALID_ANSWER, List.of(next("why#share"))));
    // then the old copy is disabled without claiming an answer
    ArgumentCaptor<MessageEditData> closed = ArgumentCaptor.forClass(MessageEditData.class);
    verify(hook).editOriginal(closed.capture());
    assertEquals("Qui peut la voir ?", closed.getValue().getContent());
  }

  @Test
  @DisplayName("a component that is not ours, or names another guild, is refused ephemerally and never reaches the core")
  void foreignComponent() {
    // given a click whose id this adapter did not write
    ButtonInteractionEvent e = click("someone-else", questionMessage());
    // when it arrives
    listener.onButtonInteraction(e);
    // then the member is told, in their language, and the core is not involved
    verify(e).reply(CoreTexts.TEXTS.get(Msg.NOT_YOUR_CONVERSATION, Lang.FR));
    assertTrue(received.isEmpty());
    // given a click in a guild whose id names another guild
    ButtonInteractionEvent cross = click("trame|c|999|42|why#share|private", questionMessage());
    Guild other = mock(Guild.class);
    when(other.getId()).thenReturn(GUILD);
    when(cross.getGuild()).thenReturn(other);
    listener.onButtonInteraction(cross);
    assertTrue(received.isEmpty(), "a guild's conversation is never reached from another guild");
  }

  @Test
  @DisplayName("the answer button opens the form in the message's language; the core hears nothing until it is sent")
  void answerButtonOpensForm() {
    // given a click on "Answer" of an English question
    ButtonInteractionEvent e = click("trame|a|" + GUILD + "|42|why|en", questionMessage());
    // when it arrives
    listener.onButtonInteraction(e);
    // then a form opens, titled in English, naming the same step
    ArgumentCaptor<Modal> modal = ArgumentCaptor.forClass(Modal.class);
    verify(e).replyModal(modal.capture());
    assertEquals("Your answer", modal.getValue().getTitle());
    assertEquals("trame|f|" + GUILD + "|42|why|", modal.getValue().getId());
    assertTrue(received.isEmpty());
  }

  @Test
  @DisplayName("a submitted form becomes a CHOICE carrying the typed text for its step")
  void formSubmitted() {
    // given a form sent from the question's message
    ModalInteractionEvent e = mock(ModalInteractionEvent.class);
    ModalMapping typed = mock(ModalMapping.class);
    when(typed.getAsString()).thenReturn("Pour peser davantage.");
    when(e.getModalId()).thenReturn("trame|f|" + GUILD + "|42|why|");
    when(e.getValue(MessageRenderer.FORM_INPUT)).thenReturn(typed);
    Message message = questionMessage();
    when(e.getMessage()).thenReturn(message);
    when(e.getUser()).thenReturn(user);
    when(e.getId()).thenReturn("9003");
    when(e.getUserLocale()).thenReturn(DiscordLocale.FRENCH);
    when(e.getHook()).thenReturn(hook);
    when(e.deferEdit()).thenReturn(mock(MessageEditCallbackAction.class, RETURNS_SELF));
    // when it arrives
    listener.onModalInteraction(e);
    // then the core gets the text as the answer to that step
    verify(e).deferEdit();
    InboundEvent ev = received.get(0);
    assertEquals(InboundEvent.Kind.CHOICE, ev.kind());
    assertEquals("Pour peser davantage.", ev.text());
    assertEquals("why", ev.stepRef());
    assertNull(ev.hints().timeZone());
  }

  @Test
  @DisplayName("when the core fails, the member is told something went wrong, in their language")
  void coreFails() {
    // given a command the core cannot save
    listener.onSlashCommandInteraction(command(null, "help", false));
    // when it fails
    answer.completeExceptionally(new IllegalStateException("disk full"));
    // then the deferred reply says so
    verify(hook).editOriginal(CoreTexts.TEXTS.get(Msg.SOMETHING_WENT_WRONG, Lang.FR));
    verify(hook, never()).sendMessage(anyString());
  }
}
