package org.trame.core.engine;

/**
 * A flow file is broken. The message is one line naming the file, the step and the problem,
 * e.g. {@code prompts/stakes.yaml: step 'why': text has no 'en' translation}.
 */
public class PromptsException extends RuntimeException {
  public PromptsException(String message) {
    super(message);
  }

  public PromptsException(String message, Throwable cause) {
    super(message, cause);
  }
}
