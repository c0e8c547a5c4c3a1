/**
 * How an inbound event becomes one atomic unit (one path, on SQLite and PostgreSQL alike).
 *
 * <ol>
 *   <li>An adapter hands the event to {@code Trame.handle}, which queues one job on the one {@link
 *       org.trame.core.storage.Writer}.</li>
 *   <li>Whoever runs the next batch (the writer's thread, or a caller waiting on SQLite) drains the
 *       queue into one transaction; jobs queued within a couple of milliseconds join it.</li>
 *   <li>Each job runs inside its own savepoint and writes: the dedup row of the event's id ({@link
 *       org.trame.core.storage.EventLog}), the state it changes, the outbox rows of its replies.</li>
 *   <li>A job that fails is rolled back to its savepoint: undone alone, its neighbours kept. A
 *       failure of the file itself (disk full, I/O) refuses the whole batch instead.</li>
 *   <li>One commit (synchronous=FULL on SQLite), then each job's future completes: the moment the
 *       adapter acknowledges the platform, and the outbox sender may send the replies.</li>
 * </ol>
 *
 * <p>So an acknowledged event is never lost, a rolled-back one sends nothing, and a redelivered one
 * finds its dedup row and changes nothing ({@link org.trame.core.storage.GroupTransaction}).
 */
package org.trame.core.storage;
