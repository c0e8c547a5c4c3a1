package org.trame.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.trame.core.engine.Lang;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent.Kind;

/**
 * The Bolt listeners: each acknowledges at once and leaves the work to the {@link Dispatcher}.
 * Translation only; what an answer means is the core's business.
 */
final class BoltHandlers {

  static final String COMMAND = "/trame";
  private static final int LONGEST_ANSWER_SHOWN = 300;
  private static final int REMEMBERED_MESSAGES = 10_000;

  private final Dispatcher dispatcher;
  private final SlackMessenger messenger;
  private final Members members;
  /** Questions already answered here, so a second click on the same message is not a second answer. */
  private final Set<String> answered = Collections.newSetFromMap(new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > REMEMBERED_MESSAGES;
    }
  });

  private final SlackAdapter.HomePage home;

  BoltHandlers(Dispatcher dispatcher, SlackMessenger messenger, Members members, SlackAdapter.HomePage home) {
    this.home = home;
    this.dispatcher = dispatcher;
    this.messenger = messenger;
    this.members = members;
  }

  void register(App app) {
    app.command(COMMAND, (req, ctx) -> {
      var p = req.getPayload();
      // trigger_id is unique per invocation, so a re-sent request is one command.
      dispatcher.submit("command:" + p.getTriggerId(), p.getTeamId(), p.getUserId(), p.getUserName(), Kind.COMMAND,
          p.getText() == null ? "" : p.getText().strip(), null, null);
      return ctx.ack();
    });

    app.event(MessageEvent.class, (payload, ctx) -> {
      MessageEvent e = payload.getEvent();
      // Only what a person types in their DM with the bot; bots (ourselves included) are ignored.
      if ("im".equals(e.getChannelType()) && e.getBotId() == null && e.getUser() != null && e.getText() != null) {
        dispatcher.submit(payload.getEventId(), payload.getTeamId(), e.getUser(), null, Kind.TEXT, e.getText(), null, null);
      }
      return ctx.ack();
    });

    app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
      AppHomeOpenedEvent e = payload.getEvent();
      if ("home".equals(e.getTab())) {
        dispatcher.run(e.getUser(), () -> publishHome(payload.getTeamId(), e.getUser()));
      }
      return ctx.ack();
    });

    app.blockAction(Pattern.compile("^" + Pattern.quote(BlockRenderer.CHOICE_PREFIX) + "\\d+$"), (req, ctx) -> {
      BlockActionPayload p = req.getPayload();
      BlockActionPayload.Action a = p.getActions().get(0);
      ActionRef.decode(a.getValue()).ifPresent(ref -> answer(p, a.getActionTs(), ref, ref.value(),
          a.getText() == null ? ref.value() : a.getText().getText()));
      return ctx.ack();
    });

    // Ticking a checkbox is not an answer yet: the submit button is.
    app.blockAction(BlockRenderer.PICK, (req, ctx) -> ctx.ack());

    app.blockAction(BlockRenderer.PICK_SUBMIT, (req, ctx) -> {
      BlockActionPayload p = req.getPayload();
      BlockActionPayload.Action a = p.getActions().get(0);
      Optional<ActionRef> ref = ActionRef.decode(a.getValue());
      if (ref.isPresent()) {
        List<ViewState.SelectedOption> picked = picked(p.getState());
        List<String> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (ViewState.SelectedOption o : picked) {
          values.add(o.getValue());
          labels.add(o.getText() == null ? o.getValue() : o.getText().getText());
        }
        if (values.isEmpty()) {
          // Nothing ticked: the core says why it cannot accept that; the question stays clickable.
          submitChoice(p, a.getActionTs(), ref.get(), "");
        } else {
          answer(p, a.getActionTs(), ref.get(), String.join(",", values), String.join(", ", labels));
        }
      }
      return ctx.ack();
    });

    app.blockAction(BlockRenderer.OPEN_FORM, (req, ctx) -> {
      BlockActionPayload p = req.getPayload();
      BlockActionPayload.Action a = p.getActions().get(0);
      String channel = p.getContainer() == null ? null : p.getContainer().getChannelId();
      String ts = p.getContainer() == null ? null : p.getContainer().getMessageTs();
      String question = p.getMessage() == null ? null : p.getMessage().getText();
      ActionRef.decode(a.getValue()).ifPresent(ref -> dispatcher.run(p.getUser().getId(), () -> {
        View form = messenger.renderer().form(ref.inMessage(channel, ts, question), question);
        call("views.open", () -> messenger.web().call("views.open", c -> c.viewsOpen(r -> r.triggerId(p.getTriggerId()).view(form))));
      }));
      return ctx.ack();
    });

    app.viewSubmission(BlockRenderer.FORM_CALLBACK, (req, ctx) -> {
      var p = req.getPayload();
      View view = p.getView();
      Optional<ActionRef> ref = ActionRef.decode(view.getPrivateMetadata());
      String text = typed(view.getState());
      if (ref.isPresent() && text != null) {
        String team = p.getTeam() != null ? p.getTeam().getId() : view.getTeamId();
        ActionRef r = ref.get();
        dispatcher.submit("view:" + view.getId(), team, p.getUser().getId(), p.getUser().getName(), Kind.CHOICE, text,
            r.conversationRef(), r.stepRef())
            .thenAccept(h -> {
              if (h.outcome() == Handled.Outcome.APPLIED && r.ch() != null && r.ts() != null && claim(r.ch(), r.ts())) {
                markAnswered(p.getUser().getId(), r.ch(), r.ts(), r.q(), BlockRenderer.cut(text.strip(), LONGEST_ANSWER_SHOWN),
                    r.lang());
              }
            });
      }
      return ctx.ack();
    });
  }

  /** A click that answers the question of the message it is in: handled once, then the message shows the answer. */
  private void answer(BlockActionPayload p, String actionTs, ActionRef ref, String value, String label) {
    String channel = p.getContainer() == null ? null : p.getContainer().getChannelId();
    String ts = p.getContainer() == null ? null : p.getContainer().getMessageTs();
    if (channel != null && ts != null && !claim(channel, ts)) {
      return;
    }
    String question = p.getMessage() == null ? null : p.getMessage().getText();
    submitChoice(p, actionTs, ref, value).whenComplete((h, failure) -> {
      if (failure != null && channel != null && ts != null) {
        // Not saved: the buttons stay and may be clicked again.
        release(channel, ts);
      } else if (h != null && h.outcome() == Handled.Outcome.APPLIED && channel != null && ts != null) {
        markAnswered(p.getUser().getId(), channel, ts, question, label, ref.lang());
      }
    });
  }

  private java.util.concurrent.CompletableFuture<Handled> submitChoice(BlockActionPayload p, String actionTs, ActionRef ref,
      String value) {
    String team = p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId();
    // A click has no delivery id; the user and the action's timestamp identify it.
    return dispatcher.submit("action:" + p.getUser().getId() + ":" + actionTs, team, p.getUser().getId(),
        p.getUser().getName(), Kind.CHOICE, value, ref.conversationRef(), ref.stepRef());
  }

  private boolean claim(String channel, String ts) {
    synchronized (answered) {
      return answered.add(channel + "/" + ts);
    }
  }

  private void release(String channel, String ts) {
    synchronized (answered) {
      answered.remove(channel + "/" + ts);
    }
  }

  private void markAnswered(String user, String channel, String ts, String question, String answer, String lang) {
    dispatcher.run(user, () -> {
      var blocks = messenger.renderer().answered(question, answer, BlockRenderer.langOf(lang));
      String text = BlockRenderer.fallback(question == null ? answer : question);
      call("chat.update", () -> messenger.web().call("chat.update", c -> c.chatUpdate(r -> r.channel(channel).ts(ts)
          .text(text).blocks(blocks))));
    });
  }

  /** The member's open conversations and what they shared, from the core, in their language. */
  private void publishHome(String team, String user) {
    Members.Known who = members.lookUp(user, null);
    Lang lang = Lang.parse(who.hints().locale()).orElse(Lang.FR);
    View home = messenger.renderer().home(this.home.of(team, user, lang).join());
    call("views.publish", () -> messenger.web().call("views.publish", c -> c.viewsPublish(r -> r.userId(user).view(home))));
  }

  /** The options ticked in a message's checkboxes or multi-select. */
  static List<ViewState.SelectedOption> picked(ViewState state) {
    List<ViewState.SelectedOption> picked = new ArrayList<>();
    if (state == null || state.getValues() == null) {
      return picked;
    }
    for (Map<String, ViewState.Value> block : state.getValues().values()) {
      ViewState.Value v = block.get(BlockRenderer.PICK);
      if (v != null && v.getSelectedOptions() != null) {
        picked.addAll(v.getSelectedOptions());
      }
    }
    return picked;
  }

  /** The text typed in a form, or null when the form holds none. */
  static String typed(ViewState state) {
    if (state == null || state.getValues() == null) {
      return null;
    }
    Map<String, ViewState.Value> block = state.getValues().get(BlockRenderer.FORM_BLOCK);
    ViewState.Value v = block == null ? null : block.get(BlockRenderer.FORM_INPUT);
    return v == null ? null : (v.getValue() == null ? "" : v.getValue());
  }

  private interface WebCall {
    void run() throws Exception;
  }

  /** A follow-up call; its failure is logged by {@link SlackWeb} and loses no answer (the core already has it). */
  private static void call(String method, WebCall call) {
    try {
      call.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // already logged with the method name
    }
  }
}
