package org.trame.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Kills the built bot with SIGKILL at random moments while members answer, and checks that nothing
 * acknowledged is lost, nothing is recorded twice, and every conversation goes on at the right step.
 *
 * <p>The script interleaves, at random but seeded, several members: some answer a check-in round a
 * coordinator opened, others the stakes questionnaire; every free-text answer carries a unique
 * marker. After each script line the harness writes a probe line ({@code zprobe: /trame lang en});
 * the writer commits events in the order the terminal submits them, so the probe's reply on stdout
 * proves that every line before it is committed: those lines are the acknowledged log.
 *
 * <p>Each run: start trame.jar on a fresh database, stream the script (a random number of probes
 * in flight), SIGKILL it once a random number of probes were answered (plus a random few ms),
 * then check the database file against the acknowledged log (each acknowledged marker present, no
 * marker anywhere twice); restart, replay the whole script as the README tells an operator to
 * (lines already handled are skipped), and compare the final database with a run that was never
 * killed.
 *
 * <p>Run: {@code mvn -B -q -o -DskipTests package && java -cp bot-app/target/trame.jar:bot-app/target/test-classes
 * org.trame.app.CrashHarness --runs 20}
 */
public final class CrashHarness {

  static final String COORDINATOR = "carol";
  static final String PROBE = "zprobe";
  static final String PROBE_LINE = PROBE + ": /trame lang en";
  /** The probe's whole reply line: the probe is also a member invited to the check-in, whose questions must not count. */
  static final String PROBE_REPLY = "→ " + PROBE + ": Noted: I will speak English with you.";
  /** Tables that hold what members said (the outbox only repeats it back to them). */
  static final List<String> ANSWER_TABLES = List.of("conversation", "stakes_answer", "checkin_answer", "conflict_case",
      "conflict_party", "conflict_solution", "conflict_rating", "conflict_action");
  /** A need conflict from its opening to its dated plan: its lines keep their order (each step waits for both parties). */
  static final java.nio.file.Path CONFLICT = java.nio.file.Path.of("data", "transcripts", "conflict-need.txt");

  private final Path work;
  private final long seed;
  private final List<String> script;
  private List<String> reference;

  CrashHarness(Path work, long seed) throws java.io.IOException {
    this.work = work;
    this.seed = seed;
    this.script = script(new Random(seed), conflict());
  }

  /** The conflict transcript's lines, from the repository root or from a module folder (Maven's). */
  static List<String> conflict() throws java.io.IOException {
    Path file = Files.exists(CONFLICT) ? CONFLICT : Path.of("..").resolve(CONFLICT);
    List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    List<String> marked = new ArrayList<>();
    int n = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String member = line.substring(0, line.indexOf(": "));
      String text = line.substring(member.length() + 2);
      boolean free = text.split("\\s+").length >= 4 && !text.startsWith("/trame");
      // A wording its author then takes back (a judgement rephrased, a draft refused) is not kept, by design.
      String theirNext = lines.subList(i + 1, lines.size()).stream().filter(l -> l.startsWith(member + ": ")).findFirst().orElse("");
      boolean takenBack = text.startsWith("You are") || theirNext.equals(member + ": no");
      marked.add(free && !takenBack ? line + " [conflict-" + (++n) + "]" : line);
    }
    return marked;
  }

  public static void main(String[] args) throws Exception {
    int runs = 20;
    long seed = System.currentTimeMillis();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> {
          System.err.println("usage: CrashHarness [--runs N] [--seed S]");
          System.exit(2);
        }
      }
    }
    Path work = Files.createTempDirectory("trame-crash");
    try {
      new CrashHarness(work, seed).runs(runs, System.out);
      System.out.println("OK: " + runs + " kills, nothing acknowledged lost, nothing twice, every conversation at the right step");
    } catch (AssertionError e) {
      System.out.println("FAILED (seed " + seed + "): " + e.getMessage());
      System.exit(1);
    } finally {
      delete(work);
    }
  }

  /** Runs the reference once, then {@code runs} kills; throws an AssertionError on the first broken promise. */
  void runs(int runs, java.io.PrintStream log) throws Exception {
    log.println("seed " + seed + ": " + script.size() + " lines (with probes), " + markers(script).size() + " marked answers");
    reference = referenceRun();
    Random random = new Random(seed * 31 + 7);
    for (int run = 1; run <= runs; run++) {
      String outcome = killAndReplay(run, random);
      log.println("run " + run + ": " + outcome);
    }
  }

  /** The final state of a run that was never killed. */
  List<String> referenceRun() throws Exception {
    Path db = work.resolve("reference.db");
    JarProcess bot = new JarProcess(env(db));
    bot.write(joined(script));
    check(bot.finish() == 0, "the reference run failed: " + String.join("\n", bot.err));
    return finalState(db);
  }

  String killAndReplay(int run, Random random) throws Exception {
    Path db = work.resolve("run" + run + ".db");
    int totalProbes = (int) script.stream().filter(PROBE_LINE::equals).count();
    int killAfter = random.nextInt(totalProbes);
    int window = 1 + random.nextInt(8);
    // when the bot is killed at a random moment while lines are in flight
    JarProcess first = new JarProcess(env(db));
    int acknowledgedProbes = 0;
    int written = 0;
    int probesWritten = 0;
    while (acknowledgedProbes < killAfter || written == 0) {
      acknowledgedProbes = probeReplies(first);
      while (written < script.size() && probesWritten - acknowledgedProbes < window) {
        String line = script.get(written++);
        first.writeLine(line);
        if (line.equals(PROBE_LINE)) {
          probesWritten++;
        }
      }
      if (!first.process.isAlive()) {
        throw new AssertionError("run " + run + ": the bot stopped by itself: " + String.join("\n", first.err));
      }
      Thread.sleep(2);
    }
    Thread.sleep(random.nextInt(30));
    acknowledgedProbes = probeReplies(first); // read before the kill: anything seen now was committed
    first.kill();
    List<String> acknowledged = upToProbe(acknowledgedProbes);
    // then every acknowledged answer is in the file, and no answer is there twice
    Map<String, Integer> twice = new TreeMap<>();
    Map<String, Integer> counts = markerCounts(db, markers(script), twice);
    for (String marker : readableMarkers(acknowledged)) {
      check(counts.get(marker) >= 1, "run " + run + ": acknowledged answer " + marker + " is not in the database");
    }
    check(twice.isEmpty(), "run " + run + ": answers recorded more than once: " + twice);
    // and replaying the script after a restart ends exactly as a run that was never killed
    JarProcess second = new JarProcess(env(db));
    second.write(joined(script));
    check(second.finish() == 0, "run " + run + ": the replay failed: " + String.join("\n", second.err));
    List<String> state = finalState(db);
    if (!state.equals(reference)) {
      List<String> missing = new ArrayList<>(reference);
      missing.removeAll(state);
      List<String> extra = new ArrayList<>(state);
      extra.removeAll(reference);
      throw new AssertionError("run " + run + " (killed after " + acknowledgedProbes + " acknowledged lines): the final state differs"
          + " from a run never killed; missing " + missing + ", unexpected " + extra);
    }
    return "killed after " + acknowledgedProbes + "/" + totalProbes + " acknowledged lines (" + (probesWritten - acknowledgedProbes)
        + " more written), " + markers(acknowledged).size() + " acknowledged answers all kept once; replay ends as the reference";
  }

  private List<String> upToProbe(int probes) {
    List<String> lines = new ArrayList<>();
    int seen = 0;
    for (String line : script) {
      if (seen == probes) {
        break;
      }
      if (line.equals(PROBE_LINE)) {
        seen++;
      } else {
        lines.add(line);
      }
    }
    return lines;
  }

  private static int probeReplies(JarProcess bot) {
    synchronized (bot.out) {
      return (int) bot.out.stream().filter(PROBE_REPLY::equals).count();
    }
  }

  /**
   * The script: the coordinator and two members are known when the coordinator opens a check-in
   * round; those three answer it (one remark kept, one private, one skipped) while two members
   * who arrive later fill in the stakes questionnaire and two others go through a need conflict
   * the coordinator opens for them, all interleaved; the round is closed at the end.
   */
  static List<String> script(Random random, List<String> conflict) {
    List<List<String>> perMember = new ArrayList<>();
    perMember.add(new ArrayList<>(List.of("ana: 4", "ana: 4", "ana: 3", "ana: 5",
        "ana: We should share the minutes earlier [checkin-ana-1]", "ana: yes")));
    perMember.add(new ArrayList<>(List.of("ben: 5", "ben: 3", "ben: 2", "ben: 4", "ben: skip")));
    perMember.add(new ArrayList<>(List.of("carol: 3", "carol: 5", "carol: 4", "carol: 4",
        "carol: Only between us: I am tired (she declines to show it, so it is not kept)", "carol: no")));
    for (String member : List.of("chloe", "dan")) {
      List<String> lines = new ArrayList<>();
      lines.add(member + ": /trame lang en");
      lines.add(member + ": /trame stakes");
      int n = 0;
      for (String answer : List.of("We want our association to weigh more", "3", "Visibility and know-how", "2",
          "That our main funder backs the collective instead of us", "1", "skip", "1,3", "1", "2", "1",
          "Facilitation of workshops", "2", "That everyone comes to the monthly meeting", "3", "4", "1", "yes")) {
        boolean free = answer.chars().anyMatch(Character::isLetter) && !answer.equals("skip") && !answer.equals("yes");
        lines.add(member + ": " + (free ? answer + " [stakes-" + member + "-" + (++n) + "]" : answer));
      }
      perMember.add(lines);
    }
    perMember.add(new ArrayList<>(conflict.stream().filter(l -> !l.startsWith(COORDINATOR + ": /trame lang")).toList()));
    List<String> lines = new ArrayList<>(List.of("ana: /trame lang en", "ben: /trame lang en", COORDINATOR + ": /trame lang en",
        COORDINATOR + ": /trame checkin now"));
    while (perMember.stream().anyMatch(l -> !l.isEmpty())) {
      List<String> next = perMember.get(random.nextInt(perMember.size()));
      if (!next.isEmpty()) {
        lines.add(next.remove(0));
      }
    }
    lines.add(COORDINATOR + ": /trame checkin close");
    List<String> withProbes = new ArrayList<>();
    for (String line : lines) {
      withProbes.add(line);
      withProbes.add(PROBE_LINE);
    }
    return withProbes;
  }

  /**
   * The markers of acknowledged answers that are kept readable. A check-in remark is sealed as soon
   * as it is written and kept in clear only once its author consents, by her next answer: until
   * that answer is acknowledged, its marker is rightly nowhere in clear.
   */
  static List<String> readableMarkers(List<String> acknowledged) {
    List<String> readable = new ArrayList<>();
    for (int i = 0; i < acknowledged.size(); i++) {
      List<String> marker = markers(List.of(acknowledged.get(i)));
      if (marker.isEmpty()) {
        continue;
      }
      if (marker.get(0).startsWith("[checkin-")) {
        String author = acknowledged.get(i).substring(0, acknowledged.get(i).indexOf(':') + 1);
        if (acknowledged.subList(i + 1, acknowledged.size()).stream().noneMatch(l -> l.startsWith(author))) {
          continue;
        }
      }
      readable.add(marker.get(0));
    }
    return readable;
  }

  static List<String> markers(List<String> lines) {
    List<String> markers = new ArrayList<>();
    for (String line : lines) {
      int at = line.lastIndexOf(" [");
      if (at > 0 && line.endsWith("]")) {
        markers.add(line.substring(at + 1));
      }
    }
    return markers;
  }

  /**
   * How many times each marker occurs in what members said. A saved answer sits both in its
   * conversation and in its register (a conflict's wording both as draft and as approved), so once
   * per column is right; a column holding a marker twice is put in {@code twice}.
   */
  static Map<String, Integer> markerCounts(Path db, List<String> markers, Map<String, Integer> twice) throws Exception {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      for (String marker : markers) {
        int total = 0;
        for (String table : ANSWER_TABLES) {
          List<String> columns = textColumns(c, table);
          if (columns.isEmpty()) {
            continue;
          }
          for (String col : columns) {
            String sum = "SELECT COALESCE(SUM((LENGTH(COALESCE(" + col + ", '')) - LENGTH(REPLACE(COALESCE(" + col
                + ", ''), ?, ''))) / LENGTH(?)), 0) FROM " + table;
            try (var ps = c.prepareStatement(sum)) {
              ps.setString(1, marker);
              ps.setString(2, marker);
              try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int n = rs.getInt(1);
                if (n > 1) {
                  twice.put(marker + " in " + table + "." + col, n);
                }
                total += n;
              }
            }
          }
        }
        counts.put(marker, total);
      }
    }
    return counts;
  }

  private static List<String> textColumns(Connection c, String table) throws Exception {
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
      while (rs.next()) {
        String type = String.valueOf(rs.getString("TYPE_NAME")).toUpperCase();
        if (type.contains("TEXT")) {
          columns.add(rs.getString("COLUMN_NAME"));
        }
      }
    }
    return columns;
  }

  /**
   * Every row of the answer tables, sorted, without the columns that record when things happened
   * nor check-in answers' ids (random on purpose, so that their order tells nothing of who answered)
   * and author tags (keyed by each database's own key file, so they differ from run to run).
   */
  static List<String> finalState(Path db) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      for (String table : ANSWER_TABLES) {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            StringBuilder row = new StringBuilder(table);
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              String name = meta.getColumnName(i);
              if (!name.endsWith("_at") && !(table.equals("checkin_answer") && (name.equals("id") || name.equals("author_tag")))) {
                row.append('|').append(name).append('=').append(rs.getString(i));
              }
            }
            rows.add(row.toString());
          }
        }
      }
    }
    rows.sort(null);
    return rows;
  }

  private static Map<String, String> env(Path db) {
    return Map.of("TRAME_DB", db.toString(), "TRAME_COORDINATORS", COORDINATOR);
  }

  private static byte[] joined(List<String> lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static void check(boolean condition, String failure) {
    if (!condition) {
      throw new AssertionError(failure);
    }
  }

  static void delete(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
