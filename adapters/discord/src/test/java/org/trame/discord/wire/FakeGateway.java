package org.trame.discord.wire;

import static org.trame.discord.wire.Payloads.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A Discord gateway on loopback (JSON encoding, no compression): HELLO on connect, READY and
 * GUILD_CREATE after IDENTIFY, heartbeats acknowledged; tests then dispatch events such as
 * INTERACTION_CREATE with {@link #dispatch}.
 */
public final class FakeGateway extends WebSocketServer {

  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch guildSent = new CountDownLatch(1);
  private final AtomicInteger sequence = new AtomicInteger();
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final List<String> queries = new CopyOnWriteArrayList<>();
  private volatile WebSocket session;

  private FakeGateway() {
    super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    setReuseAddr(true);
  }

  public static FakeGateway launch() throws InterruptedException {
    FakeGateway g = new FakeGateway();
    g.start();
    if (!g.started.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the fake gateway did not start");
    }
    return g;
  }

  public String url() {
    return "ws://127.0.0.1:" + getPort() + "/";
  }

  /** What the bot sent (IDENTIFY, heartbeats, …). */
  public List<JsonNode> received() {
    return List.copyOf(received);
  }

  /** The query strings the bot connected with ({@code encoding=json&v=10}). */
  public List<String> queries() {
    return List.copyOf(queries);
  }

  /** Waits until the bot identified and was sent READY and its guild. */
  public boolean awaitGuild(long seconds) throws InterruptedException {
    return guildSent.await(seconds, TimeUnit.SECONDS);
  }

  /** Sends a dispatch event (op 0) with the next sequence number. */
  public void dispatch(String type, JsonNode data) {
    ObjectNode event = Payloads.object().put("op", 0).put("t", type).put("s", sequence.incrementAndGet());
    event.set("d", data);
    send(session, event);
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    session = conn;
    String resource = handshake.getResourceDescriptor();
    queries.add(resource.contains("?") ? resource.substring(resource.indexOf('?') + 1) : "");
    ObjectNode hello = Payloads.object().put("op", 10).putNull("s").putNull("t");
    hello.putObject("d").put("heartbeat_interval", 41250);
    send(conn, hello);
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    JsonNode payload;
    try {
      payload = JSON.readTree(message);
    } catch (Exception e) {
      throw new IllegalStateException("the bot sent invalid JSON: " + message, e);
    }
    received.add(payload);
    switch (payload.path("op").asInt(-1)) {
      case 1 -> send(conn, Payloads.object().put("op", 11).putNull("d"));
      case 2 -> {
        dispatch("READY", Payloads.ready(url()));
        dispatch("GUILD_CREATE", Payloads.guildCreate());
        guildSent.countDown();
      }
      default -> { }
    }
  }

  private static void send(WebSocket conn, JsonNode payload) {
    try {
      conn.send(JSON.writeValueAsString(payload));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    if (conn == session) {
      session = null;
    }
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
    received.add(Payloads.object().put("error", String.valueOf(ex)));
  }
}
