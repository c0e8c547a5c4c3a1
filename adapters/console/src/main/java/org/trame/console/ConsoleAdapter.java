package org.trame.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trame.core.port.Handled;
import org.trame.core.port.InboundEvent;

/**
 * Reads {@code member: text} lines and hands each to the core as an event of the terminal's
 * collective. A line that is not of that form gets an error line on the error stream and the
 * session goes on.
 *
 * <p>Event ids: typed in a terminal, each line is a new event. Piped in, a line's id is a hash of
 * the transcript up to and including it, so replaying a transcript after a crash skips the lines
 * that were already handled and carries on from the first that was not.
 */
public final class ConsoleAdapter {

  private static final Pattern LINE = Pattern.compile("^\\s*([\\p{L}\\p{N}_.@-]{1,64})\\s*:(.*)$", Pattern.DOTALL);
  private static final int MOST_IN_FLIGHT = 1_000;

  private final Function<InboundEvent, CompletableFuture<Handled>> core;
  private final String collective;
  private final PrintStream err;
  private final boolean replayIds;

  /**
   * @param core       the core's inbound port
   * @param collective the terminal's collective ({@code TRAME_COLLECTIVE})
   * @param err        where error lines go
   * @param replayIds  true for piped transcripts: ids from the transcript's content, so a replay is idempotent
   */
  public ConsoleAdapter(Function<InboundEvent, CompletableFuture<Handled>> core, String collective, PrintStream err,
      boolean replayIds) {
    this.core = core;
    this.collective = collective;
    this.err = err;
    this.replayIds = replayIds;
  }

  /** What a session did, for the closing line. */
  public record Summary(int lines, int handled, int alreadyHandled, int malformed, int failed) {}

  /** Reads until end of input and waits until every line's effects are committed. */
  public Summary run(InputStream in) throws IOException {
    // Invalid UTF-8 becomes U+FFFD rather than an exception: the line is kept, not lost.
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder));
    Semaphore inFlight = new Semaphore(MOST_IN_FLIGHT);
    AtomicInteger handled = new AtomicInteger();
    AtomicInteger duplicates = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    int malformed = 0;
    int number = 0;
    // Seeded with the collective, so one transcript replayed into two collectives is two streams.
    byte[] chain = digest(new byte[0], "collective:" + collective);
    String line;
    while ((line = reader.readLine()) != null) {
      number++;
      chain = digest(chain, line);
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        if (line.isBlank()) {
          err.println("! line " + number + ": empty line ignored; write \"member: text\", e.g. \"alice: /trame help\"");
        }
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        malformed++;
        err.println("! line " + number + ": expected \"member: text\", e.g. \"alice: /trame stakes\"; this line was ignored");
        continue;
      }
      String member = m.group(1);
      String text = m.group(2).startsWith(" ") ? m.group(2).substring(1) : m.group(2);
      String eventId = replayIds ? HexFormat.of().formatHex(chain, 0, 16) : UUID.randomUUID().toString();
      InboundEvent event = text.strip().regionMatches(true, 0, "/trame", 0, 6)
          ? new InboundEvent(eventId, ConsoleMessenger.PLATFORM, collective, member, member, InboundEvent.Kind.COMMAND,
              text.strip().substring("/trame".length()).strip(), null, null, null)
          : new InboundEvent(eventId, ConsoleMessenger.PLATFORM, collective, member, member, InboundEvent.Kind.TEXT,
              text, null, null, null);
      inFlight.acquireUninterruptibly();
      int lineNumber = number;
      CompletableFuture<Handled> done = core.apply(event).whenComplete((h, failure) -> {
        inFlight.release();
        if (failure != null) {
          failed.incrementAndGet();
          // A reason may quote what the member typed: printed like any member text, on one line.
          err.println("! line " + lineNumber + ": not saved: " + ConsoleMessenger.oneLine(rootMessage(failure)));
        } else if (h.outcome() == Handled.Outcome.DUPLICATE) {
          duplicates.incrementAndGet();
        } else {
          handled.incrementAndGet();
        }
      });
      if (!replayIds) {
        done.exceptionally(x -> null).join(); // typed: answer before the next prompt
      }
    }
    // The writer completes in submission order, so the last line done means all are.
    inFlight.acquireUninterruptibly(MOST_IN_FLIGHT);
    return new Summary(number, handled.get(), duplicates.get(), malformed, failed.get());
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      if (c.getMessage() != null && !(c instanceof java.util.concurrent.CompletionException)) {
        return c.getMessage();
      }
      c = c.getCause();
    }
    return String.valueOf(c.getMessage());
  }

  private static byte[] digest(byte[] previous, String line) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(previous);
      sha.update(line.getBytes(StandardCharsets.UTF_8));
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
