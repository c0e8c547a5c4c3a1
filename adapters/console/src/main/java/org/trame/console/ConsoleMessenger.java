package org.trame.console;

import java.io.PrintStream;
import org.trame.core.port.Messenger;
import org.trame.core.port.Option;
import org.trame.core.port.OutboundMessage;

/**
 * Prints the core's messages with the console contract: every line starts with whom it is for,
 * {@code → alice: …} for a private message and {@code # local: …} for the collective's channel.
 * Choices are numbered; the member answers with the number.
 */
public final class ConsoleMessenger implements Messenger {

  public static final String PLATFORM = "console";

  private final PrintStream out;

  public ConsoleMessenger(PrintStream out) {
    this.out = out;
  }

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public void send(OutboundMessage m) {
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
    out.print(block);
    out.flush();
  }
}
