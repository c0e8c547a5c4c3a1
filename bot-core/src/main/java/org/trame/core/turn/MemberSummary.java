package org.trame.core.turn;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.trame.core.engine.Conversation;
import org.trame.core.engine.FlowEngine;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Msg;
import org.trame.core.i18n.Texts;
import org.trame.core.storage.Member;
import org.trame.core.storage.Members;
import org.trame.core.storage.Sql;

/**
 * A member's own page (Slack's App Home, for one): their open conversations and what each
 * feature says they hold, in their language. It reads only that member's data.
 */
public final class MemberSummary {

  private final Clock clock;
  private final FlowEngine engine;
  private final List<Feature> features;
  private final Lang defaultLang;

  public MemberSummary(Clock clock, FlowEngine engine, List<Feature> features, Lang defaultLang) {
    this.clock = clock;
    this.engine = engine;
    this.features = List.copyOf(features);
    this.defaultLang = defaultLang;
  }

  public String of(Connection c, String platform, String collective, String memberId, Lang fallback) throws Exception {
    String collectiveId = platform + ":" + collective;
    Member m = Members.find(c, collectiveId, memberId);
    Lang lang = m == null ? (fallback != null ? fallback : defaultLang) : Lang.parse(m.lang()).orElse(fallback != null ? fallback : defaultLang);
    Texts texts = engine.prompts().texts();
    List<String> lines = new ArrayList<>();
    lines.add(Help.of(org.trame.core.port.CommandCatalogue.packaged(), texts, lang, false));
    if (m == null) {
      return String.join("\n", lines);
    }
    List<String> open = new ArrayList<>();
    try (var rs = Sql.query(c, "SELECT flow, step, status FROM conversation WHERE collective_id = ? AND member_id = ?"
        + " AND status IN ('active', 'paused') ORDER BY updated_at DESC", collectiveId, memberId).executeQuery()) {
      while (rs.next()) {
        String flowId = rs.getString(1);
        String stepId = rs.getString(2);
        boolean paused = Conversation.Status.PAUSED.name().equalsIgnoreCase(rs.getString(3));
        var flow = engine.prompts().flow(flowId);
        String title = flow.map(f -> f.title().in(lang)).orElse(flowId);
        String question = flow.map(f -> f.step(stepId)).map(s -> Texts.oneLine(s.text().in(lang).lines().findFirst().orElse(""), 120))
            .orElse("");
        open.add("• " + title + (paused ? " (pause)" : "") + (question.isEmpty() ? "" : " — " + question));
      }
    }
    lines.add("");
    lines.add(texts.get(open.isEmpty() ? Msg.HOME_NO_OPEN_CONVERSATION : Msg.HOME_OPEN_CONVERSATIONS, lang));
    lines.addAll(open);
    TurnContext t = new TurnContext(c, clock.instant(), platform, collective, collectiveId, m, lang, false, texts,
        new FlowRunner(engine), new ArrayList<>(), CollectiveChannel.STORED_ONLY, null, false);
    for (Feature f : features) {
      List<String> section = f.summary(t);
      if (!section.isEmpty()) {
        lines.add("");
        lines.addAll(section);
      }
    }
    return String.join("\n", lines);
  }
}
