package org.trame.slack;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trame.core.i18n.Texts;
import org.trame.core.port.Messenger;
import org.trame.core.port.OutboundMessage;
import org.trame.core.port.Pacing;
import org.trame.core.port.UndeliverableException;

/**
 * The core's outbound port on Slack: a member's messages in their DM with the bot, the
 * collective's in its channel (see {@link Channels}), questions with Block Kit widgets. A failed
 * call throws, so the outbox keeps the message and sends it again later (a 429 as a retry-after,
 * waited out exactly); Slack's errors that mean "never" (see {@link #UNDELIVERABLE}) are thrown as
 * {@link UndeliverableException}, and the outbox gives the message up rather than hold back the
 * recipient's later messages for ever.
 *
 * <p>Create it before {@code Trame.start} (the core needs its messengers) and hand it to
 * {@link SlackAdapter#start}, which gives it the core's texts for the button words.
 */
public final class SlackMessenger implements Messenger {

  public static final String PLATFORM = "slack";

  private static final Logger log = LoggerFactory.getLogger(SlackMessenger.class);
  private static final long READY_WAIT_SECONDS = 10;
  private static final int REMEMBERED_SENDS = 10_000;
  /**
   * Slack errors that no retry can cure (chat.postMessage's and conversations.open's lists): the
   * recipient or the channel is gone or out of reach, or the workspace deleted ({@code account_inactive}).
   */
  static final Set<String> UNDELIVERABLE = Set.of("user_not_found", "users_not_found", "user_disabled", "cannot_dm_bot",
      "account_inactive",
      "channel_not_found", "is_archived", "not_in_channel", "restricted_action", "restricted_action_read_only_channel",
      "restricted_action_thread_only_channel", "restricted_action_non_threadable_channel");
  /** Slack errors about the blocks themselves: the text alone can still go. */
  static final Set<String> BLOCKS_REFUSED = Set.of("invalid_blocks", "invalid_blocks_format", "msg_blocks_too_long");

  private final SlackSettings settings;
  private final SlackWeb web;
  private final Channels channels;
  /** Workspace admins and owners, as users.info says now (a short cache): who still coordinates. */
  private final Members roles;
  private final CountDownLatch ready = new CountDownLatch(1);
  private final Set<Long> sent = Collections.newSetFromMap(new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
      return size() > REMEMBERED_SENDS;
    }
  });
  private volatile BlockRenderer renderer;

  public SlackMessenger(SlackSettings settings) {
    this(settings, new SlackWeb(settings));
  }

  SlackMessenger(SlackSettings settings, SlackWeb web) {
    this(settings, web, java.time.Clock.systemUTC());
  }

  /** @param clock the time the role cache ages on (tests move it past the minute) */
  SlackMessenger(SlackSettings settings, java.time.Clock clock) {
    this(settings, new SlackWeb(settings), clock);
  }

  private SlackMessenger(SlackSettings settings, SlackWeb web, java.time.Clock clock) {
    this.settings = settings;
    this.web = web;
    this.channels = new Channels(web);
    this.roles = new Members(web, clock);
  }

  /**
   * Slack posts about one message a second per channel (a DM is a channel too), and several hundred
   * a minute on a workspace; its 429s come back as retry-afters (see {@link SlackWeb#callFromOutbox}).
   */
  static final Pacing PACING = new Pacing(Duration.ofSeconds(1), Pacing.perSecond(5), 3);

  @Override
  public String platform() {
    return PLATFORM;
  }

  /** A workspace admin or owner, as Slack says within the last minute; throws when Slack cannot be asked. */
  @Override
  public boolean hasCoordinatorRole(String collective, String memberId) throws Exception {
    return roles.coordinatorNow(memberId);
  }

  /** {@code TRAME_SLACK_CHANNEL}, for every workspace this process serves. */
  @Override
  public java.util.Optional<String> configuredChannel(String collective) {
    return java.util.Optional.ofNullable(settings.channel());
  }

  @Override
  public Pacing pacing() {
    return PACING;
  }

  @Override
  public void send(OutboundMessage m) throws Exception {
    if (m.image() != null) {
      sendImage(m, m.image().fileName(), m.image().bytes());
      return;
    }
    deliver(m, channel -> {
      var blocks = renderer.render(m);
      try {
        web.callFromOutbox("chat.postMessage", c -> c.chatPostMessage(r -> r.channel(channel).text(BlockRenderer.fallback(m.text()))
            .blocks(blocks)));
      } catch (SlackWeb.SlackCallException e) {
        if (!BLOCKS_REFUSED.contains(e.error())) {
          throw e;
        }
        // The member still gets the words, to answer by typing, rather than nothing at all.
        log.warn("Slack refused the blocks of outbox message {} ({}); sending its text alone", m.id(), e.error());
        web.callFromOutbox("chat.postMessage", c -> c.chatPostMessage(r -> r.channel(channel).text(BlockRenderer.fallback(m.text()))));
      }
    });
  }

  /**
   * Posts a picture (a check-in chart) where {@code m} would go, with {@code m}'s text as its
   * comment (mrkdwn, escaped like a message's text), through Slack's external upload (files.getUploadURLExternal, the upload, then
   * files.completeUploadExternal).
   */
  public void sendImage(OutboundMessage m, String fileName, byte[] png) throws Exception {
    deliver(m, channel -> web.callFromOutbox("files.uploadV2", c -> c.filesUploadV2(r -> r.channel(channel).filename(fileName)
        .fileData(png).title(fileName).initialComment(BlockRenderer.cutMrkdwn(BlockRenderer.mrkdwn(m.text()), 3_000))
        .requestFileInfo(false))));
  }

  private interface Delivery {
    void to(String channel) throws Exception;
  }

  /**
   * Where and whether to deliver: once per outbox id, to the member's DM or the collective's
   * channel. A failure that retrying cannot cure (the member left, the channel is archived) is
   * thrown as {@link UndeliverableException} with Slack's error code: the outbox gives it up.
   */
  private void deliver(OutboundMessage m, Delivery delivery) throws Exception {
    // Messages left over from a previous run may come before the adapter is started.
    if (!ready.await(READY_WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the Slack adapter is not started yet");
    }
    if (m.id() > 0 && alreadySent(m.id())) {
      return;
    }
    try {
      // A channel message names the channel the core resolved for the collective.
      String channel = m.audience().isPrivate() ? channels.directMessage(m.audience().id()) : channelOf(m);
      delivery.to(channel);
    } catch (SlackWeb.SlackCallException e) {
      if (!UNDELIVERABLE.contains(e.error())) {
        throw e;
      }
      throw new UndeliverableException(e.error(), e);
    }
    if (m.id() > 0) {
      synchronized (sent) {
        sent.add(m.id());
      }
    }
  }

  /**
   * The channel a collective message names. One written before the core named channels names the
   * workspace instead: it goes to the configured channel, or nowhere (never to a guessed one).
   */
  private String channelOf(OutboundMessage m) throws UndeliverableException {
    String named = m.audience().id();
    if (!named.equals(m.collective())) {
      return named;
    }
    if (settings.channel() == null) {
      throw new UndeliverableException("no channel for the collective: set TRAME_SLACK_CHANNEL or type /trame channel here", null);
    }
    return settings.channel();
  }

  private boolean alreadySent(long id) {
    synchronized (sent) {
      return sent.contains(id);
    }
  }

  /** Called by the adapter once the core is started. */
  void bind(Texts texts) {
    this.renderer = new BlockRenderer(texts);
    ready.countDown();
  }

  SlackSettings settings() {
    return settings;
  }

  SlackWeb web() {
    return web;
  }

  Channels channels() {
    return channels;
  }

  BlockRenderer renderer() {
    return renderer;
  }
}
