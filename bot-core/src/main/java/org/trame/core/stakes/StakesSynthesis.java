package org.trame.core.stakes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.trame.core.engine.Flow;
import org.trame.core.engine.FlowEngine;
import org.trame.core.engine.StepRef;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Texts;
import org.trame.core.nlp.Themes;
import org.trame.core.i18n.MessageKey;

/**
 * Writes a round's synthesis from the answers members chose to share at a given level. It is
 * handed only those answers, so it cannot attribute, quote or count anything kept private.
 */
final class StakesSynthesis {

  /** Free-text questions whose words make up the themes. */
  private static final List<String> THEME_QUESTIONS = ids(StakesFlow.WHY, StakesFlow.BRINGS, StakesFlow.FEAR,
      StakesFlow.EXPECTATIONS, StakesFlow.SKILLS_DETAIL);
  /** What a member says they bring: matched against what others expect (crossed interests). */
  private static final List<String> OFFERS = ids(StakesFlow.BRINGS, StakesFlow.SKILLS_DETAIL, StakesFlow.MONEY_DETAIL);
  /** What a member is after: matched against others' red lines (a shared concern, to talk over: not an antagonism by itself). */
  private static final List<String> PURSUITS = ids(StakesFlow.WHY, StakesFlow.BRINGS, StakesFlow.EXPECTATIONS);
  /** Answers shown word for word when shared with the collective. */
  private static final List<String> SHOWN = ids(StakesFlow.WHY, StakesFlow.BRINGS, StakesFlow.FEAR, StakesFlow.EXPECTATIONS,
      StakesFlow.PURPOSE);
  private static final int MOST_THEMES = 8;
  /** A channel message stays readable: beyond this, a member's red lines are counted, not listed. */
  private static final int MOST_RED_LINES = 12;

  private final FlowEngine engine;
  private final Flow flow;
  private final Texts texts;
  private final Lang lang;

  StakesSynthesis(FlowEngine engine, Lang lang) {
    this.engine = engine;
    this.flow = engine.prompts().flow(StakesFeature.FLOW).orElseThrow();
    this.texts = engine.prompts().texts();
    this.lang = lang;
  }

  String write(MessageKey header, List<StakesRounds.SharedAnswer> shared, int invited, int answered, String ambition, org.trame.core.i18n.Moment next) {
    List<String> out = new ArrayList<>();
    out.add(texts.get(header, lang));
    out.add(texts.get(StakesMsg.STAKES_SYNTHESIS_PARTICIPATION, lang, "answered", answered, "invited", invited));
    out.add(ambition == null ? texts.get(StakesMsg.STAKES_SYNTHESIS_NO_AMBITION, lang)
        : texts.get(StakesMsg.STAKES_SYNTHESIS_AMBITION, lang, "ambition", ambition));
    if (shared.isEmpty()) {
      out.add(texts.get(StakesMsg.STAKES_SYNTHESIS_NOTHING_SHARED, lang));
    } else {
      Map<String, Map<String, String>> byMember = new LinkedHashMap<>();
      Map<String, String> names = new LinkedHashMap<>();
      for (StakesRounds.SharedAnswer a : shared) {
        byMember.computeIfAbsent(a.memberId(), k -> new LinkedHashMap<>()).put(a.question(), a.answer());
        names.put(a.memberId(), a.displayName() == null || a.displayName().isBlank() ? a.memberId() : a.displayName());
      }
      contributions(out, byMember, names);
      redLines(out, byMember, names);
      themes(out, byMember);
      sharedAnswers(out, byMember, names);
    }
    if (next != null) {
      out.add(texts.get(StakesMsg.STAKES_SYNTHESIS_NEXT, lang, "date", next));
    }
    return String.join("\n", out);
  }

  private void contributions(List<String> out, Map<String, Map<String, String>> byMember, Map<String, String> names) {
    List<String> lines = new ArrayList<>();
    int offering = 0;
    int offeringTime = 0;
    for (var e : byMember.entrySet()) {
      Map<String, String> a = e.getValue();
      String contributions = a.get(StakesFlow.CONTRIBUTIONS.id());
      if (contributions == null) {
        continue;
      }
      offering++;
      List<String> parts = new ArrayList<>();
      for (String kind : contributions.split(",")) {
        String label = label(StakesFlow.CONTRIBUTIONS.id(), kind);
        String perMonth = a.get(StakesFlow.TIME_PER_MONTH.id());
        String detail = kind.equals(StakesFlow.TIME) ? (perMonth == null ? null : label(StakesFlow.TIME_PER_MONTH.id(), perMonth))
            : kind.equals(StakesFlow.MONEY) ? a.get(StakesFlow.MONEY_DETAIL.id())
            : kind.equals(StakesFlow.SKILLS) ? a.get(StakesFlow.SKILLS_DETAIL.id()) : null;
        if (kind.equals(StakesFlow.TIME)) {
          offeringTime++;
        }
        parts.add(detail == null ? label : label + " (" + Texts.oneLine(detail, 280) + ")");
      }
      lines.add("• " + names.get(e.getKey()) + " : " + String.join(", ", parts));
    }
    if (lines.isEmpty()) {
      return;
    }
    out.add(texts.get(StakesMsg.STAKES_SYNTHESIS_CONTRIBUTIONS, lang));
    out.addAll(lines);
    if (offeringTime * 2 < offering) {
      out.add(texts.get(StakesMsg.STAKES_SYNTHESIS_UNDER_RESOURCED, lang, "few", offeringTime, "answered", offering));
    }
  }

  private void redLines(List<String> out, Map<String, Map<String, String>> byMember, Map<String, String> names) {
    List<String> lines = new ArrayList<>();
    byMember.forEach((member, a) -> {
      List<String> items = splitList(a.get(StakesFlow.RED_LINES.id()));
      for (String line : items.subList(0, Math.min(items.size(), MOST_RED_LINES))) {
        lines.add("• " + names.get(member) + " : " + Texts.oneLine(line, 280));
      }
      if (items.size() > MOST_RED_LINES) {
        lines.add("• " + names.get(member) + " : … (+" + (items.size() - MOST_RED_LINES) + ")");
      }
    });
    if (!lines.isEmpty()) {
      out.add(texts.get(StakesMsg.STAKES_SYNTHESIS_RED_LINES, lang));
      out.addAll(lines);
    }
  }

  private void themes(List<String> out, Map<String, Map<String, String>> byMember) {
    Map<String, List<String>> texts = new LinkedHashMap<>();
    byMember.forEach((member, a) -> texts.put(member, THEME_QUESTIONS.stream().filter(a::containsKey).map(a::get).toList()));
    List<Themes.Theme> recurring = Themes.recurring(texts, 2, MOST_THEMES);
    if (!recurring.isEmpty()) {
      out.add(this.texts.get(StakesMsg.STAKES_SYNTHESIS_THEMES, lang));
      out.add(recurring.stream().map(t -> t.word() + " (" + t.people() + ")").collect(Collectors.joining(", ")));
      Map<String, List<String>> pursuits = pick(byMember, PURSUITS);
      List<Themes.Theme> common = Themes.recurring(pursuits, 2, MOST_THEMES);
      if (!common.isEmpty()) {
        out.add(this.texts.get(StakesMsg.STAKES_SYNTHESIS_COMMON, lang, "themes",
            common.stream().map(Themes.Theme::word).collect(Collectors.joining(", "))));
      }
    }
    Set<String> crossed = new LinkedHashSet<>();
    byMember.forEach((member, a) -> {
      Set<String> expected = Themes.words(a.get(StakesFlow.EXPECTATIONS.id()));
      byMember.forEach((other, b) -> {
        if (!other.equals(member)) {
          for (String q : OFFERS) {
            Set<String> offered = Themes.words(b.get(q));
            offered.retainAll(expected);
            crossed.addAll(offered);
          }
        }
      });
    });
    if (!crossed.isEmpty()) {
      out.add(this.texts.get(StakesMsg.STAKES_SYNTHESIS_CROSSED, lang, "themes", String.join(", ", crossed)));
    }
    byMember.forEach((member, a) -> {
      for (String redLine : splitList(a.get(StakesFlow.RED_LINES.id()))) {
        Set<String> touched = new LinkedHashSet<>();
        Set<String> limit = Themes.words(redLine);
        byMember.forEach((other, b) -> {
          if (!other.equals(member)) {
            for (String q : PURSUITS) {
              Set<String> sought = Themes.words(b.get(q));
              sought.retainAll(limit);
              touched.addAll(sought);
            }
          }
        });
        if (!touched.isEmpty()) {
          out.add(this.texts.get(StakesMsg.STAKES_SYNTHESIS_SHARED_CONCERN, lang, "red_line", Texts.oneLine(redLine, 280), "themes", String.join(", ", touched)));
        }
      }
    });
  }

  private void sharedAnswers(List<String> out, Map<String, Map<String, String>> byMember, Map<String, String> names) {
    List<String> lines = new ArrayList<>();
    byMember.forEach((member, a) -> {
      for (String q : SHOWN) {
        if (a.containsKey(q)) {
          lines.add("• " + names.get(member) + " — " + question(q) + " " + Texts.oneLine(engine.shown(flow.step(q), a.get(q), lang), 280));
        }
      }
    });
    if (!lines.isEmpty()) {
      out.add(texts.get(StakesMsg.STAKES_SYNTHESIS_SHARED_ANSWERS, lang));
      out.addAll(lines);
    }
  }

  private static Map<String, List<String>> pick(Map<String, Map<String, String>> byMember, List<String> questions) {
    Map<String, List<String>> picked = new LinkedHashMap<>();
    byMember.forEach((member, a) -> picked.put(member, questions.stream().filter(a::containsKey).map(a::get).toList()));
    return picked;
  }

  private String question(String stepId) {
    return flow.step(stepId).text().in(lang).lines().findFirst().orElse(stepId);
  }

  private String label(String stepId, String value) {
    return engine.shown(flow.step(stepId), value, lang);
  }

  private static List<String> ids(StepRef<?>... steps) {
    return java.util.Arrays.stream(steps).map(StepRef::id).toList();
  }

  /** A red-line answer as a list: one item per line, or separated by commas or semicolons. */
  static List<String> splitList(String text) {
    if (text == null) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    for (String item : text.split("[\\n,;]+")) {
      String t = item.strip().replaceFirst("^[-•*]\\s*", "");
      if (!t.isEmpty()) {
        items.add(t);
      }
    }
    return items;
  }
}
