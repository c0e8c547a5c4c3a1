package org.trame.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trame.core.Trame;
import org.trame.core.TrameConfig;
import org.trame.core.i18n.Lang;

/**
 * Everything of a Slack test on loopback: the fake Web API, the real core on a temporary SQLite
 * file, the real messenger and Bolt app, and a client sending signed requests.
 */
final class LoopbackSlack implements AutoCloseable {

  final FakeSlackApi api;
  final SlackMessenger messenger;
  final Trame trame;
  final SlackAdapter adapter;
  final SignedRequests slack;

  LoopbackSlack(Path dir) throws Exception {
    this(dir, Clock.systemUTC());
  }

  /** @param rolesClock the clock the messenger's cache of admin roles ages on */
  LoopbackSlack(Path dir, Clock rolesClock) throws Exception {
    api = new FakeSlackApi();
    api.user("UALICE", "alice", "en-US", "Europe/Paris", false);
    api.user("UBOB", "bob", "fr-FR", "Europe/Brussels", true);
    SlackSettings settings = SlackSettings.fromEnvironment(Map.of(
        "SLACK_BOT_TOKEN", "xoxb-test", "SLACK_SIGNING_SECRET", SignedRequests.SECRET,
        "TRAME_SLACK_PORT", "0", "TRAME_SLACK_API_URL", api.url())).orElseThrow();
    messenger = new SlackMessenger(settings, rolesClock);
    trame = Trame.start(new TrameConfig(dir.resolve("trame.db"), null, Set.of(), Lang.EN, Clock.systemUTC()),
        List.of(messenger));
    adapter = SlackAdapter.start(messenger, trame);
    slack = new SignedRequests(adapter.port());
  }

  /** Waits until what Slack sent so far is handled and every reply is sent. */
  void settle() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      if (!adapter.awaitIdle(Duration.ofSeconds(20)) || !trame.awaitSent(Duration.ofSeconds(20))) {
        throw new AssertionError("the adapter or the outbox did not settle");
      }
    }
  }

  /** The messages posted to a channel, in order. */
  List<FakeSlackApi.Call> posts(String channel) {
    return api.calls("chat.postMessage").stream().filter(c -> channel.equals(c.param("channel"))).toList();
  }

  /** The interactive elements of a posted message. */
  static List<JsonObject> elements(FakeSlackApi.Call post) {
    List<JsonObject> found = new ArrayList<>();
    JsonElement blocks = post.json("blocks");
    if (blocks == null) {
      return found;
    }
    for (JsonElement b : blocks.getAsJsonArray()) {
      JsonObject block = b.getAsJsonObject();
      if ("actions".equals(block.get("type").getAsString())) {
        for (JsonElement e : block.getAsJsonArray("elements")) {
          found.add(e.getAsJsonObject());
        }
      }
    }
    return found;
  }

  static JsonArray array(JsonObject... items) {
    JsonArray a = new JsonArray();
    for (JsonObject o : items) {
      a.add(o);
    }
    return a;
  }

  @Override
  public void close() throws Exception {
    adapter.close();
    trame.close();
    api.close();
  }

  /** A core message up to its first placeholder: what a reply starts with, whatever fills it. */
  static String before(String template) {
    int brace = template.indexOf('{');
    return brace < 0 ? template : template.substring(0, brace);
  }
}
