package org.trame.discord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Msg;
import org.trame.core.i18n.Texts;
import org.trame.core.port.Messenger;
import org.trame.core.port.OutboundMessage;
import org.trame.core.port.Pacing;

/**
 * The core's outbound port on Discord. Created before the core starts (the core needs its
 * messengers), it sends nothing until {@link DiscordAdapter#start} binds it to the running shards;
 * until then, and whenever a send fails in a way a retry may mend (Discord unreachable, a server
 * error), {@link #send} throws and the message stays in the outbox to be tried again.
 *
 * <p>A message Discord refuses for good (closed DMs outside an interaction, no channel the bot
 * may write in) throws {@link org.trame.core.port.UndeliverableException}: the outbox gives it up
 * rather than hold back that recipient's later messages for ever.
 *
 * <p>Where a member's message goes: to the member's DMs, which keep the conversation's history,
 * the ephemeral reply of the command that produced it then linking there; the refusal of a stale
 * or foreign button ephemerally where the member clicked (the message names its event and what the
 * core made of it, so this is decided at once, without waiting for the adapter's side of the turn); when the member's DMs are closed,
 * ephemerally where they acted, with the hint to open them. The collective's messages go to the
 * channel the core names in them, when it is a channel of the message's guild where the bot may post.
 */
public final class DiscordMessenger implements Messenger {

  public static final String PLATFORM = "discord";
  private static final Logger log = LoggerFactory.getLogger(DiscordMessenger.class);

  /**
   * How long {@link #hasCoordinatorRole} waits for Discord before saying it cannot tell: short, since
   * the one outbox thread waits for it, and a timeout only means "try this message again later".
   */
  private static final Duration ROLE_WAIT = Duration.ofSeconds(3);

  private final Turns turns = new Turns(System::currentTimeMillis);
  private final java.time.Clock clock;
  private volatile Bound bound;

  private record Bound(DiscordOps ops, MessageRenderer renderer, Texts texts, MemberFacts facts) {}

  public DiscordMessenger() {
    this(java.time.Clock.systemUTC());
  }

  /** @param clock for how long what Discord said of a member's roles is kept (tests move it on) */
  public DiscordMessenger(java.time.Clock clock) {
    this.clock = clock;
  }

  java.time.Clock clock() {
    return clock;
  }

  /**
   * Discord allows 50 requests a second per bot. JDA already waits out Discord's rate limits (its
   * blocking calls queue behind them, so no 429 reaches the outbox); this pace keeps a burst (a
   * check-in to a whole guild) well under that bound, leaving room for the DM channel a message may
   * first open and for a long message's second part.
   */
  static final Pacing PACING = new Pacing(Duration.ZERO, Pacing.perSecond(20));

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public Pacing pacing() {
    return PACING;
  }

  /** Binds the messenger to Discord; called by the adapter once the shards are built. */
  void bind(DiscordOps ops, Texts texts, MemberFacts facts) {
    bound = new Bound(ops, new MessageRenderer(texts), texts, facts);
  }

  /** Stops sending: later messages wait in the outbox for the next start. */
  void unbind() {
    bound = null;
  }

  Turns turns() {
    return turns;
  }

  /**
   * Whether the member holds the coordinator role of the guild (or Manage Server when none is
   * configured) as Discord says now, or said less than a minute ago. A member who left the guild,
   * or a guild the bot is not in, does not coordinate; when Discord cannot tell (unreachable, a
   * server error, the guild on another process's shard) this throws and the message waits.
   */
  @Override
  public boolean hasCoordinatorRole(String collective, String memberId) throws Exception {
    try {
      return bound().facts().current(collective, memberId).get(ROLE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** The guild's channel listed in {@code TRAME_DISCORD_CHANNEL}, known from JDA's cache; empty before the start. */
  @Override
  public Optional<String> configuredChannel(String collective) {
    Bound b = bound;
    return b == null ? Optional.empty() : b.ops().configuredChannel(collective);
  }

  @Override
  public void send(OutboundMessage m) throws Exception {
    if (m.image() != null) {
      sendImage(m, m.image().fileName(), m.image().bytes());
      return;
    }
    Bound b = bound();
    deliver(b, m, b.renderer().render(m));
  }

  private void deliver(Bound b, OutboundMessage m, List<MessageCreateData> parts) throws Exception {
    route(b, m, parts);
  }

  /**
   * Sends {@code m} with a picture (a report's PNG chart) attached to its first part, where
   * {@code m} would go.
   */
  public void sendImage(OutboundMessage m, String fileName, byte[] png) throws Exception {
    Bound b = bound();
    List<MessageCreateData> parts = new ArrayList<>(b.renderer().render(m));
    parts.set(0, MessageCreateBuilder.from(parts.get(0)).addFiles(FileUpload.fromData(png, fileName)).build());
    deliver(b, m, parts);
  }

  private Bound bound() {
    Bound b = bound;
    if (b == null) {
      throw new IllegalStateException("Discord is not connected yet");
    }
    return b;
  }

  private void route(Bound b, OutboundMessage m, List<MessageCreateData> parts) throws Exception {
    if (!m.audience().isPrivate()) {
      // The channel the core named, in the message's own guild: never another one.
      b.ops().sendToChannel(m.collective(), m.audience().id(), parts, m.id());
      return;
    }
    Turns.Turn turn = turns.ownerOf(m);
    if (turn != null && inPlace(m)) {
      turn.showInPlace(parts);
      return;
    }
    try {
      String link = b.ops().sendPrivate(m.audience().id(), parts, m.id());
      if (turn != null && link != null) {
        Exception failed = turn.pointTo(List.of(plain("📩 " + link)));
        if (failed != null) {
          log.warn("message {} is in the DMs but the command's reply could not link there: {}", m.id(), failed.toString());
        }
      }
    } catch (DmsClosedException closed) {
      if (turn == null) {
        throw closed; // no interaction to answer in place
      }
      log.info("{}; answering in place instead", closed.getMessage());
      List<MessageCreateData> shown = new ArrayList<>();
      if (turn.firstDmsClosed()) {
        dmsClosedHint(b.texts(), MessageRenderer.lang(m.lang())).ifPresent(hint -> shown.add(plain(hint)));
      }
      shown.addAll(parts);
      turn.showInPlace(shown);
    }
  }

  /**
   * True when the message answers the interaction where it happened rather than in DMs: the core's
   * word that the component was stale, someone else's or of a finished conversation (not the
   * current question it may ask again, which belongs in the DMs with the conversation).
   */
  private static boolean inPlace(OutboundMessage m) {
    return m.inReplyTo().outcome().refusedInPlace() && m.stepRef() == null;
  }

  /** How to open DMs, in the member's language. */
  static Optional<String> dmsClosedHint(Texts texts, Lang lang) {
    return Optional.of(texts.get(Msg.DMS_CLOSED, lang));
  }

  static MessageCreateData plain(String text) {
    return new MessageCreateBuilder().setContent(text).setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).build();
  }
}
