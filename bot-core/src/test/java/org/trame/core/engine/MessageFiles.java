package org.trame.core.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies the bot's message files (common.yaml and messages/*.yaml) into a test's prompts folder. */
public final class MessageFiles {

  private MessageFiles() {}

  public static void copy(Path prompts, Path into) throws IOException {
    Files.copy(prompts.resolve(PromptsLoader.COMMON), into.resolve(PromptsLoader.COMMON));
    Path messages = Files.createDirectories(into.resolve(PromptsLoader.MESSAGES));
    try (Stream<Path> files = Files.list(prompts.resolve(PromptsLoader.MESSAGES))) {
      for (Path f : files.toList()) {
        Files.copy(f, messages.resolve(f.getFileName()));
      }
    }
  }
}
