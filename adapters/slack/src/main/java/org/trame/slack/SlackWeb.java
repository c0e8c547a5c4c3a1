package org.trame.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trame.core.port.RetryAfterException;

/**
 * The Web API as the adapter uses it: one client pointed at {@code TRAME_SLACK_API_URL}, every
 * call named, rate limits waited out, and any failure turned into an exception naming the method,
 * so the outbox keeps the message and tries again.
 */
final class SlackWeb {

  private static final Logger log = LoggerFactory.getLogger(SlackWeb.class);
  private static final int MOST_RATE_LIMITED_TRIES = 3;
  private static final long LONGEST_RETRY_AFTER_MS = 60_000;

  /** A Web API call, as a lambda over the client. */
  interface Call<T extends SlackApiTextResponse> {
    T on(MethodsClient client) throws IOException, SlackApiException;
  }

  /** Slack refused or failed a call; the message says which method and why. */
  static final class SlackCallException extends Exception {
    private final String method;
    private final String error;

    SlackCallException(String method, String error, Throwable cause) {
      super(method + " failed: " + error, cause);
      this.method = method;
      this.error = error;
    }

    String method() {
      return method;
    }

    String error() {
      return error;
    }
  }

  private final Slack slack;
  private final MethodsClient client;
  private final Sleeper sleeper;

  /** Waits between rate-limited tries; tests may observe it. */
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  SlackWeb(SlackSettings settings) {
    this(settings, Thread::sleep);
  }

  SlackWeb(SlackSettings settings, Sleeper sleeper) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(settings.apiUrl());
    config.setPrettyResponseLoggingEnabled(false);
    // Unknown fields in newer Slack answers must not fail a send.
    config.setFailOnUnknownProperties(false);
    this.slack = Slack.getInstance(config);
    this.client = slack.methods(settings.botToken());
    this.sleeper = sleeper;
  }

  Slack slack() {
    return slack;
  }

  MethodsClient client() {
    return client;
  }

  /** Calls {@code method}, waiting out 429 answers (Retry-After), and returns only a response that is ok. */
  <T extends SlackApiTextResponse> T call(String method, Call<T> call) throws SlackCallException, InterruptedException {
    return call(method, call, MOST_RATE_LIMITED_TRIES);
  }

  /**
   * Calls {@code method} on the outbox's behalf (a post, or opening the channel it goes to): a 429
   * is not waited out here but thrown as {@link RetryAfterException}, so the outbox sender waits
   * it out for that recipient while other recipients' messages go.
   */
  <T extends SlackApiTextResponse> T callFromOutbox(String method, Call<T> call)
      throws SlackCallException, RetryAfterException, InterruptedException {
    try {
      return call(method, call, 1);
    } catch (SlackCallException e) {
      if (e.getCause() instanceof SlackApiException api && api.getResponse() != null && api.getResponse().code() == 429) {
        long wait = retryAfterMillis(api.getResponse().header("Retry-After"));
        log.info("Slack {} is rate limited; the outbox tries again in {} ms", method, wait);
        throw new RetryAfterException(Duration.ofMillis(wait), e);
      }
      throw e;
    }
  }

  /** Calls {@code method} once, for what may go without (profile hints) rather than wait on a rate limit. */
  <T extends SlackApiTextResponse> T callOnce(String method, Call<T> call) throws SlackCallException, InterruptedException {
    return call(method, call, 1);
  }

  private <T extends SlackApiTextResponse> T call(String method, Call<T> call, int tries)
      throws SlackCallException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        T response = call.on(client);
        if (response == null) {
          throw new SlackCallException(method, "no response", null);
        }
        if (!response.isOk()) {
          log.warn("Slack {} answered error '{}'", method, response.getError());
          throw new SlackCallException(method, String.valueOf(response.getError()), null);
        }
        return response;
      } catch (SlackApiException e) {
        int status = e.getResponse() == null ? 0 : e.getResponse().code();
        if (status == 429 && attempt < tries) {
          long wait = retryAfterMillis(e.getResponse() == null ? null : e.getResponse().header("Retry-After"));
          log.info("Slack {} is rate limited; retrying in {} ms", method, wait);
          sleeper.sleep(wait);
          continue;
        }
        String error = e.getError() != null && e.getError().getError() != null ? e.getError().getError() : "HTTP " + status;
        log.warn("Slack {} failed: {}", method, error);
        throw new SlackCallException(method, error, e);
      } catch (IOException e) {
        log.warn("Slack {} could not be reached: {}", method, e.toString());
        throw new SlackCallException(method, e.toString(), e);
      }
    }
  }

  private final java.net.http.HttpClient files = java.net.http.HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * Sends a file's bytes to the upload URL files.getUploadURLExternal gave (Slack takes raw bytes
   * or a multipart form; 200 means received). Failures are named like a method's.
   */
  void upload(String uploadUrl, byte[] bytes) throws SlackCallException, InterruptedException {
    try {
      var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(uploadUrl)).timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/octet-stream")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
      int status = files.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 200) {
        log.warn("Slack file upload answered HTTP {}", status);
        throw new SlackCallException("files upload", "HTTP " + status, null);
      }
    } catch (IOException | IllegalArgumentException e) {
      log.warn("Slack file upload could not be reached: {}", e.toString());
      throw new SlackCallException("files upload", e.toString(), e);
    }
  }

  /** Retry-After is in seconds; a missing or odd value waits one second, a huge one is capped. */
  static long retryAfterMillis(String header) {
    if (header == null) {
      return 1_000;
    }
    try {
      long seconds = Long.parseLong(header.trim());
      return Math.max(0, Math.min(LONGEST_RETRY_AFTER_MS, Duration.ofSeconds(seconds).toMillis()));
    } catch (NumberFormatException e) {
      return 1_000;
    }
  }
}
