package org.trame.core.map;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.trame.core.access.Access;
import org.trame.core.access.Requester;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.Texts;
import org.trame.core.port.Attachment;

/**
 * What a closed partner map shows, written for one reader: participation; from {@value #SHOWN_FROM}
 * answers up, the zones' counts, every point (a name only where its owner agreed) and the picture,
 * whose alt text is the list of points; on a re-run, how the positions moved. Coordinators also get
 * suggestions from the guide, each naming its sheet. Texts members wrote reach a reader only as far
 * as their sharing allows, and always without their author's name.
 */
final class MapReport {

  /** The fewest answers that are shown at all (DESIGN.md: counts below 3 are never shown). */
  static final int SHOWN_FROM = 3;
  private static final int LONGEST_TEXT = 300;
  private static final int LONGEST_NAME = 40;

  private final Texts texts;
  private final Maps.PartnerMap map;
  private final int invited;
  private final List<Maps.Position> positions;
  private final Maps.PartnerMap previousMap;
  private final List<Maps.Position> previous;

  MapReport(Texts texts, Maps.PartnerMap map, int invited, List<Maps.Position> positions, Maps.PartnerMap previousMap,
      List<Maps.Position> previous) {
    this.texts = texts;
    this.map = map;
    this.invited = invited;
    this.positions = positions;
    this.previousMap = previousMap;
    this.previous = previous == null ? List.of() : previous;
  }

  boolean shown() {
    return positions.size() >= SHOWN_FROM;
  }

  /** Whether the previous map on the topic can be compared with: it too showed its figures. */
  private boolean comparable() {
    return previousMap != null && previous.size() >= SHOWN_FROM;
  }

  /**
   * Whether the map may show the names given: only when no point, or at least {@value #SHOWN_FROM},
   * stay unnamed. With one or two unnamed points among named ones, whoever knows the collective
   * could tell who they are by elimination; then no name is shown at all.
   */
  static boolean namesShown(List<Maps.Position> positions) {
    long unnamed = positions.stream().filter(p -> !p.named()).count();
    return unnamed == 0 || unnamed >= SHOWN_FROM;
  }

  /** Whether the point is shown with its name on this map. */
  private boolean named(Maps.Position p) {
    return p.named() && namesShown(positions);
  }

  /** The name a point is shown with, or null for an unnamed point. */
  private String name(Maps.Position p) {
    return named(p) ? Texts.oneLine(p.displayName(), LONGEST_NAME) : null;
  }

  Map<Zone, Integer> zones() {
    Map<Zone, Integer> counts = new EnumMap<>(Zone.class);
    for (Zone z : Zone.values()) {
      counts.put(z, 0);
    }
    positions.forEach(p -> counts.merge(Zone.of(p), 1, Integer::sum));
    return counts;
  }

  /** The report's text for {@code reader}: the channel, a coordinator. */
  String text(Lang lang, Requester reader) {
    StringBuilder sb = new StringBuilder(texts.get(MapMsg.MAP_REPORT_HEADER, lang, "topic", map.topic()));
    sb.append('\n').append(texts.get(MapMsg.MAP_REPORT_PARTICIPATION, lang, "answered", positions.size(), "invited", invited));
    if (!shown()) {
      sb.append('\n').append(texts.get(MapMsg.MAP_REPORT_FEW, lang, "least", SHOWN_FROM));
      return sb.toString();
    }
    Map<Zone, Integer> zones = zones();
    sb.append('\n').append(texts.get(MapMsg.MAP_REPORT_ZONES, lang, "engaged", zones.get(Zone.ENGAGED), "torn", zones.get(Zone.TORN),
        "hesitant", zones.get(Zone.HESITANT), "passive", zones.get(Zone.PASSIVE), "opposed", zones.get(Zone.OPPOSED)));
    if (!namesShown(positions)) {
      sb.append('\n').append(texts.get(MapMsg.MAP_REPORT_NAMES_WITHHELD, lang, "least", SHOWN_FROM));
    }
    sb.append('\n').append(altText(lang));
    if (comparable()) {
      sb.append('\n').append(texts.get(MapMsg.MAP_REPORT_SHIFT, lang, "before", org.trame.core.i18n.Moment.utc(previousMap.closedAt()),
          "count", previous.size(), "synergy_before", round(mean(previous, true)), "synergy_now", round(mean(positions, true)),
          "antagonism_before", round(mean(previous, false)), "antagonism_now", round(mean(positions, false))));
      for (Maps.Position now : positions) {
        Maps.Position before = namedBefore(now);
        if (before != null) {
          sb.append('\n').append(texts.get(MapMsg.MAP_REPORT_MOVED, lang, "who", name(now), "zone_before",
              texts.get(Zone.of(before).label, lang), "zone_now", texts.get(Zone.of(now).label, lang)));
        }
      }
    } else {
      sb.append('\n').append(texts.get(MapMsg.MAP_REPORT_NO_PREVIOUS, lang));
    }
    appendShared(sb, lang, reader, MapMsg.MAP_SHARED_TURN_AGAINST, true);
    appendShared(sb, lang, reader, MapMsg.MAP_SHARED_COMMITMENTS, false);
    return sb.toString();
  }

  /** The points, one line each: the picture's alt text, and the figures in the message. */
  String altText(Lang lang) {
    StringBuilder sb = new StringBuilder(texts.get(MapMsg.MAP_REPORT_POINTS, lang));
    for (Maps.Position p : ordered()) {
      String who = named(p) ? name(p) : texts.get(MapMsg.MAP_REPORT_UNNAMED, lang);
      sb.append('\n').append(texts.get(MapMsg.MAP_REPORT_POINT, lang, "who", who, "synergy", p.synergy(), "antagonism",
          p.antagonism(), "capacity", p.capacity(), "zone", texts.get(Zone.of(p).label, lang)));
    }
    return sb.toString();
  }

  /** Named points by name, then unnamed ones by position: the order never gives away who an unnamed point is. */
  private List<Maps.Position> ordered() {
    List<Maps.Position> named = new ArrayList<>(positions.stream().filter(this::named).toList());
    named.sort(java.util.Comparator.comparing(p -> name(p).toLowerCase(java.util.Locale.ROOT)));
    List<Maps.Position> unnamed = new ArrayList<>(positions.stream().filter(p -> !named(p)).toList());
    unnamed.sort(java.util.Comparator.comparingDouble(Maps.Position::synergy).thenComparingDouble(Maps.Position::antagonism)
        .thenComparingInt(Maps.Position::capacity));
    named.addAll(unnamed);
    return named;
  }

  /** The member's previous position, when they were shown named on both maps. */
  private Maps.Position namedBefore(Maps.Position now) {
    if (!named(now) || !comparable() || !namesShown(previous)) {
      return null;
    }
    return previous.stream().filter(b -> b.named() && b.memberId().equals(now.memberId())).findFirst().orElse(null);
  }

  private void appendShared(StringBuilder sb, Lang lang, Requester reader, MapMsg header, boolean turnAgainst) {
    List<String> lines = new ArrayList<>();
    for (Maps.Position p : positions) {
      String text = turnAgainst ? p.turnAgainst() : p.commitment();
      String sharing = turnAgainst ? p.turnAgainstSharing() : p.commitmentSharing();
      if (text == null || sharing == null || Access.PRIVATE.equals(sharing)) {
        continue;
      }
      if (Access.read(reader, map.collectiveId(), p.memberId(), sharing).allowed()
          && (Access.COLLECTIVE.equals(sharing) || reader.coordinator())) {
        lines.add(lang == Lang.FR ? "• « " + Texts.oneLine(text, LONGEST_TEXT) + " »" : "• \"" + Texts.oneLine(text, LONGEST_TEXT) + "\"");
      }
    }
    if (!lines.isEmpty()) {
      java.util.Collections.sort(lines); // not in the members' order
      sb.append('\n').append(texts.get(header, lang));
      lines.forEach(l -> sb.append('\n').append(l));
    }
  }

  /** Suggestions for the coordinators, from what the map shows; each names the sheet it comes from. */
  String suggestions(Lang lang) {
    if (!shown()) {
      return null;
    }
    Map<Zone, Integer> zones = zones();
    StringBuilder sb = new StringBuilder(texts.get(MapMsg.MAP_SUGGESTIONS_HEADER, lang));
    if (zones.get(Zone.ENGAGED) > 0) {
      sb.append('\n').append(texts.get(MapMsg.MAP_SUGGEST_LEAN, lang, "count", zones.get(Zone.ENGAGED)));
    }
    int followers = zones.get(Zone.HESITANT) + zones.get(Zone.PASSIVE);
    if (followers > 0) {
      sb.append('\n').append(texts.get(MapMsg.MAP_SUGGEST_INFORM, lang, "count", followers));
    }
    int against = zones.get(Zone.TORN) + zones.get(Zone.OPPOSED);
    if (against > 0) {
      sb.append('\n').append(texts.get(MapMsg.MAP_SUGGEST_POLARISING, lang, "count", against));
    }
    // weak synergy overall, or half the answers passive or opposed: the guide's "adapt the scope, stop if relevant"
    if (mean(positions, true) < 3 || (zones.get(Zone.PASSIVE) + zones.get(Zone.OPPOSED)) * 2 >= positions.size()) {
      sb.append('\n').append(texts.get(MapMsg.MAP_SUGGEST_SCOPE, lang));
    }
    sb.append('\n').append(texts.get(MapMsg.MAP_SUGGEST_SCENARIOS, lang));
    return sb.toString();
  }

  /** The picture, or null below {@value #SHOWN_FROM} answers. */
  Attachment chart(Lang lang) {
    if (!shown()) {
      return null;
    }
    List<MapChart.Point> points = new ArrayList<>();
    for (Maps.Position p : ordered()) {
      points.add(new MapChart.Point(p.antagonism(), p.synergy(), p.capacity(), name(p)));
    }
    List<MapChart.Arrow> arrows = new ArrayList<>();
    if (comparable()) {
      arrows.add(new MapChart.Arrow(mean(previous, false), mean(previous, true), mean(positions, false), mean(positions, true), true, 0));
      for (Maps.Position now : positions) {
        Maps.Position before = namedBefore(now);
        if (before != null) {
          arrows.add(new MapChart.Arrow(before.antagonism(), before.synergy(), now.antagonism(), now.synergy(), false, now.capacity()));
        }
      }
    }
    MapChart.Labels labels = new MapChart.Labels(texts.get(MapMsg.MAP_CHART_TITLE, lang, "topic", Texts.oneLine(map.topic(), 60)),
        texts.get(MapMsg.MAP_CHART_SUBTITLE, lang, "answered", positions.size()), texts.get(MapMsg.MAP_AXIS_ANTAGONISM, lang),
        texts.get(MapMsg.MAP_AXIS_SYNERGY, lang), texts.get(MapMsg.MAP_ZONE_ENGAGED, lang), texts.get(MapMsg.MAP_ZONE_TORN, lang),
        texts.get(MapMsg.MAP_ZONE_HESITANT, lang), texts.get(MapMsg.MAP_ZONE_PASSIVE, lang), texts.get(MapMsg.MAP_ZONE_OPPOSED, lang),
        texts.get(MapMsg.MAP_CHART_MEAN, lang), texts.get(MapMsg.MAP_CHART_PREVIOUS_MEAN, lang));
    return Attachment.png("partner-map.png", MapChart.png(labels, points, arrows), altText(lang));
  }

  static double mean(List<Maps.Position> list, boolean synergy) {
    return list.stream().mapToDouble(p -> synergy ? p.synergy() : p.antagonism()).average().orElse(0);
  }

  private static double round(double d) {
    return Math.round(d * 10) / 10.0;
  }
}
