package org.trame.console;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.trame.core.port.Mentions;
import org.trame.core.port.Messenger;
import org.trame.core.port.Option;
import org.trame.core.port.OutboundMessage;

/**
 * Prints the core's messages with the console contract: every line starts with whom it is for,
 * {@code → alice: …} for a private message and {@code # local: …} for the collective's channel.
 * Choices are numbered; the member answers with the number. A file that goes with a message (a
 * report's chart) is written into a folder and its path printed on a line of the same audience.
 *
 * <p>Texts hold members' words, so what would drive the terminal is removed before printing
 * (escape sequences, control characters, bidi overrides: see {@link #printable}), every kind of
 * line break starts a new line that gets the recipient's prefix too, and an option label stays
 * on its own line: a member cannot forge a {@code # local: …} or {@code → bob: …} line. A member
 * the bot names shows as {@code @id}.
 */
public final class ConsoleMessenger implements Messenger {

  public static final String PLATFORM = "console";

  /**
   * Escape sequences, whole: CSI (ESC [ or 0x9B … final byte), OSC and other strings when
   * terminated on their line (… BEL or ESC \; an unterminated one loses only its introducer, not
   * the words after it), and two-byte ESC x.
   */
  private static final Pattern ESCAPES = Pattern.compile(
      "(?:\\x1B\\[|\\x9B)[0-?]*[ -/]*[@-~]?"
          + "|(?:\\x1B[\\]PX^_]|[\\x90\\x98\\x9D\\x9E\\x9F])[^\\x07\\x1B\\x9C\\n]*(?:\\x07|\\x1B\\\\|\\x9C)"
          + "|\\x1B[ -~]?");
  /** What a terminal may take as a line break: each one starts a new, prefixed line. */
  private static final Pattern BREAKS = Pattern.compile("\\r\\n|[\\r\\x0B\\x0C\\x85\\u2028\\u2029]");
  /** The other controls (C0 but tab and newline, DEL, C1) and the bidi embeddings, overrides and isolates. */
  private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x08\\x0E-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]");

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
    String prefix = m.audience().isPrivate() ? "→ " + oneLine(m.audience().id()) + ": " : "# " + oneLine(m.collective()) + ": ";
    StringBuilder block = new StringBuilder();
    printable(m.text()).lines().forEach(line -> block.append(prefix).append(line).append('\n'));
    switch (m.expects()) {
      case CHOICE, MULTI_CHOICE -> {
        int i = 1;
        for (Option o : m.options()) {
          block.append(prefix).append("  ").append(i++).append(") ").append(oneLine(o.label())).append('\n');
        }
      }
      case CONFIRM -> {
        StringBuilder line = new StringBuilder(prefix).append(' ');
        int i = 1;
        for (Option o : m.options()) {
          line.append(' ').append(i++).append(") ").append(oneLine(o.label()));
        }
        block.append(line).append('\n');
      }
      default -> { }
    }
    if (m.image() != null) {
      block.append(prefix).append("[").append(oneLine(m.image().fileName())).append("] ").append(write(m)).append('\n');
    }
    out.print(block);
    out.flush();
  }

  /**
   * {@code text} as the terminal may show it: mention tokens as {@code @id}, escape sequences and
   * control characters removed, every line break a plain newline (tabs kept).
   */
  static String printable(String text) {
    return Mentions.render(text, ConsoleMessenger::clean, id -> "@" + clean(id));
  }

  /** {@code text} on one line: its line breaks become spaces (an option label, a name). */
  static String oneLine(String text) {
    return printable(text).replace('\n', ' ');
  }

  private static String clean(String text) {
    String noEscapes = ESCAPES.matcher(text).replaceAll("");
    return CONTROLS.matcher(BREAKS.matcher(noEscapes).replaceAll("\n")).replaceAll("");
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
