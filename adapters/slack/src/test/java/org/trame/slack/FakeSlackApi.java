package org.trame.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A Slack Web API on loopback: answers the methods the adapter calls the way Slack does, records
 * every call, and can be told to fail the next calls of a method.
 */
public final class FakeSlackApi implements AutoCloseable {

  public static final String TEAM = "T0TRAME";
  public static final String BOT_USER = "UBOT";

  /** One recorded call: the method and its parameters (form fields, or the JSON body's fields). */
  public record Call(String method, Map<String, String> params, long atMillis, String reply) {
    public String param(String name) {
      return params.get(name);
    }

    /** A parameter holding JSON (blocks, view). */
    public JsonElement json(String name) {
      String raw = params.get(name);
      return raw == null ? null : JsonParser.parseString(raw);
    }

    /** The ts the fake gave a posted message. */
    public String ts() {
      JsonObject o = JsonParser.parseString(reply).getAsJsonObject();
      return o.has("ts") ? o.get("ts").getAsString() : null;
    }
  }

  /** A planned answer: status, headers, body. */
  public record Reply(int status, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Queue<Reply>> planned = new ConcurrentHashMap<>();
  private final Map<String, JsonObject> users = new ConcurrentHashMap<>();
  private final AtomicLong ts = new AtomicLong(1_700_000_000_000L);
  /** Channels the fake knows: whether each is private and whether the bot is a member. Unknown ids accept everything. */
  private final Map<String, boolean[]> channels = new ConcurrentHashMap<>();
  /** The bot token's scopes, as the committed manifest grants them. */
  private final java.util.Set<String> scopes = ConcurrentHashMap.newKeySet();
  private final AtomicLong fileIds = new AtomicLong();
  /** What apps.connections.open hands out: the Socket Mode WebSocket URL. */
  public volatile String socketModeUrl = "ws://127.0.0.1:1/";

  public FakeSlackApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
    scopes.addAll(List.of("commands", "chat:write", "chat:write.public", "im:write", "im:history", "users:read",
        "channels:read", "groups:read", "files:write", "channels:join"));
    server.createContext("/api/", this::handle);
    server.start();
  }

  /** The value for TRAME_SLACK_API_URL. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  /** Registers a member as users.info will describe them. */
  public void user(String id, String name, String locale, String tz, boolean admin) {
    JsonObject u = new JsonObject();
    u.addProperty("id", id);
    u.addProperty("team_id", TEAM);
    u.addProperty("name", name);
    u.addProperty("real_name", name);
    u.addProperty("tz", tz);
    u.addProperty("locale", locale);
    u.addProperty("is_admin", admin);
    u.addProperty("is_owner", false);
    u.addProperty("is_primary_owner", false);
    u.addProperty("is_bot", false);
    JsonObject profile = new JsonObject();
    profile.addProperty("display_name", name);
    u.add("profile", profile);
    users.put(id, u);
  }

  /** A channel the bot is in or not, public or private: Slack's membership rules then apply to it. */
  public void channel(String id, boolean isPrivate, boolean botIsMember) {
    channels.put(id, new boolean[] {isPrivate, botIsMember});
  }

  /** Whether the bot is now a member of {@code id} (it may have joined). */
  public boolean botIsMember(String id) {
    boolean[] c = channels.get(id);
    return c == null || c[1];
  }

  /** The installation was made without {@code scope} (an older manifest): methods needing it answer missing_scope. */
  public void withoutScope(String scope) {
    scopes.remove(scope);
  }

  /** The next call of {@code method} gets this answer instead of the normal one. */
  public void planNext(String method, int status, Map<String, String> headers, String body) {
    planned.computeIfAbsent(method, m -> new ArrayDeque<>()).add(new Reply(status, headers, body));
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  public List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).collect(Collectors.toList());
  }

  /** Waits for at least {@code count} calls matching {@code which}, failing the test after {@code timeout}. */
  public List<Call> await(Predicate<Call> which, int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Call> found = calls.stream().filter(which).collect(Collectors.toList());
      if (found.size() >= count) {
        return found;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + count + " matching Slack calls, saw " + found.size() + "; all calls: "
            + calls.stream().map(Call::method).collect(Collectors.toList()));
      }
      Thread.sleep(20);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestURI().getPath().substring("/api/".length());
      byte[] raw = exchange.getRequestBody().readAllBytes();
      String body = new String(raw, StandardCharsets.UTF_8);
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      Map<String, String> params = method.equals("upload")
          ? Map.of("bytes", Integer.toString(raw.length), "file", String.valueOf(exchange.getRequestURI().getQuery()))
          : type != null && type.startsWith("application/json") ? jsonParams(body) : formParams(body);
      long at = System.currentTimeMillis();
      Queue<Reply> queue = planned.get(method);
      Reply plannedReply = queue == null ? null : queue.poll();
      if (plannedReply != null) {
        calls.add(new Call(method, params, at, plannedReply.body()));
        plannedReply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        send(exchange, plannedReply.status(), plannedReply.body());
        return;
      }
      String reply = answer(method, params).toString();
      calls.add(new Call(method, params, at, reply));
      send(exchange, 200, reply);
    }
  }

  private JsonObject answer(String method, Map<String, String> params) {
    JsonObject o = new JsonObject();
    o.addProperty("ok", true);
    switch (method) {
      case "auth.test" -> {
        o.addProperty("url", "https://trame-test.slack.com/");
        o.addProperty("team", "Trame test");
        o.addProperty("user", "trame");
        o.addProperty("team_id", TEAM);
        o.addProperty("user_id", BOT_USER);
        o.addProperty("bot_id", "BBOT");
      }
      case "conversations.open" -> {
        JsonObject channel = new JsonObject();
        channel.addProperty("id", "D" + params.getOrDefault("users", "X"));
        o.add("channel", channel);
      }
      case "chat.postMessage", "chat.update" -> {
        String refused = refusedPost(method, params);
        if (refused != null) {
          return error(refused);
        }
        String t = params.containsKey("ts") ? params.get("ts") : String.format("1700000000.%06d", ts.incrementAndGet() % 1_000_000);
        o.addProperty("channel", params.get("channel"));
        o.addProperty("ts", t);
      }
      case "views.open", "views.publish" -> {
        JsonObject view = new JsonObject();
        view.addProperty("id", "V" + ts.incrementAndGet());
        o.add("view", view);
      }
      case "users.info" -> {
        JsonObject u = users.get(params.get("user"));
        if (u == null) {
          o.addProperty("ok", false);
          o.addProperty("error", "user_not_found");
        } else {
          o.add("user", u);
        }
      }
      case "users.conversations" -> {
        var channels = new com.google.gson.JsonArray();
        JsonObject general = new JsonObject();
        general.addProperty("id", "CGENERAL");
        general.addProperty("name", "general");
        channels.add(general);
        o.add("channels", channels);
      }
      case "apps.connections.open" -> o.addProperty("url", socketModeUrl);
      case "files.getUploadURLExternal" -> {
        // documented: alt_txt_too_large, "longer than the limit of 1000 character"
        if (params.containsKey("alt_txt") && params.get("alt_txt").length() > 1_000) {
          return error("alt_txt_too_large");
        }
        String id = "F" + fileIds.incrementAndGet();
        o.addProperty("upload_url", url() + "upload?file=" + id);
        o.addProperty("file_id", id);
      }
      case "files.completeUploadExternal" -> {
        // Sharing into a channel the bot is not in fails, even a public one (chat:write.public covers only chat.postMessage).
        String channel = params.get("channel_id");
        boolean[] c = channel == null ? null : channels.get(channel);
        if (c != null && !c[1]) {
          return error("not_in_channel");
        }
        var files = new com.google.gson.JsonArray();
        var given = JsonParser.parseString(params.getOrDefault("files", "[]")).getAsJsonArray();
        for (JsonElement f : given) {
          JsonObject file = f.getAsJsonObject();
          files.add(obj("id", file.get("id").getAsString(), "title", file.has("title") ? file.get("title").getAsString() : ""));
        }
        o.add("files", files);
      }
      case "conversations.join" -> {
        // documented: the channels:join scope; private channels cannot be joined (method_not_supported_for_channel_type)
        if (!scopes.contains("channels:join")) {
          JsonObject e = error("missing_scope");
          e.addProperty("needed", "channels:join");
          e.addProperty("provided", String.join(",", new java.util.TreeSet<>(scopes)));
          return e;
        }
        String channel = params.get("channel");
        boolean[] c = channel == null ? null : channels.get(channel);
        if (c == null) {
          return error("channel_not_found");
        }
        if (c[0]) {
          return error("method_not_supported_for_channel_type");
        }
        if (c[1]) {
          o.addProperty("warning", "already_in_channel");
        }
        c[1] = true;
        JsonObject joined = new JsonObject();
        joined.addProperty("id", channel);
        joined.addProperty("is_member", true);
        joined.addProperty("is_private", false);
        o.add("channel", joined);
      }
      case "upload" -> o.addProperty("uploaded", true);
      default -> {
        o.addProperty("ok", false);
        o.addProperty("error", "unknown_method");
      }
    }
    return o;
  }

  private static JsonObject error(String code) {
    JsonObject e = new JsonObject();
    e.addProperty("ok", false);
    e.addProperty("error", code);
    return e;
  }

  /**
   * What Slack's documented limits refuse in a post: a channel the bot is not in (public ones are
   * open to chat.postMessage with chat:write.public), more than 50 blocks, a section over 3,000
   * characters, a text over 40,000 (Slack truncates beyond; the fake refuses, to be noticed).
   */
  private String refusedPost(String method, Map<String, String> params) {
    boolean[] c = params.get("channel") == null ? null : channels.get(params.get("channel"));
    if (c != null && !c[1] && (c[0] || method.equals("chat.update") || !scopes.contains("chat:write.public"))) {
      return "not_in_channel";
    }
    String text = params.get("text");
    if (text != null && text.length() > 40_000) {
      return "msg_too_long";
    }
    String blocks = params.get("blocks");
    if (blocks != null && !blocks.isEmpty()) {
      var array = JsonParser.parseString(blocks).getAsJsonArray();
      if (array.size() > 50) {
        return "invalid_blocks";
      }
      for (JsonElement b : array) {
        JsonObject block = b.getAsJsonObject();
        if (block.has("text") && block.getAsJsonObject("text").get("text").getAsString().length() > 3_000) {
          return "invalid_blocks";
        }
      }
    }
    return null;
  }

  private static JsonObject obj(String... keyValues) {
    JsonObject o = new JsonObject();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      o.addProperty(keyValues[i], keyValues[i + 1]);
    }
    return o;
  }

  private static Map<String, String> formParams(String body) {
    Map<String, String> params = new ConcurrentHashMap<>();
    if (body.isEmpty()) {
      return params;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(k, v);
    }
    return params;
  }

  private static Map<String, String> jsonParams(String body) {
    Map<String, String> params = new ConcurrentHashMap<>();
    JsonObject o = JsonParser.parseString(body).getAsJsonObject();
    o.entrySet().forEach(e -> params.put(e.getKey(),
        e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
    return params;
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
