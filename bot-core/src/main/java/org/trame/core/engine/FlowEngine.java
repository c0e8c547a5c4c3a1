package org.trame.core.engine;

import org.trame.core.i18n.Lang;
import org.trame.core.i18n.LocalText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.trame.core.engine.AnswerParser.Parsed;
import org.trame.core.i18n.Msg;
import org.trame.core.i18n.Texts;
import org.trame.core.port.Handled;
import org.trame.core.port.Option;
import org.trame.core.port.OutboundMessage.Expects;

/**
 * Runs flows: one call per turn, changing the conversation's state in place and returning what
 * to say. It never throws on what a member types: every input is either an answer, one of the
 * global words, or re-asked with the reason.
 */
public final class FlowEngine {

  private static final String SHARE_SUFFIX = "#share";

  private final Prompts prompts;
  private final Texts texts;
  private final Map<String, FlowAction> actions;
  private final AnswerParser parser;

  public FlowEngine(Prompts prompts, Map<String, FlowAction> actions) {
    this.prompts = prompts;
    this.texts = prompts.texts();
    this.actions = Map.copyOf(actions);
    this.parser = new AnswerParser(texts);
  }

  public Prompts prompts() {
    return prompts;
  }

  private Flow flow(Conversation c) {
    return prompts.flow(c.flow()).orElseThrow(() ->
        new IllegalStateException("conversation " + c.id() + " uses flow '" + c.flow() + "', which is not loaded"));
  }

  /** Enters the first step of a new conversation. */
  public List<Prompt> start(Conversation c, ActionContext ctx) throws Exception {
    List<Prompt> out = new ArrayList<>();
    enter(flow(c).first().id(), c, inOrder(ctx, out), out);
    return out;
  }

  /** Actions' messages join the turn's prompts where they happen, not before or after them. */
  private static ActionContext inOrder(ActionContext ctx, List<Prompt> out) {
    return new ActionContext() {
      @Override
      public Conversation conversation() {
        return ctx.conversation();
      }

      @Override
      public Lang lang() {
        return ctx.lang();
      }

      @Override
      public java.sql.Connection connection() {
        return ctx.connection();
      }

      @Override
      public java.time.Instant now() {
        return ctx.now();
      }

      @Override
      public void send(org.trame.core.port.Audience audience, String text) {
        out.add(new Prompt(text, Expects.NOTHING, List.of(), null, audience));
      }
    };
  }

  /** The question the conversation is waiting on, asked again. */
  public List<Prompt> reprompt(Conversation c, Lang lang) {
    List<Prompt> out = new ArrayList<>();
    ask(c, lang, out);
    return out;
  }

  /**
   * What one turn of a conversation said, and what became of the member's input: accepted,
   * re-asked (with the reason), stale (a button of an earlier question) or over.
   */
  public record Result(List<Prompt> prompts, Handled.Outcome outcome, Handled.Reason reason) {

    static Result accepted(List<Prompt> prompts) {
      return new Result(prompts, Handled.Outcome.ACCEPTED, Handled.Reason.NONE);
    }

    static Result reasked(List<Prompt> prompts, Handled.Reason why) {
      return new Result(prompts, Handled.Outcome.REASKED, why);
    }
  }

  /**
   * One turn. {@code stepRef} is set for a button click (the step the button was for) and null
   * for typed text; a click on a button of an earlier question is refused, never misapplied.
   */
  public Result handle(Conversation c, String input, String stepRef, ActionContext turnCtx) throws Exception {
    Lang lang = turnCtx.lang();
    List<Prompt> out = new ArrayList<>();
    ActionContext ctx = inOrder(turnCtx, out);
    ConversationState st = c.state();
    if (!c.status().open()) {
      out.add(Prompt.say(texts.get(Msg.FINISHED_CONVERSATION, lang)));
      return new Result(out, Handled.Outcome.OVER, Handled.Reason.CONVERSATION_ENDED);
    }
    GlobalWord word = null;
    if (stepRef != null) {
      if (c.status() == Conversation.Status.ACTIVE && !stepRef.equals(currentRef(st))) {
        out.add(Prompt.say(texts.get(Msg.STALE_BUTTON, lang)));
        ask(c, lang, out);
        return new Result(out, Handled.Outcome.STALE, Handled.Reason.EARLIER_QUESTION);
      }
    } else {
      word = GlobalWord.parse(input).orElse(null);
    }
    if (c.status() == Conversation.Status.PAUSED) {
      if (word == GlobalWord.RESUME) {
        c.status(Conversation.Status.ACTIVE);
        out.add(Prompt.say(texts.get(Msg.RESUMED, lang)));
        ask(c, lang, out);
      } else if (word == GlobalWord.CANCEL) {
        cancel(c, lang, out);
      } else if (word == GlobalWord.HELP) {
        help(c, lang, out);
      } else {
        // An answer (typed or clicked) to a paused conversation is not taken.
        out.add(Prompt.say(texts.get(Msg.STILL_PAUSED, lang)));
        return Result.reasked(out, Handled.Reason.PAUSED);
      }
      return Result.accepted(out);
    }
    if (word != null) {
      return globalWord(word, c, ctx, out);
    }
    return answer(c, input, ctx, out);
  }

  /** Ends the conversation at the member's request. */
  public List<Prompt> cancel(Conversation c, Lang lang) {
    List<Prompt> out = new ArrayList<>();
    cancel(c, lang, out);
    return out;
  }

  private Result globalWord(GlobalWord word, Conversation c, ActionContext ctx, List<Prompt> out) throws Exception {
    Lang lang = ctx.lang();
    ConversationState st = c.state();
    Flow flow = flow(c);
    Step step = flow.step(st.step);
    switch (word) {
      case HELP -> help(c, lang, out);
      case PAUSE -> {
        c.status(Conversation.Status.PAUSED);
        out.add(Prompt.say(texts.get(Msg.PAUSED, lang)));
      }
      case RESUME -> {
        out.add(Prompt.say(texts.get(Msg.NOTHING_PAUSED, lang)));
        ask(c, lang, out);
      }
      case CANCEL -> cancel(c, lang, out);
      case SKIP -> {
        if (st.awaitingSharing) {
          // Skipping the sharing question keeps the safe default: private.
          st.answers.put(step.id(), st.answers.get(step.id()).withSharing(Answer.PRIVATE));
          st.awaitingSharing = false;
          out.add(Prompt.say(texts.get(Msg.SHARE_SKIPPED, lang)));
          moveOn(step, c, ctx, out);
        } else if (step.optional()) {
          st.answers.put(step.id(), new Answer(null, null));
          out.add(Prompt.say(texts.get(Msg.SKIPPED, lang)));
          moveOn(step, c, ctx, out);
        } else {
          out.add(Prompt.say(texts.get(Msg.SKIP_REFUSED, lang)));
          ask(c, lang, out);
          return Result.reasked(out, Handled.Reason.NOT_OPTIONAL);
        }
      }
      case BACK -> back(c, ctx, out);
    }
    return Result.accepted(out);
  }

  private void back(Conversation c, ActionContext ctx, List<Prompt> out) throws Exception {
    Lang lang = ctx.lang();
    ConversationState st = c.state();
    Flow flow = flow(c);
    // Back from a sharing question returns to its own step, whose action has not run yet.
    boolean fromSharing = st.awaitingSharing;
    String target;
    if (st.awaitingSharing) {
      st.awaitingSharing = false;
      target = st.step;
    } else if (st.trail.isEmpty()) {
      out.add(Prompt.say(texts.get(Msg.BACK_NOTHING, lang)));
      ask(c, lang, out);
      return;
    } else {
      target = st.trail.remove(st.trail.size() - 1);
    }
    st.step = target;
    String undo = flow.step(target).undo();
    if (undo != null && !fromSharing) {
      // The step recorded its answer elsewhere: its undo takes that back and says what it was
      // (an answer the action refused recorded nothing, and is not quoted).
      run(undo, ctx);
      ask(c, lang, out);
      return;
    }
    Answer previous = st.answers.get(target);
    if (previous != null && !previous.skipped()) {
      out.add(Prompt.say(texts.get(Msg.BACK_PREVIOUS, lang, "answer", shown(flow.step(target), previous.value(), lang))));
    }
    ask(c, lang, out);
  }

  private Result answer(Conversation c, String input, ActionContext ctx, List<Prompt> out) throws Exception {
    Lang lang = ctx.lang();
    ConversationState st = c.state();
    Step step = flow(c).step(st.step);
    if (st.awaitingSharing) {
      String sharing = parser.sharing(input, lang);
      if (sharing == null) {
        out.add(Prompt.say(texts.get(Msg.CHOICE_UNKNOWN, lang, "count", 3)));
        ask(c, lang, out);
        return Result.reasked(out, Handled.Reason.INVALID_ANSWER);
      }
      st.answers.put(step.id(), st.answers.get(step.id()).withSharing(sharing));
      st.awaitingSharing = false;
      return movedOn(step, c, ctx, out);
    }
    Parsed parsed = parser.parse(step, input, lang);
    if (!parsed.accepted()) {
      out.add(Prompt.say(parsed.refusal()));
      ask(c, lang, out);
      return Result.reasked(out, Handled.Reason.INVALID_ANSWER);
    }
    st.answers.put(step.id(), new Answer(parsed.value(), null));
    if (step.share()) {
      st.awaitingSharing = true;
      ask(c, lang, out);
      return Result.accepted(out);
    }
    return movedOn(step, c, ctx, out);
  }

  /** An answer taken by the parser, handed to the step's action: re-asked if the action refused it. */
  private Result movedOn(Step step, Conversation c, ActionContext ctx, List<Prompt> out) throws Exception {
    c.takeAnswerRefused();
    moveOn(step, c, ctx, out);
    return c.takeAnswerRefused() ? Result.reasked(out, Handled.Reason.INVALID_ANSWER) : Result.accepted(out);
  }

  /** After an answer (or a skip) to {@code step}: its action, then the next step. */
  private void moveOn(Step step, Conversation c, ActionContext ctx, List<Prompt> out) throws Exception {
    ConversationState st = c.state();
    // Coming round to a step again (a loop) supersedes the path taken since its last answer,
    // which also keeps the trail no longer than the flow.
    int earlier = st.trail.indexOf(step.id());
    if (earlier >= 0) {
      st.trail.subList(earlier, st.trail.size()).clear();
    }
    st.trail.add(step.id());
    if (step.action() != null) {
      run(step.action(), ctx);
    }
    enter(next(step, c, ctx), c, ctx, out);
  }

  private void enter(String stepId, Conversation c, ActionContext ctx, List<Prompt> out) throws Exception {
    Flow flow = flow(c);
    ConversationState st = c.state();
    String id = stepId;
    // Validation rules out most loops; the guard turns any left into an error, not a hang.
    for (int guard = 0; guard <= flow.steps().size() * 2 + 2; guard++) {
      if (Step.END.equals(id)) {
        finish(c, ctx);
        return;
      }
      Step s = flow.step(id);
      if (!whenHolds(s, st)) {
        id = s.next() != null ? s.next() : flow.following(s);
        continue;
      }
      if (s.kind() == StepKind.MESSAGE) {
        out.add(Prompt.say(s.text().in(ctx.lang())));
        if (s.action() != null && s.branch() == null) {
          run(s.action(), ctx);
        }
        id = next(s, c, ctx);
        continue;
      }
      st.step = s.id();
      st.awaitingSharing = false;
      ask(c, ctx.lang(), out);
      return;
    }
    throw new IllegalStateException(flow.file() + ": the flow loops without asking anything (from step '" + stepId + "')");
  }

  private void finish(Conversation c, ActionContext ctx) throws Exception {
    ConversationState st = c.state();
    st.step = null;
    st.awaitingSharing = false;
    st.answers.keySet().retainAll(st.trail);
    st.recorded = null; // nothing can be taken back once the conversation is over
    c.status(Conversation.Status.DONE);
    for (String action : flow(c).onComplete()) {
      run(action, ctx);
    }
  }

  private void cancel(Conversation c, Lang lang, List<Prompt> out) {
    c.status(Conversation.Status.CANCELLED);
    c.state().step = null;
    c.state().awaitingSharing = false;
    out.add(Prompt.say(texts.get(Msg.CANCELLED, lang, "flow", flow(c).title().in(lang))));
  }

  private void help(Conversation c, Lang lang, List<Prompt> out) {
    Flow flow = flow(c);
    Step step = c.state().step == null ? null : flow.step(c.state().step);
    String words = texts.get(Msg.HELP_WORDS, lang);
    if (c.state().awaitingSharing) {
      // The question asked is who may see the answer just given, not that answer's own question.
      out.add(Prompt.say(texts.get(Msg.SHARE_HELP, lang) + "\n" + words));
      return;
    }
    LocalText help = step != null && step.help() != null ? step.help() : flow.help();
    out.add(Prompt.say(help.in(lang) + "\n" + words));
  }

  private String next(Step s, Conversation c, ActionContext ctx) throws Exception {
    Flow flow = flow(c);
    Step.Branch b = s.branch();
    if (b == null) {
      return s.next() != null ? s.next() : flow.following(s);
    }
    String key;
    if (b.action() != null) {
      key = run(b.action(), ctx);
    } else {
      Answer a = c.state().answers.get(b.on() == null ? s.id() : b.on());
      key = a == null ? null : a.value();
    }
    if (key != null) {
      List<String> picked = Arrays.asList(key.split(","));
      for (Map.Entry<String, String> e : b.cases().entrySet()) {
        if (e.getKey().equals(key) || picked.contains(e.getKey())) {
          return e.getValue();
        }
      }
    }
    return b.otherwise() != null ? b.otherwise() : flow.following(s);
  }

  private static boolean whenHolds(Step s, ConversationState st) {
    for (Map.Entry<String, String> w : s.when().entrySet()) {
      Answer a = st.trail.contains(w.getKey()) ? st.answers.get(w.getKey()) : null;
      if (a == null || a.skipped()) {
        return false;
      }
      if (!a.value().equals(w.getValue()) && !Arrays.asList(a.value().split(",")).contains(w.getValue())) {
        return false;
      }
    }
    return true;
  }

  private String run(String action, ActionContext ctx) throws Exception {
    FlowAction a = actions.get(action);
    if (a == null) {
      throw new IllegalStateException("no Java action is registered under '" + action + "'");
    }
    return a.run(ctx);
  }

  private static String currentRef(ConversationState st) {
    return st.awaitingSharing ? st.step + SHARE_SUFFIX : st.step;
  }

  /** Asks the current question: the step's own, or the sharing question that follows it. */
  private void ask(Conversation c, Lang lang, List<Prompt> out) {
    ConversationState st = c.state();
    if (st.step == null) {
      out.add(Prompt.say(texts.get(Msg.FINISHED_CONVERSATION, lang)));
      return;
    }
    Step s = flow(c).step(st.step);
    if (st.awaitingSharing) {
      List<Option> options = List.of(
          new Option(Answer.PRIVATE, texts.get(Msg.SHARE_PRIVATE, lang)),
          new Option(Answer.COORDINATORS, texts.get(Msg.SHARE_COORDINATORS, lang)),
          new Option(Answer.COLLECTIVE, texts.get(Msg.SHARE_COLLECTIVE, lang)));
      out.add(new Prompt(texts.get(Msg.SHARE_QUESTION, lang), Expects.CHOICE, options, s.id() + SHARE_SUFFIX));
      return;
    }
    StringBuilder text = new StringBuilder(s.text().in(lang));
    List<Option> options = new ArrayList<>();
    Expects expects;
    switch (s.kind()) {
      case SCALE -> {
        expects = Expects.SCALE;
        text.append('\n').append(texts.get(Msg.SCALE_ENDS, lang, "min", s.min(), "min_label", s.minLabel().in(lang),
            "max", s.max(), "max_label", s.maxLabel().in(lang)));
        for (int i = s.min(); i <= s.max(); i++) {
          options.add(new Option(Integer.toString(i), Integer.toString(i)));
        }
      }
      case CHOICE -> {
        expects = Expects.CHOICE;
        s.options().forEach(o -> options.add(new Option(o.value(), o.label().in(lang))));
      }
      case MULTI_CHOICE -> {
        expects = Expects.MULTI_CHOICE;
        text.append('\n').append(texts.get(Msg.MULTI_HINT, lang));
        s.options().forEach(o -> options.add(new Option(o.value(), o.label().in(lang))));
      }
      case CONFIRM -> {
        expects = Expects.CONFIRM;
        options.add(new Option("yes", texts.get(Msg.CONFIRM_YES, lang)));
        options.add(new Option("no", texts.get(Msg.CONFIRM_NO, lang)));
      }
      default -> expects = Expects.TEXT;
    }
    String before = st.previous.get(s.id());
    if (before != null && !before.isEmpty()) {
      text.append('\n').append(texts.get(Msg.PREVIOUS_ANSWER, lang, "answer", Texts.oneLine(shown(s, before, lang), 300)));
    }
    if (s.optional()) {
      text.append('\n').append(texts.get(Msg.OPTIONAL_HINT, lang));
    }
    out.add(new Prompt(text.toString(), expects, options, s.id()));
  }

  /** An answer as the member would recognise it: option labels rather than values. */
  public String shown(Step step, String value, Lang lang) {
    if (value == null) {
      return "";
    }
    return switch (step.kind()) {
      case CHOICE, MULTI_CHOICE -> {
        List<String> labels = new ArrayList<>();
        for (String v : value.split(",")) {
          step.options().stream().filter(o -> o.value().equals(v)).findFirst()
              .ifPresent(o -> labels.add(o.label().in(lang)));
        }
        yield String.join(", ", labels);
      }
      case CONFIRM -> texts.get("yes".equals(value) ? Msg.CONFIRM_YES : Msg.CONFIRM_NO, lang);
      default -> value;
    };
  }
}
