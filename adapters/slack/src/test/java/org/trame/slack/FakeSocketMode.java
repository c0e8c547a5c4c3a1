package org.trame.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/** Slack's Socket Mode end on loopback: says hello, sends envelopes, records the acknowledgements. */
final class FakeSocketMode extends WebSocketServer {

  final List<JsonObject> received = new CopyOnWriteArrayList<>();
  final CountDownLatch connected = new CountDownLatch(1);
  final CountDownLatch started = new CountDownLatch(1);
  private volatile WebSocket client;

  FakeSocketMode() {
    super(new InetSocketAddress("127.0.0.1", 0));
    setReuseAddr(true);
  }

  String url() {
    return "ws://127.0.0.1:" + getPort() + "/link";
  }

  /** Sends one envelope, as Slack wraps events, commands and interactivity in Socket Mode. */
  void envelope(String id, String type, JsonObject payload) {
    JsonObject e = new JsonObject();
    e.addProperty("envelope_id", id);
    e.addProperty("type", type);
    e.add("payload", payload);
    e.addProperty("accepts_response_payload", !"events_api".equals(type));
    client.send(e.toString());
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    client = conn;
    conn.send("{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A0TRAME\"}}");
    connected.countDown();
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    received.add(JsonParser.parseString(message).getAsJsonObject());
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
  }

  @Override
  public void onStart() {
    started.countDown();
  }
}
