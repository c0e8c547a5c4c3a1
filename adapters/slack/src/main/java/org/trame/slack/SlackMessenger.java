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
  private volatile Texts texts;
  /** Who coordinates a workspace, asked when a report could not carry its chart. */
  private volatile Coordinators coordinators = team -> java.util.List.of();
  /** Files uploaded for an outbox message and not yet shared: a retry shares them, never uploads again. */
  private final Map<Long, String> uploaded = new java.util.concurrent.ConcurrentHashMap<>();
  /** Per member, the last question posted in their DM: a typed answer shows it answered. */
  private final Map<String, Asked> asked = new java.util.concurrent.ConcurrentHashMap<>();
  /** Parts of a long outbox message already posted ("id/part"): a retry posts only the rest. */
  private final Set<String> postedParts = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** A coordinator of a workspace and the language they read. */
  record Coordinator(String memberId, String lang) {}

  /** The coordinators of a workspace (the core's list), for a word about a report that lost its chart. */
  @FunctionalInterface
  interface Coordinators {
    java.util.List<Coordinator> of(String team) throws Exception;
  }

  /**
   * Slack's documented limit of a file's {@code alt_txt} (files.getUploadURLExternal answers
   * {@code alt_txt_too_large} beyond 1,000 characters).
   */
  static final int ALT_TEXT_MAX = 1_000;
  /**
   * The longest text posted as a file's {@code initial_comment}, which Slack shows as one message:
   * the size of one section. A longer text goes first as messages of its own, then the file.
   */
  static final int COMMENT_MAX = 3_000;
  /** Slack takes at most 50 blocks in one message; a longer text is split across messages. */
  static final int BLOCKS_PER_MESSAGE = 50;

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
    deliver(m, channel -> postJoining(m, channel));
  }

  /**
   * Posts {@code m}'s text and widgets, whole: a text longer than one message's 50 blocks goes
   * as several messages (the widgets with the last), each posted once even when a later one fails.
   */
  private void post(OutboundMessage m, String channel) throws Exception {
    var blocks = renderer.render(m);
    if (blocks.size() <= BLOCKS_PER_MESSAGE) {
      postOne(m, channel, BlockRenderer.fallback(m.text()), blocks);
      return;
    }
    int parts = (blocks.size() + BLOCKS_PER_MESSAGE - 1) / BLOCKS_PER_MESSAGE;
    for (int part = 0; part < parts; part++) {
      var these = blocks.subList(part * BLOCKS_PER_MESSAGE, Math.min(blocks.size(), (part + 1) * BLOCKS_PER_MESSAGE));
      String key = m.id() + "/" + part;
      if (m.id() > 0 && postedParts.contains(key)) {
        continue;
      }
      postOne(m, channel, BlockRenderer.cutMrkdwn(BlockRenderer.textOf(these), BlockRenderer.FALLBACK_TEXT_MAX), these);
      if (m.id() > 0) {
        postedParts.add(key);
      }
    }
    for (int part = 0; part < parts; part++) {
      postedParts.remove(m.id() + "/" + part);
    }
  }

  private void postOne(OutboundMessage m, String channel, String text, java.util.List<com.slack.api.model.block.LayoutBlock> blocks)
      throws Exception {
    try {
      var posted = web.callFromOutbox("chat.postMessage", c -> c.chatPostMessage(r -> r.channel(channel).text(text).blocks(blocks)));
      if (m.audience().isPrivate() && m.conversationRef() != null && m.stepRef() != null
          && m.expects() != OutboundMessage.Expects.NOTHING && posted.getTs() != null) {
        asked.put(m.audience().id(), new Asked(channel, posted.getTs(), text, m.lang(), m.conversationRef(), m.stepRef()));
      }
    } catch (SlackWeb.SlackCallException e) {
      if (!BLOCKS_REFUSED.contains(e.error())) {
        throw e;
      }
      // The member still gets the words, to answer by typing, rather than nothing at all.
      log.warn("Slack refused the blocks of outbox message {} ({}); sending its text alone", m.id(), e.error());
      web.callFromOutbox("chat.postMessage", c -> c.chatPostMessage(r -> r.channel(channel).text(text)));
    }
  }

  /**
   * Joins public channel {@code channel} (conversations.join, scope {@code channels:join});
   * null once in, else Slack's error ({@code missing_scope} without the scope,
   * {@code method_not_supported_for_channel_type} for a private channel, which only an invitation opens).
   */
  private String join(String channel) throws InterruptedException, org.trame.core.port.RetryAfterException {
    try {
      web.callFromOutbox("conversations.join", c -> c.conversationsJoin(r -> r.channel(channel)));
      log.info("Slack: the bot joined channel {} to post there", channel);
      return null;
    } catch (SlackWeb.SlackCallException e) {
      return e.error();
    }
  }

  /**
   * Posts a file (a report's chart, a data export) where {@code m} would go, through Slack's
   * external upload: files.getUploadURLExternal (with the picture's description as {@code alt_txt}),
   * the bytes, then files.completeUploadExternal sharing it with {@code m}'s text as its comment.
   * A text too long for one comment is posted whole as messages first, the file after it. A file
   * is uploaded once: a retry shares the one already uploaded. Into a channel the bot is not in,
   * it joins (public channels, with {@code channels:join}); where it cannot, the text is posted
   * without the file and the coordinators are told why.
   */
  public void sendImage(OutboundMessage m, String fileName, byte[] png) throws Exception {
    deliver(m, channel -> share(m, channel, fileName, png));
  }

  private void share(OutboundMessage m, String channel, String fileName, byte[] bytes) throws Exception {
    String comment = BlockRenderer.mrkdwn(m.text());
    boolean apart = comment.length() > COMMENT_MAX;
    if (apart && !(m.id() > 0 && postedParts.contains(m.id() + "/text"))) {
      // Whole, before its chart: the message path splits it where Slack's limits require.
      postJoining(textOnly(m), channel);
      if (m.id() > 0) {
        postedParts.add(m.id() + "/text");
      }
    }
    String fileId = uploaded.get(m.id());
    if (fileId == null || m.id() <= 0) {
      fileId = upload(fileName, bytes, m.image() == null ? null : m.image().description());
      if (m.id() > 0) {
        uploaded.put(m.id(), fileId);
      }
    }
    String file = fileId;
    String initial = apart || comment.isBlank() ? null : comment;
    try {
      complete(channel, file, fileName, initial);
    } catch (SlackWeb.SlackCallException e) {
      if (!"not_in_channel".equals(e.error()) || m.audience().isPrivate()) {
        throw e;
      }
      String refused = join(channel);
      if (refused == null) {
        complete(channel, file, fileName, initial);
      } else {
        log.warn("Slack files.completeUploadExternal answered not_in_channel for channel {} and conversations.join answered {}: "
            + "outbox message {} goes without its chart", channel, refused, m.id());
        uploaded.remove(m.id());
        boolean posted = apart;
        try {
          if (!apart) {
            postJoining(textOnly(m), channel);
          }
          posted = true;
        } finally {
          tellCoordinators(m.collective(), channel, refused, posted);
        }
      }
    }
    uploaded.remove(m.id());
    postedParts.remove(m.id() + "/text");
  }

  private static OutboundMessage textOnly(OutboundMessage m) {
    return new OutboundMessage(m.id(), m.platform(), m.collective(), m.audience(), m.text(), null, null, null, null, m.lang(),
        null, m.inReplyTo());
  }

  /** {@code m} posted to a channel already resolved, joining it once if the bot is not in it (public channels). */
  private void postJoining(OutboundMessage m, String channel) throws Exception {
    try {
      post(m, channel);
    } catch (SlackWeb.SlackCallException e) {
      if (!"not_in_channel".equals(e.error()) || m.audience().isPrivate()) {
        throw e;
      }
      String refused = join(channel);
      if (refused != null) {
        log.error("Slack chat.postMessage answered not_in_channel for channel {} and conversations.join answered {}: "
            + "outbox message {} cannot be posted there; invite the bot to the channel", channel, refused, m.id());
        throw e;
      }
      post(m, channel);
    }
  }

  private String upload(String fileName, byte[] bytes, String description) throws Exception {
    String alt = description == null || description.isBlank() ? null : BlockRenderer.cut(description, ALT_TEXT_MAX);
    var url = web.callFromOutbox("files.getUploadURLExternal", c -> c.filesGetUploadURLExternal(r -> r.filename(fileName)
        .length(bytes.length).altTxt(alt)));
    web.upload(url.getUploadUrl(), bytes);
    return url.getFileId();
  }

  private void complete(String channel, String fileId, String title, String initialComment) throws Exception {
    web.callFromOutbox("files.completeUploadExternal", c -> c.filesCompleteUploadExternal(r -> r.channelId(channel)
        .initialComment(initialComment)
        .files(java.util.List.of(com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails.builder()
            .id(fileId).title(title).build()))));
  }

  /**
   * Tells each coordinator, in their DM and language, that a report went to {@code channel}
   * without its chart (or not at all) and why; a failure here is logged and holds nothing back.
   */
  private void tellCoordinators(String team, String channel, String reason, boolean posted) {
    java.util.List<Coordinator> who;
    try {
      who = coordinators.of(team);
    } catch (Exception e) {
      log.warn("the coordinators of {} could not be read to tell them about channel {}: {}", team, channel, e.toString());
      return;
    }
    for (Coordinator c : who) {
      try {
        String words = texts.get(org.trame.core.i18n.Msg.CHART_LEFT_OUT, BlockRenderer.langOf(c.lang()), "channel", CHANNEL_MARK,
            "reason", reason, "posted", posted ? "yes" : "no");
        String text = BlockRenderer.mrkdwn(words).replace(CHANNEL_MARK, "<#" + channel + ">");
        String dm = channels.directMessage(c.memberId());
        web.call("chat.postMessage", x -> x.chatPostMessage(r -> r.channel(dm).text(text)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        log.warn("coordinator {} could not be told about channel {}: {}", c.memberId(), channel, e.toString());
      }
    }
  }

  /** Stands for the channel in a core text until it is escaped, then becomes Slack's channel link. */
  private static final String CHANNEL_MARK = "\uE002";

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

  /** A question posted in a member's DM, waiting for its answer: where it is and what it asked. */
  record Asked(String channel, String ts, String text, String lang, String conversationRef, String stepRef) {}

  /** The last question posted in {@code memberId}'s DM, or null. */
  Asked lastAsked(String memberId) {
    return asked.get(memberId);
  }

  /** Forgets {@code question} once shown answered (not a later one). */
  void answered(String memberId, String channel, String ts) {
    asked.computeIfPresent(memberId, (k, q) -> q.channel().equals(channel) && q.ts().equals(ts) ? null : q);
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
    this.texts = texts;
    this.renderer = new BlockRenderer(texts);
    ready.countDown();
  }

  /** Where the coordinators of a workspace are read (the core's members), for what only they must hear. */
  void coordinators(Coordinators lookup) {
    this.coordinators = lookup;
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

  Texts texts() {
    return texts;
  }

  BlockRenderer renderer() {
    return renderer;
  }
}
