/**
 * How an inbound event becomes one atomic unit.
 *
 * <ol>
 *   <li>An adapter hands the event to {@code Trame.handle}, which queues one job on the one {@link
 *       org.trame.core.storage.Writer}.</li>
 *   <li>The writer takes every job waiting when a transaction starts (and those queued within a
 *       couple of milliseconds) into one transaction on its one connection: group commit.</li>
 *   <li>Each job writes, in that transaction: the dedup row of the event's id ({@link
 *       org.trame.core.storage.EventLog}), the state it changes, and the outbox rows of its replies.</li>
 *   <li>A job that fails is undone alone: on SQLite the batch runs again with a savepoint per job;
 *       on PostgreSQL every job always has one ({@link org.trame.core.storage.GroupTransaction}).</li>
 *   <li>One commit (synchronous=FULL on SQLite), then each job's future completes: the moment the
 *       adapter acknowledges the platform, and the outbox sender may send the replies.</li>
 * </ol>
 *
 * <p>So an acknowledged event is never lost, a rolled-back one sends nothing, and a redelivered one
 * finds its dedup row and changes nothing.
 */
package org.trame.core.storage;
