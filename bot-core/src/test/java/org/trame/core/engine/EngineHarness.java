package org.trame.core.engine;

import org.trame.core.i18n.Lang;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.trame.core.port.Audience;

/** Drives the engine on one in-memory conversation of the sample flow in test resources. */
final class EngineHarness {

  final List<String> recorded = new ArrayList<>();
  final FlowEngine engine;
  final Conversation conversation;
  Lang lang = Lang.EN;
  String checkOutcome = "ok";

  EngineHarness() throws Exception {
    Map<String, FlowAction> actions = Map.of(
        "sample.check", ctx -> checkOutcome,
        "sample.record", ctx -> {
          recorded.add(ctx.conversation().state().onPath().toString());
          return null;
        });
    // The sample flow beside the real messages of prompts/.
    Path dir = java.nio.file.Files.createTempDirectory("sample-flows");
    MessageFiles.copy(Path.of("..", "prompts"), dir);
    java.nio.file.Files.copy(Path.of(EngineHarness.class.getResource("/sample-flows/sample.yaml").toURI()), dir.resolve("sample.yaml"));
    Prompts prompts = new PromptsLoader(actions.keySet()).load(dir);
    engine = new FlowEngine(prompts, actions);
    conversation = new Conversation(1, "console:test", "alice", "sample", Conversation.Status.ACTIVE, new ConversationState());
  }

  private ActionContext ctx() {
    return new ActionContext() {
      @Override public Conversation conversation() { return conversation; }
      @Override public Lang lang() { return lang; }
      @Override public Connection connection() { return null; }
      @Override public Instant now() { return Instant.EPOCH; }
      @Override public void send(Audience audience, String text) { }
    };
  }

  List<Prompt> start() throws Exception {
    return engine.start(conversation, ctx());
  }

  /** Types {@code text}; returns everything said back, one string per message. */
  List<Prompt> type(String text) throws Exception {
    return engine.handle(conversation, text, null, ctx()).prompts();
  }

  List<Prompt> click(String stepRef, String value) throws Exception {
    return engine.handle(conversation, value, stepRef, ctx()).prompts();
  }

  static String texts(List<Prompt> prompts) {
    return prompts.stream().map(Prompt::text).collect(Collectors.joining("\n"));
  }

  String step() {
    return conversation.state().step;
  }
}
