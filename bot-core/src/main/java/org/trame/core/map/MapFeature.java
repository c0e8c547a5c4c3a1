package org.trame.core.map;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trame.core.access.Requester;
import org.trame.core.engine.ActionContext;
import org.trame.core.engine.Answer;
import org.trame.core.engine.Conversation;
import org.trame.core.engine.FlowAction;
import org.trame.core.engine.FlowContract;
import org.trame.core.i18n.Moment;
import org.trame.core.i18n.Texts;
import org.trame.core.port.Audience;
import org.trame.core.storage.Conversations;
import org.trame.core.storage.Jobs;
import org.trame.core.storage.Member;
import org.trame.core.storage.Members;
import org.trame.core.turn.Command;
import org.trame.core.turn.Feature;
import org.trame.core.turn.ScheduledTask;
import org.trame.core.turn.TurnContext;

/**
 * The partner map (seed 004, tool sheet 1: sociodynamics). A coordinator opens a map on a topic
 * ({@code map <topic>}); each member answers privately where they stand on it: synergy and
 * antagonism, each rational and affective, their capacity to act, what would turn them against it
 * and the commitment they can keep. At the deadline or on {@code map close}, the collective gets the
 * picture (from three answers up; a name only where its owner agreed) and the coordinators get
 * suggestions from the guide. A later map on the same topic shows how positions moved.
 */
public final class MapFeature implements Feature {

  static final String SAVE = "map.save";
  static final String CLOSE = "map.close";
  /** How long a map stays open, as a stakes round's default. */
  static final Duration OPEN_FOR = Duration.ofDays(7);
  static final int LONGEST_TOPIC = 200;

  private org.trame.core.engine.FlowEngine engine;

  /** The engine is built after features register their actions; it is handed back here. */
  public void engine(org.trame.core.engine.FlowEngine flowEngine) {
    this.engine = flowEngine;
  }

  @Override
  public List<MapMsg> messages() {
    return List.of(MapMsg.values());
  }

  @Override
  public Map<String, Command> commands() {
    return Map.of(MapFlow.FLOW, Command.of(MapFlow.FLOW, this::map));
  }

  @Override
  public Map<String, FlowAction> actions() {
    return Map.of(SAVE, this::save);
  }

  @Override
  public List<FlowContract> contracts() {
    return MapFlow.ALL;
  }

  @Override
  public Map<String, ScheduledTask> tasks() {
    return Map.of(CLOSE, (t, payload) -> {
      Maps.PartnerMap map = Maps.find(t.connection(), Jobs.roundOf(payload));
      if (map != null && map.closedAt() == null) {
        close(t, map);
      }
    });
  }

  @Override
  public List<String> summary(TurnContext t) throws Exception {
    int answered = Maps.answeredBy(t.connection(), t.collectiveId(), t.member().memberId());
    return answered == 0 ? List.of() : List.of(t.texts().get(MapMsg.MAP_HOME, t.lang(), "count", answered));
  }

  /** {@code map <topic>} and {@code map close}. */
  private void map(TurnContext t, List<String> args) throws Exception {
    String sub = args.isEmpty() ? "" : args.get(0).toLowerCase(Locale.ROOT);
    if (sub.equals("close") && args.size() == 1) {
      if (!t.coordinatorCommand("map close", null)) {
        return;
      }
      Maps.PartnerMap open = Maps.openMap(t.connection(), t.collectiveId());
      if (open == null) {
        t.say(MapMsg.MAP_NONE_OPEN);
        return;
      }
      close(t, open);
      t.say(MapMsg.MAP_CLOSED, "topic", open.topic());
      return;
    }
    if (!t.coordinatorCommand("map", null)) {
      return;
    }
    String topic = Texts.oneLine(String.join(" ", args), 10_000);
    if (topic.length() < 2 || topic.length() > LONGEST_TOPIC) {
      t.say(MapMsg.MAP_USAGE);
      return;
    }
    open(t, topic);
  }

  private void open(TurnContext t, String topic) throws Exception {
    Connection c = t.connection();
    Maps.PartnerMap already = Maps.openMap(c, t.collectiveId());
    if (already != null) {
      t.say(MapMsg.MAP_ALREADY_OPEN, "topic", already.topic());
      return;
    }
    List<Member> members = Members.all(c, t.collectiveId()).stream()
        .filter(m -> uncheckedWithdrawn(c, t.collectiveId(), m.memberId()) == null).toList();
    if (members.isEmpty()) {
      t.say(MapMsg.MAP_NO_MEMBERS);
      return;
    }
    Instant deadline = t.now().plus(OPEN_FOR);
    long id = Maps.open(c, t.collectiveId(), topic, t.member().memberId(), t.now().toEpochMilli(), deadline.toEpochMilli());
    t.schedule(CLOSE, deadline, Jobs.roundPayload(id));
    t.say(MapMsg.MAP_OPENED, "topic", topic, "count", members.size(), "deadline", Moment.utc(deadline.toEpochMilli()));
    List<Member> coordinators = Members.coordinators(c, t.collectiveId());
    for (Member m : members) {
      TurnContext theirs = m.memberId().equals(t.member().memberId()) ? t
          : t.as(m, coordinators.stream().anyMatch(x -> x.memberId().equals(m.memberId())), t.lang());
      theirs.say(MapMsg.MAP_INVITE, "topic", topic, "deadline", Moment.utc(deadline.toEpochMilli()));
      Conversation conversation = theirs.flows().start(theirs, MapFlow.FLOW);
      Maps.invite(c, id, m.memberId(), conversation == null ? null : conversation.id());
    }
  }

  private static Long uncheckedWithdrawn(Connection c, String collectiveId, String memberId) {
    try {
      return Members.withdrawnAt(c, collectiveId, memberId);
    } catch (java.sql.SQLException e) {
      throw new org.trame.core.storage.StorageException("reading whether a member withdrew failed", e);
    }
  }

  /** The member finished: their position is kept for the map, with their consent to be named. */
  private String save(ActionContext ctx) throws Exception {
    Conversation c = ctx.conversation();
    Maps.PartnerMap map = Maps.ofConversation(ctx.connection(), c.id());
    if (map == null || map.closedAt() != null) {
      ctx.send(Audience.member(c.memberId()), engine.prompts().texts().get(MapMsg.MAP_SAVED_AFTER_CLOSE, ctx.lang()));
      return null;
    }
    Answer turnAgainst = c.state().onPath().get(MapFlow.TURN_AGAINST.id());
    Answer commitment = c.state().onPath().get(MapFlow.COMMITMENT.id());
    String against = MapFlow.TURN_AGAINST.onPath(c);
    String committed = MapFlow.COMMITMENT.onPath(c);
    Maps.Position p = new Maps.Position(c.memberId(), null, MapFlow.SYNERGY_RATIONAL.onPath(c), MapFlow.SYNERGY_AFFECTIVE.onPath(c),
        MapFlow.ANTAGONISM_RATIONAL.onPath(c), MapFlow.ANTAGONISM_AFFECTIVE.onPath(c), MapFlow.INFLUENCE.onPath(c),
        MapFlow.MOBILISE.onPath(c), MapFlow.NAMED.yesOnPath(c), against == null ? null : against.strip(),
        against == null || turnAgainst == null ? null : turnAgainst.sharingOrPrivate(), committed == null ? null : committed.strip(),
        committed == null || commitment == null ? null : commitment.sharingOrPrivate());
    Maps.answer(ctx.connection(), map.id(), c.memberId(), p, ctx.now().toEpochMilli());
    return null;
  }

  /** Closes the map now: unfinished conversations stop, the report goes out. */
  static void close(TurnContext t, Maps.PartnerMap map) throws Exception {
    Connection c = t.connection();
    long now = t.now().toEpochMilli();
    Maps.close(c, map.id(), now);
    Jobs.cancel(c, t.collectiveId(), CLOSE, Jobs.roundPayload(map.id()), now);
    List<Maps.Invitee> invitees = Maps.invitees(c, map.id());
    for (Maps.Invitee i : invitees) {
      Conversation open = i.answeredAt() == null && i.conversationId() != null ? Conversations.find(c, i.conversationId()) : null;
      Member m = open != null && open.status().open() ? Members.find(c, t.collectiveId(), i.memberId()) : null;
      if (m != null) {
        TurnContext theirs = m.memberId().equals(t.member().memberId()) ? t : t.as(m, false, t.lang());
        theirs.say(MapMsg.MAP_CLOSED_UNFINISHED, "topic", map.topic());
        theirs.flows().cancel(theirs, open);
      }
    }
    Maps.PartnerMap closed = Maps.find(c, map.id());
    Maps.PartnerMap previousMap = Maps.previous(c, closed);
    MapReport report = new MapReport(t.texts(), closed, invitees.size(), Maps.positions(c, map.id()), previousMap,
        previousMap == null ? null : Maps.positions(c, previousMap.id()));
    t.post(report.text(t.lang(), Requester.channel(t.collectiveId())), report.chart(t.lang()));
    for (Member coordinator : Members.coordinators(c, t.collectiveId())) {
      TurnContext theirs = t.asCoordinator(coordinator);
      String text = report.text(theirs.lang(), theirs.requester());
      String suggestions = report.suggestions(theirs.lang());
      theirs.say(suggestions == null ? text : text + "\n\n" + suggestions, report.chart(theirs.lang()));
    }
  }
}
