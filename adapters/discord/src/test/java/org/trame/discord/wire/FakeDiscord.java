package org.trame.discord.wire;

import static org.trame.discord.wire.Payloads.APP_ID;
import static org.trame.discord.wire.Payloads.DM_CHANNEL_ID;
import static org.trame.discord.wire.Payloads.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for Discord on loopback: the REST endpoints a bot uses (API v10 paths) and a
 * gateway ({@link FakeGateway}). It records every request so tests can assert on what JDA sent.
 * When {@link #closeDms()} is called it refuses DMs the way Discord does (403, code 50007).
 *
 * <p>Published in this module's test-jar, so that a test elsewhere (the application's, starting
 * several adapters in one JVM) can run the Discord adapter against it with {@link #environment()}.
 */
public final class FakeDiscord implements AutoCloseable {

  /**
   * One REST call as the fake received it.
   *
   * @param files the uploaded files of a multipart request, as {@code name:size in bytes}
   */
  public record Call(String method, String path, JsonNode body, List<String> files) {
    @Override
    public String toString() {
      return method + " " + path + " " + body + (files.isEmpty() ? "" : " files " + files);
    }
  }

  private static final Pattern CALLBACK = Pattern.compile("/api/v10/interactions/(\\d+)/([^/]+)/callback");
  private static final Pattern WEBHOOK = Pattern.compile("/api/v10/webhooks/" + APP_ID + "/([^/?]+)(/messages/@original)?");
  private static final Pattern GUILD_MEMBER = Pattern.compile("/api/v10/guilds/(\\d+)/members/(\\d+)");
  private static final Pattern CHANNEL_MESSAGES = Pattern.compile("/api/v10/channels/(\\d+)/messages");

  private final HttpServer rest;
  private final ExecutorService restThreads = Executors.newFixedThreadPool(2);
  private final FakeGateway gateway;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<String> unknown = new CopyOnWriteArrayList<>();
  private volatile boolean dmsClosed;
  /** The guild's members by user id, with the ids of the roles each holds (the bot aside). */
  private final Map<String, List<String>> members = new java.util.concurrent.ConcurrentHashMap<>(
      Map.of(Payloads.MEMBER_ID, List.of()));
  private final java.util.concurrent.atomic.AtomicInteger refusedPosts = new java.util.concurrent.atomic.AtomicInteger();

  public FakeDiscord() throws Exception {
    gateway = FakeGateway.launch();
    rest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    rest.createContext("/", this::serve);
    rest.setExecutor(restThreads);
    rest.start();
  }

  public String apiUrl() {
    return "http://127.0.0.1:" + rest.getAddress().getPort() + "/api/v10/";
  }

  /** The environment that points the adapter at this fake. */
  public Map<String, String> environment() {
    return Map.of("DISCORD_TOKEN", "fake-token", "TRAME_DISCORD_API_URL", apiUrl(),
        "TRAME_DISCORD_GATEWAY_URL", gateway.url());
  }

  public FakeGateway gateway() {
    return gateway;
  }

  public void closeDms() {
    dmsClosed = true;
  }

  /** Sets the roles a member of the guild holds (adding them to the guild if needed). */
  public void memberRoles(String userId, String... roleIds) {
    members.put(userId, List.of(roleIds));
  }

  /** The member leaves the guild: Discord then answers Unknown Member (404, code 10007) about them. */
  public void memberLeaves(String userId) {
    members.remove(userId);
  }

  /** Refuses the next {@code n} channel posts as Discord does without the permission (403, code 50013). */
  public void refuseChannelPosts(int n) {
    refusedPosts.set(n);
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Requests no route answered: a test fails if JDA needed something the fake does not know. */
  public List<String> unknown() {
    return List.copyOf(unknown);
  }

  /** Waits for the {@code n}-th (from 1) call matching, counting from the start. */
  public Call await(Predicate<Call> matching, int n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<Call> found = new ArrayList<>();
      for (Call c : calls) {
        if (matching.test(c)) {
          found.add(c);
        }
      }
      if (found.size() >= n) {
        return found.get(n - 1);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no call #" + n + " matching within " + timeout + "; calls so far:\n" + String.join("\n",
        calls.stream().map(Call::toString).toList()) + "\nunknown: " + unknown);
  }

  public long count(Predicate<Call> matching) {
    return calls.stream().filter(matching).count();
  }

  private void serve(HttpExchange x) throws IOException {
    try (x) {
      String method = x.getRequestMethod();
      String path = x.getRequestURI().getPath();
      List<String> files = new ArrayList<>();
      JsonNode body = body(x, files);
      calls.add(new Call(method, path, body, List.copyOf(files)));
      Matcher m;
      if (method.equals("GET") && path.equals("/api/v10/users/@me")) {
        json(x, 200, Payloads.botUser());
      } else if (method.equals("GET") && path.equals("/api/v10/gateway/bot")) {
        ObjectNode g = Payloads.object().put("url", gateway.url()).put("shards", 1);
        g.putObject("session_start_limit").put("total", 1000).put("remaining", 999).put("reset_after", 0)
            .put("max_concurrency", 1);
        json(x, 200, g);
      } else if (method.equals("PUT") && path.equals("/api/v10/applications/" + APP_ID + "/commands")) {
        ArrayNode registered = JSON.createArrayNode();
        for (JsonNode command : body) {
          ObjectNode c = ((ObjectNode) command.deepCopy()).put("id", Payloads.COMMAND_ID).put("application_id", APP_ID)
              .put("version", Payloads.snowflake()).put("type", command.path("type").asInt(1));
          registered.add(c);
        }
        json(x, 200, registered);
      } else if (method.equals("POST") && CALLBACK.matcher(path).matches()) {
        empty(x, 204);
      } else if ((m = WEBHOOK.matcher(path)).matches()) {
        if (method.equals("DELETE")) {
          empty(x, 204);
        } else {
          json(x, 200, Payloads.message(DM_CHANNEL_ID, body, true));
        }
      } else if (method.equals("GET") && (m = GUILD_MEMBER.matcher(path)).matches()) {
        List<String> roles = members.get(m.group(2));
        if (!m.group(1).equals(Payloads.GUILD_ID)) {
          json(x, 404, Payloads.object().put("message", "Unknown Guild").put("code", 10004));
        } else if (roles == null) {
          json(x, 404, Payloads.object().put("message", "Unknown Member").put("code", 10007));
        } else {
          json(x, 200, Payloads.guildMember(m.group(2).equals(Payloads.MEMBER_ID) ? Payloads.member()
              : Payloads.user(m.group(2), "member"), roles));
        }
      } else if (method.equals("POST") && path.equals("/api/v10/users/@me/channels")) {
        json(x, 200, Payloads.dmChannel());
      } else if (method.equals("POST") && (m = CHANNEL_MESSAGES.matcher(path)).matches()) {
        if (dmsClosed && m.group(1).equals(DM_CHANNEL_ID)) {
          json(x, 403, Payloads.object().put("message", "Cannot send messages to this user").put("code", 50007));
        } else if (!m.group(1).equals(DM_CHANNEL_ID) && refusedPosts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          json(x, 403, Payloads.object().put("message", "Missing Permissions").put("code", 50013));
        } else {
          json(x, 200, Payloads.message(m.group(1), body, false));
        }
      } else {
        unknown.add(method + " " + path);
        json(x, 404, Payloads.object().put("message", "Unknown route in the fake").put("code", 0));
      }
    } catch (RuntimeException e) {
      unknown.add("failed: " + e);
      throw e;
    }
  }

  /** The request's JSON: the body itself, or the {@code payload_json} part of a multipart body. */
  private static JsonNode body(HttpExchange x, List<String> files) throws IOException {
    byte[] raw;
    try (InputStream in = x.getRequestBody()) {
      raw = in.readAllBytes();
    }
    if (raw.length == 0) {
      return JSON.createObjectNode();
    }
    String type = x.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.startsWith("multipart/")) {
      return JSON.readTree(raw);
    }
    // ISO-8859-1 maps bytes one to one, so binary parts keep their length.
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    String boundary = "--" + type.substring(type.indexOf("boundary=") + "boundary=".length()).replace("\"", "");
    JsonNode payload = JSON.createObjectNode();
    for (String part : text.split(Pattern.quote(boundary))) {
      int split = part.indexOf("\r\n\r\n");
      if (split < 0) {
        continue;
      }
      String headers = part.substring(0, split);
      String content = part.substring(split + 4, Math.max(split + 4, part.length() - 2));
      Matcher file = Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
      if (file.find()) {
        files.add(file.group(1) + ":" + content.length());
      } else if (headers.contains("name=\"payload_json\"")) {
        payload = JSON.readTree(content.getBytes(StandardCharsets.ISO_8859_1));
      }
    }
    return payload;
  }

  private static void json(HttpExchange x, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
  }

  private static void empty(HttpExchange x, int status) throws IOException {
    x.sendResponseHeaders(status, -1);
  }

  @Override
  public void close() throws Exception {
    rest.stop(1);
    restThreads.shutdownNow();
    gateway.stop(1000);
  }
}
