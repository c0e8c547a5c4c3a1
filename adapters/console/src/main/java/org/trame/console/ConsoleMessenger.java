package org.trame.console;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trame.core.port.Messenger;
import org.trame.core.port.Option;
import org.trame.core.port.OutboundMessage;

/**
 * Prints the core's messages with the console contract: every line starts with whom it is for,
 * {@code → alice: …} for a private message and {@code # local: …} for the collective's channel.
 * Choices are numbered; the member answers with the number. A file that goes with a message (a
 * report's chart) is written into a folder and its path printed on a line of the same audience.
 */
public final class ConsoleMessenger implements Messenger {

  public static final String PLATFORM = "console";

  private final PrintStream out;
  private final Path files;

  /** A terminal whose files (charts) are written under {@code files}, created when first needed. */
  public ConsoleMessenger(PrintStream out, Path files) {
    this.out = out;
    this.files = files;
  }

  /** A terminal whose files go to the system's temporary folder. */
  public ConsoleMessenger(PrintStream out) {
    this(out, Path.of(System.getProperty("java.io.tmpdir"), "trame-files"));
  }

  @Override
  public String platform() {
    return PLATFORM;
  }

  /** The terminal's channel is the collective itself ("# local: …"), always there. */
  @Override
  public java.util.Optional<String> configuredChannel(String collective) {
    return java.util.Optional.of(collective);
  }

  @Override
  public void send(OutboundMessage m) throws IOException {
    String prefix = m.audience().isPrivate() ? "→ " + m.audience().id() + ": " : "# " + m.collective() + ": ";
    StringBuilder block = new StringBuilder();
    m.text().lines().forEach(line -> block.append(prefix).append(line).append('\n'));
    switch (m.expects()) {
      case CHOICE, MULTI_CHOICE -> {
        int i = 1;
        for (Option o : m.options()) {
          block.append(prefix).append("  ").append(i++).append(") ").append(o.label()).append('\n');
        }
      }
      case CONFIRM -> {
        StringBuilder line = new StringBuilder(prefix).append(' ');
        int i = 1;
        for (Option o : m.options()) {
          line.append(' ').append(i++).append(") ").append(o.label());
        }
        block.append(line).append('\n');
      }
      default -> { }
    }
    if (m.image() != null) {
      block.append(prefix).append("[").append(m.image().fileName()).append("] ").append(write(m)).append('\n');
    }
    out.print(block);
    out.flush();
  }

  /** The file's path; the outbox id in its name keeps a replay from overwriting another report's. */
  private Path write(OutboundMessage m) throws IOException {
    Files.createDirectories(files);
    String safe = m.image().fileName().replaceAll("[^A-Za-z0-9._-]", "_");
    Path file = files.resolve(m.id() + "-" + safe);
    Files.write(file, m.image().bytes());
    if (m.audience().isPrivate()) {
      // A private file (a member's own data export) is for its owner's eyes only on this machine too.
      try {
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the user's profile directory already keeps it private.
      }
    }
    return file;
  }
}
