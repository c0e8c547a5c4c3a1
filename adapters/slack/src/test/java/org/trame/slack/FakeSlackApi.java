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
  /** What apps.connections.open hands out: the Socket Mode WebSocket URL. */
  public volatile String socketModeUrl = "ws://127.0.0.1:1/";

  public FakeSlackApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
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
      Map<String, String> params = method.equals("upload") ? Map.of("bytes", Integer.toString(raw.length))
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
        o.addProperty("upload_url", url() + "upload");
        o.addProperty("file_id", "F1");
      }
      case "files.completeUploadExternal" -> {
        var files = new com.google.gson.JsonArray();
        files.add(obj("id", "F1", "title", "chart.png"));
        o.add("files", files);
      }
      case "upload" -> o.addProperty("uploaded", true);
      default -> {
        o.addProperty("ok", false);
        o.addProperty("error", "unknown_method");
      }
    }
    return o;
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
