package org.trame.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.trame.core.i18n.LocalText;
import org.trame.core.i18n.MessageKey;
import org.trame.core.i18n.Msg;
import org.trame.core.i18n.Texts;

/**
 * Reads the bot's messages: {@code common.yaml}'s (the kernel's) and those of {@code messages/*.yaml}
 * (one file per feature). A message in two files, a key no one says, a key said but missing, or a
 * text whose French and English placeholders differ stops loading, naming the file and the key.
 */
final class MessagesReader {

  private MessagesReader() {}

  /** The messages of {@code common} (already read, as {@code commonName}) and of the messages folder beside it. */
  static Texts read(Path dir, String shownAs, JsonNode common, String commonName, List<MessageKey> messageKeys) {
    Map<String, Located> messages = new LinkedHashMap<>();
    addMessages(messages, common, commonName);
    for (Path more : messageFiles(dir, shownAs)) {
      String moreName = shownAs + "/" + PromptsLoader.MESSAGES + "/" + more.getFileName();
      addMessages(messages, PromptsLoader.read(more, moreName), moreName);
    }
    return readTexts(messages, commonName, messageKeys);
  }

  /** A message's text and the file it was read from, for errors that name it. */
  private record Located(JsonNode text, String file) {}

  /** The feature files of messages ({@code messages/*.yaml}), if the folder is there. */
  private static List<Path> messageFiles(Path dir, String shownAs) {
    Path folder = dir.resolve(PromptsLoader.MESSAGES);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new PromptsException(shownAs + "/" + PromptsLoader.MESSAGES + ": cannot list the folder: " + e.getMessage(), e);
    }
  }

  private static void addMessages(Map<String, Located> into, JsonNode root, String name) {
    JsonNode messages = root.get("messages");
    if (messages == null || !messages.isObject()) {
      throw new PromptsException(name + ": expected a 'messages' mapping");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = messages.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> m = it.next();
      Located earlier = into.putIfAbsent(m.getKey(), new Located(m.getValue(), name));
      if (earlier != null) {
        throw new PromptsException(name + ": message '" + m.getKey() + "' is already in " + earlier.file());
      }
    }
  }

  /**
   * Every message of the files, each checked; every key the kernel and the registered features say
   * must be there. With the features' keys given, a message no one says is refused too (a key
   * misspelt in a copy of the folder would otherwise be silently ignored).
   */
  private static Texts readTexts(Map<String, Located> messages, String commonName, List<MessageKey> messageKeys) {
    Set<String> said = new LinkedHashSet<>();
    for (MessageKey msg : Msg.values()) {
      said.add(msg.key());
    }
    messageKeys.forEach(k -> said.add(k.key()));
    for (String key : said) {
      if (!messages.containsKey(key)) {
        throw new PromptsException(commonName + " (or a file of " + PromptsLoader.MESSAGES + "/): message '" + key + "' is missing");
      }
    }
    Map<String, LocalText> map = new HashMap<>();
    for (Map.Entry<String, Located> m : messages.entrySet()) {
      String where = m.getValue().file() + ": message '" + m.getKey() + "'";
      if (!messageKeys.isEmpty() && !said.contains(m.getKey())) {
        throw new PromptsException(where + ": no feature says this message (a misspelt key?)");
      }
      LocalText text = PromptsLoader.localText(m.getValue().text(), where);
      Texts.problem(text).ifPresent(problem -> {
        throw new PromptsException(where + ": " + problem);
      });
      map.put(m.getKey(), text);
    }
    return new Texts(map);
  }
}
