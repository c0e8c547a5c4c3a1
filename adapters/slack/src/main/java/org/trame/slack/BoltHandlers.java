package org.trame.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trame.core.i18n.Lang;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent.Kind;

/**
 * The Bolt listeners: each hands the delivery to the {@link Dispatcher} and acknowledges it once
 * the core has committed it, so that an acknowledged event is never lost to a crash; if the commit
 * takes longer than the acknowledgement wait, Slack is answered anyway (its 3-second rule) and the
 * commit goes on; if the core could not save the event, Slack gets an error and delivers it again.
 * HTTP and Socket Mode share these listeners (Socket Mode sends no acknowledgement for an error).
 * Translation only; what an answer means is the core's business.
 */
final class BoltHandlers {

  private static final Logger log = LoggerFactory.getLogger(BoltHandlers.class);

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

  /** Of those, the questions answered by typing (guarded by {@link #answered}). */
  private final Set<String> typedAnswers = Collections.newSetFromMap(new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > REMEMBERED_MESSAGES;
    }
  });

  private final SlackAdapter.HomePage home;
  private final Duration ackWait;

  BoltHandlers(Dispatcher dispatcher, SlackMessenger messenger, Members members, SlackAdapter.HomePage home,
      Duration ackWait) {
    this.home = home;
    this.ackWait = ackWait;
    this.dispatcher = dispatcher;
    this.messenger = messenger;
    this.members = members;
  }

  void register(App app) {
    app.command(COMMAND, (req, ctx) -> {
      var p = req.getPayload();
      // trigger_id is unique per invocation, so a re-sent request is one command. Where it was typed
      // goes to the core, which reads it for `channel here` only: the collective's channel does not
      // follow whoever typed /trame where.
      CompletableFuture<Handled> saved = dispatcher.submit("command:" + p.getTriggerId(), p.getTeamId(), p.getUserId(),
          p.getUserName(), Kind.COMMAND, p.getText() == null ? "" : unescape(p.getText()).strip(), null, null,
          channelOf(p.getChannelId(), p.getChannelName()));
      Response ack = acknowledgeWhenSaved(ctx, saved);
      // Typed in a channel, the member reads there (only they) the answer itself when it is short, else where it went.
      boolean inChannel = p.getChannelId() != null && !p.getChannelId().startsWith("D");
      String shown = inChannel && saved.isDone() ? ephemeral(p.getUserId(), saved.join()) : null;
      return shown == null ? ack : ctx.ack(r -> r.responseType("ephemeral").text(shown));
    });

    app.event(MessageEvent.class, (payload, ctx) -> {
      MessageEvent e = payload.getEvent();
      // Only what a person types in their DM with the bot; bots (ourselves included) are ignored.
      if ("im".equals(e.getChannelType()) && e.getBotId() == null && e.getUser() != null && e.getText() != null) {
        // The question the member had in front of them when they typed.
        SlackMessenger.Asked before = messenger.lastAsked(e.getUser());
        String typed = unescape(e.getText());
        // a DM is no channel of the collective: no channel for the core
        CompletableFuture<Handled> saved = dispatcher.submit(payload.getEventId(), payload.getTeamId(), e.getUser(), null,
            Kind.TEXT, typed, null, null, null);
        saved.thenAccept(h -> answeredByTyping(e.getUser(), before, typed, h));
        return acknowledgeWhenSaved(ctx, saved);
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
      Optional<ActionRef> ref = ActionRef.decode(a.getValue());
      if (ref.isEmpty()) {
        return ctx.ack();
      }
      return acknowledgeWhenSaved(ctx, answer(p, a.getActionTs(), ref.get(), ref.get().value(),
          a.getText() == null ? ref.get().value() : a.getText().getText()));
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
          return acknowledgeWhenSaved(ctx, submitChoice(p, a.getActionTs(), ref.get(), ""));
        }
        return acknowledgeWhenSaved(ctx, answer(p, a.getActionTs(), ref.get(), String.join(",", values),
            String.join(", ", labels)));
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
        CompletableFuture<Handled> saved = dispatcher.submit("view:" + view.getId(), team, p.getUser().getId(),
            p.getUser().getName(), Kind.CHOICE, text, r.conversationRef(), r.stepRef(), null);
        saved.thenAccept(h -> {
          if (h.outcome() == Handled.Outcome.ACCEPTED && r.ch() != null && r.ts() != null && claim(r.ch(), r.ts())) {
            markAnswered(p.getUser().getId(), r.ch(), r.ts(), r.q(), BlockRenderer.cut(text.strip(), LONGEST_ANSWER_SHOWN),
                r.lang());
          }
        });
        return acknowledgeWhenSaved(ctx, saved);
      }
      return ctx.ack();
    });
  }

  /**
   * Slack's answer for a delivery handed to the core: 200 once {@code saved} completes, or when
   * {@link #ackWait} has passed first (the core still commits it; a retry is then a duplicate).
   * When the core could not save it, {@link NotSaved} is thrown rather than an error returned: Bolt
   * replaces an event listener's error status with its automatic acknowledgement, but lets an
   * exception through, which HTTP mode answers 503 and Socket Mode leaves unacknowledged, so that
   * Slack delivers the event again (a command or a click shows the member an error instead).
   */
  private Response acknowledgeWhenSaved(Context ctx, CompletableFuture<?> saved) throws NotSaved {
    try {
      saved.get(ackWait.toMillis(), TimeUnit.MILLISECONDS);
      return ctx.ack();
    } catch (TimeoutException late) {
      log.info("Slack acknowledged before the core's commit, which took more than {} ms", ackWait.toMillis());
      return ctx.ack();
    } catch (ExecutionException failed) {
      throw new NotSaved(failed.getCause());
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
      throw new NotSaved(stopping);
    }
  }

  /** The core could not save a delivery: Slack must not be told it was received. */
  static final class NotSaved extends IOException {
    NotSaved(Throwable cause) {
      super("the event was not saved", cause);
    }
  }

  /**
   * A click on a question's buttons: handled once, and the message shows the answer only when the
   * core accepted it. The future completes when the core has committed it (at once for a second
   * click on an answered question, which is not handed to the core).
   */
  private CompletableFuture<?> answer(BlockActionPayload p, String actionTs, ActionRef ref, String value, String label) {
    String channel = p.getContainer() == null ? null : p.getContainer().getChannelId();
    String ts = p.getContainer() == null ? null : p.getContainer().getMessageTs();
    if (channel != null && ts != null && !claim(channel, ts)) {
      if (typedAnswer(channel, ts)) {
        // Answered by typing (a client showing the old buttons): the core refuses it and says why; the message stays as it is.
        return submitChoice(p, actionTs, ref, value);
      }
      return CompletableFuture.completedFuture(null);
    }
    String question = p.getMessage() == null ? null : p.getMessage().getText();
    CompletableFuture<Handled> saved = submitChoice(p, actionTs, ref, value);
    saved.whenComplete((h, failure) -> {
      if (channel == null || ts == null) {
        return;
      }
      if (h != null && h.outcome() == Handled.Outcome.ACCEPTED) {
        markAnswered(p.getUser().getId(), channel, ts, question, label, ref.lang());
      } else if (failure != null || h.outcome() != Handled.Outcome.DUPLICATE) {
        // Not saved, or not taken (an earlier question, a paused or finished conversation): the
        // question is not answered, so its buttons stay and the core's reply says why.
        release(channel, ts);
      }
    });
    return saved;
  }

  private CompletableFuture<Handled> submitChoice(BlockActionPayload p, String actionTs, ActionRef ref,
      String value) {
    String team = p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId();
    // A click has no delivery id; the user and the action's timestamp identify it.
    return dispatcher.submit("action:" + p.getUser().getId() + ":" + actionTs, team, p.getUser().getId(),
        p.getUser().getName(), Kind.CHOICE, value, ref.conversationRef(), ref.stepRef(), null);
  }

  /** The longest answer shown as such where a command was typed; a longer one is in the DM. */
  static final int SHORT_ANSWER = 500;

  /**
   * What a command's member reads where they typed it (ephemeral): the answer itself when it is
   * one short plain message to them, else a word saying it is in their DM; nothing when nothing was
   * meant for them (a post in the channel). The DM gets the answer in any case: it stays there.
   */
  private String ephemeral(String user, Handled h) {
    List<org.trame.core.port.OutboundMessage> theirs = h.messages().stream()
        .filter(m -> m.audience().isPrivate() && user.equals(m.audience().id())).toList();
    if (theirs.isEmpty()) {
      return null;
    }
    var only = theirs.get(0);
    if (theirs.size() == 1 && only.expects() == org.trame.core.port.OutboundMessage.Expects.NOTHING && only.options().isEmpty()
        && only.image() == null && only.conversationRef() == null && only.text().length() <= SHORT_ANSWER) {
      return BlockRenderer.fallback(only.text());
    }
    return BlockRenderer.mrkdwn(messenger.texts().get(org.trame.core.i18n.Msg.ANSWERED_IN_DM, BlockRenderer.langOf(only.lang())));
  }

  /**
   * A typed answer the core took for the question the member had in front of them: that question
   * shows it and loses its buttons, as a click would. Not for a conversation word (help, skip,
   * back, pause, cancel: the question is then not answered), nor when the core asked the same
   * step again.
   */
  private void answeredByTyping(String user, SlackMessenger.Asked question, String typed, Handled h) {
    if (question == null || h.outcome() != Handled.Outcome.ACCEPTED
        || org.trame.core.Trame.conversationWord(typed)) {
      return;
    }
    boolean askedAgain = h.messages().stream().anyMatch(m -> question.conversationRef().equals(m.conversationRef())
        && question.stepRef().equals(m.stepRef()));
    if (askedAgain || !claim(question.channel(), question.ts())) {
      return;
    }
    synchronized (answered) {
      typedAnswers.add(question.channel() + "/" + question.ts());
    }
    markAnswered(user, question.channel(), question.ts(), question.text(), BlockRenderer.cut(typed.strip(), LONGEST_ANSWER_SHOWN),
        question.lang());
  }

  private boolean typedAnswer(String channel, String ts) {
    synchronized (answered) {
      return typedAnswers.contains(channel + "/" + ts);
    }
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
    messenger.answered(user, channel, ts);
    dispatcher.run(user, () -> {
      var blocks = messenger.renderer().answered(question, answer, BlockRenderer.langOf(lang));
      // The question comes back from Slack already escaped; the answer is the member's own words.
      String text = question == null ? BlockRenderer.fallback(answer)
          : BlockRenderer.cutMrkdwn(question, BlockRenderer.FALLBACK_TEXT_MAX);
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

  /** A command's channel when it can be the collective's: not a DM ({@code D…}) nor a group DM ({@code mpdm-…}). */
  static String channelOf(String channelId, String channelName) {
    if (channelId == null || channelId.isBlank() || channelId.startsWith("D") || "directmessage".equals(channelName)
        || (channelName != null && channelName.startsWith("mpdm-"))) {
      return null;
    }
    return channelId;
  }

  /** Slack's markup in a delivered text: always real angle brackets, since typed ones come as entities. */
  private static final Pattern MARKUP = Pattern.compile("<([^<>]*)>");

  /**
   * What the member typed, from the text Slack delivers in a message event or an escaped slash
   * command ({@code should_escape}). Slack's markup goes back to the words it came from: a link
   * to its address, or to its label when that is the address as typed, else to both so that a
   * disguised link shows where it leads; a channel to {@code #name}; {@code <!here>} to
   * {@code @here}. Member mentions ({@code <@U…|name>}) stay as they are for the core to read.
   * Then Slack's three entities are decoded, {@code &amp;} last so that a typed {@code &lt;}
   * stays as typed. Form values are not escaped by Slack: not for them.
   */
  static String unescape(String slackText) {
    if (slackText.indexOf('<') < 0 && slackText.indexOf('&') < 0) {
      return slackText;
    }
    Matcher m = MARKUP.matcher(slackText);
    StringBuilder out = new StringBuilder(slackText.length());
    int from = 0;
    while (m.find()) {
      out.append(entities(slackText.substring(from, m.start())));
      String inside = m.group(1);
      out.append(inside.startsWith("@") ? m.group() : entities(asTyped(inside)));
      from = m.end();
    }
    return out.append(entities(slackText.substring(from))).toString();
  }

  /** One piece of Slack markup (without its brackets) as the words the member typed. */
  private static String asTyped(String inside) {
    int bar = inside.indexOf('|');
    String target = bar < 0 ? inside : inside.substring(0, bar);
    String label = bar < 0 ? null : inside.substring(bar + 1);
    if (target.startsWith("#")) {
      return label != null ? "#" + label : target;
    }
    if (target.startsWith("!")) {
      // <!here>, <!channel>, <!everyone>; <!subteam^S…|@team> and <!date^…|fallback> by their label
      return label != null ? label : "@" + target.substring(1).split("\\^", 2)[0];
    }
    if (label == null || label.isEmpty()) {
      return target;
    }
    String bare = target.replaceFirst("^(?i)(https?://|mailto:)", "");
    return label.equals(target) || label.equals(bare) || (label + "/").equals(bare) ? label : label + " (" + target + ")";
  }

  private static String entities(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
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
