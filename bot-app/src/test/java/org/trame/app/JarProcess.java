package org.trame.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The built trame.jar as a separate process, as a user runs it. */
final class JarProcess {

  static Path jar() {
    // Maven's failsafe sets the property; a harness run by hand from the repository root finds the built jar.
    Path path = Path.of(System.getProperty("trame.jar", "bot-app/target/trame.jar"));
    if (!java.nio.file.Files.isRegularFile(path)) {
      throw new IllegalStateException("no trame.jar at " + path.toAbsolutePath() + ": build it first (mvn -DskipTests package)");
    }
    return path;
  }

  final Process process;
  final List<String> out = java.util.Collections.synchronizedList(new ArrayList<>());
  final List<String> err = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Thread outReader;
  private final Thread errReader;

  JarProcess(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().keySet().removeIf(k -> k.startsWith("TRAME_") || k.startsWith("SLACK_") || k.startsWith("DISCORD_"));
    pb.environment().putAll(env);
    process = pb.start();
    outReader = pump(process.getInputStream(), out);
    errReader = pump(process.getErrorStream(), err);
  }

  private static Thread pump(java.io.InputStream in, List<String> into) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          into.add(line);
        }
      } catch (IOException ignored) {
        // the process was killed
      }
    });
    t.setDaemon(true);
    t.start();
    return t;
  }

  void write(byte[] bytes) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write(bytes);
    in.flush();
  }

  void writeLine(String line) throws IOException {
    write((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Closes stdin and waits for the process to end; returns its exit code. */
  int finish() throws Exception {
    process.getOutputStream().close();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("trame did not finish; output so far:\n" + String.join("\n", out));
    }
    outReader.join(5_000);
    errReader.join(5_000);
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook, no flush, as a crash or an OOM killer would do. */
  void kill() throws Exception {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    outReader.join(5_000);
  }

  /** Waits until some output line contains {@code text}. */
  void awaitOutput(String text, int count) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      synchronized (out) {
        if (out.stream().filter(l -> l.contains(text)).count() >= count) {
          return;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no output containing '" + text + "'; got:\n" + String.join("\n", out) + "\nerr:\n" + String.join("\n", err));
  }
}
