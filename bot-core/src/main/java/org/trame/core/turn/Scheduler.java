package org.trame.core.turn;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trame.core.engine.FlowEngine;
import org.trame.core.i18n.Lang;
import org.trame.core.port.OutboundMessage;
import org.trame.core.storage.Jobs;
import org.trame.core.storage.Member;
import org.trame.core.storage.Outbox;

/**
 * Fires scheduled jobs that are due, each once: the job's work and its "done" mark commit
 * together. Jobs that came due while the bot was down fire at the first tick after start.
 */
public final class Scheduler {

  private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
  private static final int MOST_PER_TICK = 200;

  private final Clock clock;
  private final FlowEngine engine;
  private final FlowRunner flows;
  private final Map<String, ScheduledTask> tasks;
  private final Lang defaultLang;
  private final CollectiveChannel home;

  public Scheduler(Clock clock, FlowEngine engine, Map<String, ScheduledTask> tasks, Lang defaultLang) {
    this(clock, engine, tasks, defaultLang, ConversationEnded.NOBODY);
  }

  public Scheduler(Clock clock, FlowEngine engine, Map<String, ScheduledTask> tasks, Lang defaultLang,
      ConversationEnded ended) {
    this(clock, engine, tasks, defaultLang, ended, CollectiveChannel.STORED_ONLY);
  }

  public Scheduler(Clock clock, FlowEngine engine, Map<String, ScheduledTask> tasks, Lang defaultLang,
      ConversationEnded ended, CollectiveChannel home) {
    this.home = home;
    this.clock = clock;
    this.engine = engine;
    this.flows = new FlowRunner(engine, ended);
    this.tasks = Map.copyOf(tasks);
    this.defaultLang = defaultLang;
  }

  /** Runs the jobs due now; returns the messages they left in the outbox. */
  public List<OutboundMessage> tick(Connection c) throws SQLException {
    Instant now = clock.instant();
    List<OutboundMessage> stored = new ArrayList<>();
    for (Jobs.Job job : Jobs.due(c, now.toEpochMilli(), MOST_PER_TICK)) {
      ScheduledTask task = tasks.get(job.kind());
      List<OutboundMessage> sink = new ArrayList<>();
      Savepoint sp = c.setSavepoint();
      try {
        if (task == null) {
          log.warn("scheduled job {} has kind '{}', which nothing handles; it is marked done", job.id(), job.kind());
        } else {
          String[] parts = job.collectiveId().split(":", 2);
          Member nobody = new Member(job.collectiveId(), "", null, null, null, null);
          TurnContext t = new TurnContext(c, now, parts[0], parts[1], job.collectiveId(), nobody, defaultLang, false,
              engine.prompts().texts(), flows, sink, home, null, false);
          task.run(t, job.payload());
        }
        c.releaseSavepoint(sp);
      } catch (Exception e) {
        c.rollback(sp);
        c.releaseSavepoint(sp);
        if (org.trame.core.storage.Sql.isPostgresql(c) && org.trame.core.storage.Writer.lostRace(e)) {
          // Another process held what the job needed (PostgreSQL): not the job's failure. The
          // whole tick is rolled back and runs again, so the job still fires, once.
          throw new SQLException("scheduled job " + job.id() + " lost a race with another process", e);
        }
        // A failing job must not fire again and again: it is logged and marked done.
        log.error("scheduled job {} ({}) failed; its changes were rolled back", job.id(), job.kind(), e);
        sink.clear();
      }
      Jobs.done(c, job.id(), now.toEpochMilli());
      for (OutboundMessage m : sink) {
        stored.add(Outbox.add(c, job.collectiveId(), m, now.toEpochMilli()));
      }
    }
    return stored;
  }
}
