package org.trame.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trame.core.Trame;
import org.trame.core.i18n.Texts;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;
import org.trame.core.i18n.Msg;

/**
 * Slack, running: the real Bolt app with Trame's listeners, served over HTTP at
 * {@code /slack/events} on {@code TRAME_SLACK_PORT}, or over Socket Mode when
 * {@code SLACK_APP_TOKEN} is set. Close it to stop receiving.
 */
public final class SlackAdapter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);
  private static final int WORKER_THREADS = 4;
  /**
   * How long Slack is kept waiting for the core's commit before it is acknowledged anyway: a group
   * commit takes milliseconds, and Slack retries what is not answered within 3 seconds.
   */
  static final Duration ACK_WAIT = Duration.ofSeconds(2);

  private final App app;
  private final Dispatcher dispatcher;
  private final HttpEndpoint http;
  private final SocketModeApp socket;

  private SlackAdapter(App app, Dispatcher dispatcher, HttpEndpoint http, SocketModeApp socket) {
    this.app = app;
    this.dispatcher = dispatcher;
    this.http = http;
    this.socket = socket;
  }

  /** Starts receiving from Slack for {@code trame}, sending through {@code messenger} (the one given to the core). */
  public static SlackAdapter start(SlackMessenger messenger, Trame trame) throws Exception {
    messenger.coordinators(team -> trame.coordinators(SlackMessenger.PLATFORM + ":" + team).stream()
        .map(r -> new SlackMessenger.Coordinator(r.memberId(), r.lang())).toList());
    return start(messenger, trame.texts(), trame::handle, (team, user, lang) -> trame.summary(SlackMessenger.PLATFORM, team, user, lang));
  }

  static SlackAdapter start(SlackMessenger messenger, Texts texts, Function<InboundEvent, CompletableFuture<Handled>> core)
      throws Exception {
    return start(messenger, texts, core,
        (team, user, lang) -> CompletableFuture.completedFuture(texts.get(Msg.HELP_COMMANDS, lang)));
  }

  /** The member's own page from the core: what App Home shows. */
  @FunctionalInterface
  interface HomePage {
    CompletableFuture<String> of(String team, String user, org.trame.core.i18n.Lang fallback);
  }

  static SlackAdapter start(SlackMessenger messenger, Texts texts, Function<InboundEvent, CompletableFuture<Handled>> core,
      HomePage home) throws Exception {
    return start(messenger, texts, core, home, ACK_WAIT);
  }

  /** As above, acknowledging a delivery at most {@code ackWait} after it arrived if the core has not committed it yet. */
  static SlackAdapter start(SlackMessenger messenger, Texts texts, Function<InboundEvent, CompletableFuture<Handled>> core,
      HomePage home, Duration ackWait) throws Exception {
    SlackSettings settings = messenger.settings();
    messenger.bind(texts);
    Members members = new Members(messenger.web(), Clock.systemUTC());
    Dispatcher dispatcher = new Dispatcher(core, members, WORKER_THREADS);
    AppConfig.AppConfigBuilder config = AppConfig.builder()
        .slack(messenger.web().slack())
        .singleTeamBotToken(settings.botToken())
        // Events nobody listens to (edits, other bots' messages…) are acknowledged, so Slack does not retry them.
        .allEventsApiAutoAckEnabled(true)
        .authTestCacheEnabled(true)
        .authTestCacheExpirationMillis(Duration.ofMinutes(30).toMillis());
    if (settings.signingSecret() != null) {
      config.signingSecret(settings.signingSecret());
    }
    App app = new App(config.build());
    new BoltHandlers(dispatcher, messenger, members, home, ackWait).register(app);
    try {
      if (settings.socketMode()) {
        SocketModeApp socket = new SocketModeApp(settings.appToken(), SocketModeClient.Backend.JavaWebSocket, app);
        socket.startAsync();
        log.info("Slack connected in Socket Mode");
        return new SlackAdapter(app, dispatcher, null, socket);
      }
      app.start();
      HttpEndpoint http = new HttpEndpoint(app, settings.port());
      log.info("Slack listening on port {} at {}", http.port(), HttpEndpoint.PATH);
      return new SlackAdapter(app, dispatcher, http, null);
    } catch (Exception e) {
      dispatcher.close();
      throw e;
    }
  }

  /** The HTTP port (HTTP mode), useful when {@code TRAME_SLACK_PORT} is 0; -1 in Socket Mode. */
  public int port() {
    return http == null ? -1 : http.port();
  }

  /** Whether Slack can reach this process now (readiness): the socket connected, or the HTTP endpoint serving. */
  public boolean connected() {
    if (socket != null) {
      return !socket.isClientStopped() && socket.getClient() != null && socket.getClient().verifyConnection();
    }
    return http != null;
  }

  /** Waits until every accepted Slack delivery has reached the core and its follow-ups are done. */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    return dispatcher.awaitIdle(timeout);
  }

  @Override
  public void close() throws Exception {
    try {
      if (socket != null) {
        socket.close();
      }
      if (http != null) {
        http.close();
      }
      app.stop();
    } finally {
      dispatcher.close();
    }
  }
}
