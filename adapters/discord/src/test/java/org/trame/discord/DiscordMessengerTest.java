package org.trame.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Msg;
import org.trame.core.port.Audience;
import org.trame.core.port.Handled;
import org.trame.core.port.Option;
import org.trame.core.port.OutboundMessage;
import org.trame.core.port.OutboundMessage.Expects;

class DiscordMessengerTest {

  private static final String GUILD = "1200000000000000002";
  private static final String MEMBER = "1400000000000000004";

  private static final String CHANNEL = "1300000000000000003";

  private final DiscordOps ops = mock(DiscordOps.class);
  private final Replies replies = mock(Replies.class);
  private final DiscordMessenger messenger = new DiscordMessenger();
  private java.util.concurrent.CompletableFuture<java.util.Optional<net.dv8tion.jda.api.entities.Member>> discordSays;

  @BeforeEach
  void bind() throws Exception {
    messenger.bind(ops, CoreTexts.TEXTS, new MemberFacts(null, (guild, user) -> discordSays, System::currentTimeMillis));
    when(ops.sendPrivate(eq(MEMBER), anyList(), anyLong())).thenReturn("https://discord.com/channels/@me/5/6");
  }

  private static OutboundMessage plain(long id, String text) {
    return new OutboundMessage(id, "discord", GUILD, Audience.member(MEMBER), text, Expects.NOTHING, List.of(), null, null, "en");
  }

  private static OutboundMessage question(long id) {
    return new OutboundMessage(id, "discord", GUILD, Audience.member(MEMBER), "Why?", Expects.CHOICE,
        List.of(new Option("a", "A")), "42", "why", "en");
  }

  /** The interaction of event {@code ev1}, registered as the listener does before handing it to the core. */
  private Turns.Turn turn(Turns.Origin origin) {
    return messenger.turns().begin("ev1", GUILD, MEMBER, origin, replies);
  }

  /** {@code m} as the core writes it in answer to event {@code ev1}. */
  private static OutboundMessage answering(OutboundMessage m, Handled.Outcome outcome) {
    return m.inReplyTo(new OutboundMessage.Reply("ev1", outcome));
  }

  private static OutboundMessage accepted(OutboundMessage m) {
    return answering(m, Handled.Outcome.ACCEPTED);
  }

  private static String content(ArgumentCaptor<MessageCreateData> captor) {
    return captor.getValue().getContent();
  }

  @Test
  @DisplayName("the outbox paces Discord at 20 messages a second at most, well under Discord's 50 requests a second")
  void pacedWellUnderDiscordsBound() {
    var pacing = messenger.pacing();

    assertTrue(java.time.Duration.ofSeconds(1).dividedBy(pacing.perPlatform()) <= 20, pacing.toString());
    // JDA waits out per-route limits itself, so members are not held apart beyond the global pace
    assertEquals(java.time.Duration.ZERO, pacing.perRecipient());
  }

  @Test
  @DisplayName("before the adapter is connected, send throws so the message stays in the outbox")
  void unbound() {
    // given a messenger not bound yet
    DiscordMessenger fresh = new DiscordMessenger();
    // when the core sends through it
    // then it throws (the outbox retries later)
    assertThrows(IllegalStateException.class, () -> fresh.send(question(1)));
  }

  @Test
  @DisplayName("a question with no interaction in flight (a reminder) goes to the member's DMs")
  void questionToDms() throws Exception {
    // when a question is sent
    messenger.send(question(11));
    // then it goes to the DMs, with its outbox id for Discord's nonce
    verify(ops).sendPrivate(eq(MEMBER), anyList(), eq(11L));
  }

  @Test
  @DisplayName("a command that opens a conversation: its messages go to DMs and the command's reply links there once")
  void commandOpensConversation() throws Exception {
    // given /trame stakes produced an introduction and a question
    OutboundMessage intro = accepted(plain(21, "Let's talk"));
    OutboundMessage why = accepted(question(22));
    turn(Turns.Origin.COMMAND);
    // when both are sent
    messenger.send(intro);
    messenger.send(why);
    // then both went to the DMs, and the deferred reply was replaced once by the link
    verify(ops).sendPrivate(eq(MEMBER), anyList(), eq(21L));
    verify(ops).sendPrivate(eq(MEMBER), anyList(), eq(22L));
    ArgumentCaptor<MessageCreateData> original = ArgumentCaptor.forClass(MessageCreateData.class);
    verify(replies, times(1)).replaceOriginal(original.capture());
    assertEquals("📩 https://discord.com/channels/@me/5/6", content(original));
    verify(replies, never()).followUp(any());
  }

  @Test
  @DisplayName("a command that asks nothing (help, lang): the reply goes to DMs too, linked from where it was typed")
  void commandReplyInDms() throws Exception {
    // given /trame help produced one plain message
    OutboundMessage help = accepted(plain(31, "Commands: …"));
    turn(Turns.Origin.COMMAND);
    // when sent
    messenger.send(help);
    // then it is in the DMs, and the deferred ephemeral reply links there
    verify(ops).sendPrivate(eq(MEMBER), anyList(), eq(31L));
    ArgumentCaptor<MessageCreateData> original = ArgumentCaptor.forClass(MessageCreateData.class);
    verify(replies).replaceOriginal(original.capture());
    assertTrue(content(original).startsWith("📩 "));
  }

  @Test
  @DisplayName("the core's refusal of a stale button is an ephemeral follow-up where the member clicked")
  void staleClick() throws Exception {
    // given a click the core refused as stale, re-asking the current question
    OutboundMessage refusal = answering(plain(41, CoreTexts.TEXTS.get(Msg.STALE_BUTTON, Lang.EN)), Handled.Outcome.STALE);
    OutboundMessage reask = answering(question(42), Handled.Outcome.STALE);
    turn(Turns.Origin.COMPONENT);
    // when both are sent
    messenger.send(refusal);
    messenger.send(reask);
    // then the refusal is ephemeral in place, and the question goes to the DMs
    ArgumentCaptor<MessageCreateData> followUp = ArgumentCaptor.forClass(MessageCreateData.class);
    verify(replies).followUp(followUp.capture());
    assertTrue(content(followUp).startsWith("That button belongs to an earlier question"));
    verify(ops, never()).sendPrivate(eq(MEMBER), anyList(), eq(41L));
    verify(ops).sendPrivate(eq(MEMBER), anyList(), eq(42L));
  }

  @Test
  @DisplayName("a refusal is shown where the member clicked from what the core decided, whatever its words, as soon as the outbox sends it")
  void refusalByOutcomeNotByText() throws Exception {
    // given a click registered by the listener, whose result from the core the adapter has not seen yet,
    // and the core's refusal in a collective's own words (its copy of the prompts)
    turn(Turns.Origin.COMPONENT);
    OutboundMessage over = answering(plain(43, "Cette conversation est close, merci !"), Handled.Outcome.OVER);
    OutboundMessage notYours = answering(plain(44, "Pas pour vous."), Handled.Outcome.NOT_YOURS);
    // when the outbox sends them
    messenger.send(over);
    messenger.send(notYours);
    // then both are ephemeral follow-ups of that click, matched by its event id, and nothing went to the DMs
    ArgumentCaptor<MessageCreateData> followUp = ArgumentCaptor.forClass(MessageCreateData.class);
    verify(replies, times(2)).followUp(followUp.capture());
    assertEquals(List.of("Cette conversation est close, merci !", "Pas pour vous."),
        followUp.getAllValues().stream().map(MessageCreateData::getContent).toList());
    verify(ops, never()).sendPrivate(eq(MEMBER), anyList(), anyLong());
  }

  @Test
  @DisplayName("a message that reads like a refusal but answers an accepted event, or answers another member's interaction, goes to the DMs")
  void acceptedGoesToDms() throws Exception {
    // given a click the core accepted, and another member's interaction
    turn(Turns.Origin.COMPONENT);
    messenger.turns().begin("ev2", GUILD, "1400000000000000009", Turns.Origin.COMPONENT, replies);
    OutboundMessage said = accepted(plain(45, CoreTexts.TEXTS.get(Msg.STALE_BUTTON, Lang.EN)));
    OutboundMessage notTheirs = plain(46, "Hello").inReplyTo(new OutboundMessage.Reply("ev2", Handled.Outcome.STALE));
    // when sent
    messenger.send(said);
    messenger.send(notTheirs);
    // then both are in the member's DMs, nothing ephemeral
    verify(ops).sendPrivate(eq(MEMBER), anyList(), eq(45L));
    verify(ops).sendPrivate(eq(MEMBER), anyList(), eq(46L));
    verify(replies, never()).followUp(any());
  }

  @Test
  @DisplayName("with DMs closed, a reply to an interaction is shown ephemerally in its place")
  void dmsClosedDuringInteraction() throws Exception {
    // given a member whose DMs are closed, answering a question
    when(ops.sendPrivate(eq(MEMBER), anyList(), eq(52L))).thenThrow(new DmsClosedException(null));
    OutboundMessage next = accepted(question(52));
    turn(Turns.Origin.COMPONENT);
    // when the next question is sent
    messenger.send(next);
    // then it comes as an ephemeral follow-up with its buttons, after a word on how to open DMs
    ArgumentCaptor<MessageCreateData> followUp = ArgumentCaptor.forClass(MessageCreateData.class);
    verify(replies, org.mockito.Mockito.times(2)).followUp(followUp.capture());
    assertTrue(followUp.getAllValues().get(0).getContent().startsWith("I can't send you direct messages"),
        followUp.getAllValues().get(0).getContent());
    assertEquals("Why?", content(followUp));
    assertEquals(1, followUp.getValue().getComponents().size());
  }

  @Test
  @DisplayName("when an interaction can no longer answer, the retried message goes to the DMs instead")
  void brokenInteraction() throws Exception {
    // given a refusal to show in place, and an interaction whose token no longer works
    OutboundMessage refusal = answering(plain(81, CoreTexts.TEXTS.get(Msg.STALE_BUTTON, Lang.EN)), Handled.Outcome.STALE);
    turn(Turns.Origin.COMPONENT);
    org.mockito.Mockito.doThrow(new IllegalStateException("Unknown Webhook")).when(replies).followUp(any());
    // when it is sent, it fails (the outbox keeps it)
    assertThrows(IllegalStateException.class, () -> messenger.send(refusal));
    // then the outbox's retry delivers it in the DMs
    messenger.send(refusal);
    verify(ops).sendPrivate(eq(MEMBER), anyList(), eq(81L));
  }

  @Test
  @DisplayName("a message delivered in DMs is not failed by the command's link to it failing")
  void linkFailureIsHarmless() throws Exception {
    // given a command whose deferred reply cannot be edited any more
    OutboundMessage help = accepted(plain(91, "Commands: …"));
    turn(Turns.Origin.COMMAND);
    org.mockito.Mockito.doThrow(new IllegalStateException("Unknown Webhook")).when(replies).replaceOriginal(any());
    // when the reply is sent
    messenger.send(help);
    // then it is in the DMs, once, and the send succeeded
    verify(ops, times(1)).sendPrivate(eq(MEMBER), anyList(), eq(91L));
  }

  @Test
  @DisplayName("with DMs closed and no interaction to answer, the outbox is told the message can never be delivered")
  void dmsClosedWithoutInteraction() throws Exception {
    // given a member whose DMs are closed, and a reminder for them
    when(ops.sendPrivate(eq(MEMBER), anyList(), eq(61L))).thenThrow(new DmsClosedException(null));
    // when it is sent, then send says it is undeliverable (the outbox gives it up and moves on)
    assertThrows(org.trame.core.port.UndeliverableException.class, () -> messenger.send(question(61)));
    // and nothing is shown anywhere else
    verify(replies, never()).followUp(any());
  }

  @Test
  @DisplayName("the collective's messages are posted to the channel the core named, in their guild; passing failures reach the outbox as failures, lasting ones as undeliverable")
  void channel() throws Exception {
    // given a message for the collective's channel, which the core resolved
    OutboundMessage post = new OutboundMessage(71, "discord", GUILD, Audience.channel(CHANNEL), "Round closed",
        Expects.NOTHING, List.of(), null, null, "en");
    // when sent
    messenger.send(post);
    // then it goes to that channel, checked against the message's guild
    verify(ops).sendToChannel(eq(GUILD), eq(CHANNEL), anyList(), eq(71L));
    // and when Discord cannot be reached, the failure reaches the outbox, which retries
    org.mockito.Mockito.doThrow(new IllegalStateException("timeout")).when(ops).sendToChannel(eq(GUILD), eq(CHANNEL), anyList(), eq(72L));
    assertThrows(IllegalStateException.class, () -> messenger.send(post.withId(72)));
    // but a channel the bot may not write in tells the outbox the post can never be delivered
    org.mockito.Mockito.doThrow(new org.trame.core.port.UndeliverableException("no channel", null)).when(ops)
        .sendToChannel(eq(GUILD), eq(CHANNEL), anyList(), eq(73L));
    assertThrows(org.trame.core.port.UndeliverableException.class, () -> messenger.send(post.withId(73)));
  }

  @Test
  @DisplayName("the configured channel is the guild's one from TRAME_DISCORD_CHANNEL, and none before Discord is connected")
  void configuredChannel() {
    // given a guild whose channel is configured
    when(ops.configuredChannel(GUILD)).thenReturn(java.util.Optional.of(CHANNEL));
    // then the core is told it, and nothing for another guild
    assertEquals(java.util.Optional.of(CHANNEL), messenger.configuredChannel(GUILD));
    assertEquals(java.util.Optional.empty(), messenger.configuredChannel("1200000000000000009"));
    assertEquals(java.util.Optional.empty(), new DiscordMessenger().configuredChannel(GUILD));
  }

  @Test
  @DisplayName("before a coordinator-only message leaves: Manage Server says yes, a member gone from the guild says no, Discord failing throws so the message waits")
  void coordinatorRole() throws Exception {
    // given a member with Manage Server
    net.dv8tion.jda.api.entities.Member manager = mock(net.dv8tion.jda.api.entities.Member.class);
    when(manager.hasPermission(net.dv8tion.jda.api.Permission.MANAGE_SERVER)).thenReturn(true);
    discordSays = java.util.concurrent.CompletableFuture.completedFuture(java.util.Optional.of(manager));
    assertTrue(messenger.hasCoordinatorRole(GUILD, MEMBER));
    // given a member who left the guild
    discordSays = java.util.concurrent.CompletableFuture.completedFuture(java.util.Optional.empty());
    org.junit.jupiter.api.Assertions.assertFalse(messenger.hasCoordinatorRole(GUILD, "1400000000000000008"));
    // given Discord failing
    discordSays = java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("Discord is unreachable"));
    IllegalStateException failed = assertThrows(IllegalStateException.class,
        () -> messenger.hasCoordinatorRole(GUILD, "1400000000000000009"));
    assertEquals("Discord is unreachable", failed.getMessage());
  }
}
