package org.trame.core.engine;

/**
 * A flow file is broken. The message is one line naming the file, the step and the problem,
 * e.g. {@code prompts/stakes.yaml: step 'why': text has no 'en' translation}.
 */
public class PromptsException extends RuntimeException {
  public PromptsException(String message) {
    super(oneLine(message));
  }

  public PromptsException(String message, Throwable cause) {
    super(oneLine(message), cause);
  }

  /** Parser messages quote the offending lines; an operator reads one line per problem. */
  private static String oneLine(String message) {
    return message == null ? null : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
