package org.trame.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.trame.core.storage.Database;
import org.trame.core.storage.EventLog;
import org.trame.core.storage.NamedSavepoint;

/**
 * CPU per job of the two savepoints a turn takes (its job's and the turn's own), in group
 * transactions of 100 jobs of two inserts each, against the same jobs without them: what the
 * writer's one batching path costs, measured on one thread, so that a shared machine's load moves
 * it far less than turns/s. Not a JMH benchmark: run
 * {@code java -cp bench/target/benchmarks.jar org.trame.bench.SavepointCost}.
 */
public final class SavepointCost {

  private SavepointCost() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("trame-savepoints");
    Database db = Database.open(dir.resolve("trame.db"));
    NamedSavepoint job = new NamedSavepoint("job");
    NamedSavepoint turn = new NamedSavepoint("turn_start");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long event = 0;
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      for (int round = 0; round < 6; round++) { // the first two rounds warm up
        for (boolean savepoints : new boolean[] {false, true}) {
          long cpu = threads.getCurrentThreadCpuTime();
          int jobs = 0;
          for (int batch = 0; batch < 300; batch++) {
            for (int i = 0; i < 100; i++, jobs++) {
              if (savepoints) {
                job.open(c);
                turn.open(c);
              }
              EventLog.record(c, "e" + (event++), 1);
              EventLog.record(c, "e" + (event++), 1);
              if (savepoints) {
                turn.release(c);
                job.release(c);
              }
            }
            c.commit();
          }
          if (round > 1) {
            System.out.printf("%-18s %6.2f µs CPU per job%n", savepoints ? "with savepoints" : "without savepoints",
                (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / jobs);
          }
        }
      }
    } finally {
      db.close();
    }
  }
}
