package org.trame.core.port;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.trame.core.i18n.Lang;
import org.trame.core.i18n.LocalText;

/** Reads {@code commands.yaml} and checks it, each error naming the file and the command. */
final class CatalogueReader {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> COMMAND_KEYS = Set.of("word", "aliases", "description", "coordinator", "args",
      "subcommands", "bare", "not_done", "available", "conversation");
  private static final Set<String> BARE_KEYS = Set.of("word", "description", "coordinator");
  private static final Set<String> ARG_KEYS = Set.of("name", "type", "optional", "min", "max", "least", "most", "values",
      "description");
  /** Words as typed: lower case, letters, digits, - and _ (Discord's rule for names, which they also are). */
  private static final Pattern WORD = Pattern.compile("[-_\\p{Ll}\\p{N}]{1,32}");
  /** Discord's limit, the shortest of the surfaces that show a description. */
  static final int LONGEST_DESCRIPTION = 100;

  private CatalogueReader() {}

  static List<CommandSpec> read(String yaml, String file) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new CatalogueException(file + ": not valid YAML" + where + ": " + e.getOriginalMessage());
    }
    JsonNode list = root == null ? null : root.get("commands");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new CatalogueException(file + ": expected a non-empty 'commands' list");
    }
    List<CommandSpec> commands = new ArrayList<>();
    for (JsonNode node : list) {
      commands.add(command(node, file, ""));
    }
    distinct(commands, file + ": commands");
    // A command word that is also a conversation word would be ambiguous typed alone in a chat.
    Set<String> conversation = new HashSet<>();
    commands.stream().filter(CommandSpec::conversation).forEach(c -> conversation.addAll(words(c)));
    for (CommandSpec c : commands) {
      List<String> clash = new ArrayList<>(c.conversation() ? List.of() : words(c));
      c.subcommands().forEach(s -> clash.addAll(frenchWords(s)));
      if (c.bare() != null) {
        clash.addAll(words(c.bare()));
      }
      for (String w : clash) {
        if (conversation.contains(w)) {
          throw new CatalogueException(file + ": command '" + c.word() + "': '" + w + "' is already a conversation word");
        }
      }
    }
    return commands;
  }

  private static CommandSpec command(JsonNode node, String file, String parent) {
    if (!node.isObject()) {
      throw new CatalogueException(file + ": " + (parent.isEmpty() ? "a command" : "a subcommand of '" + parent + "'")
          + " is not a mapping");
    }
    String[] words = bilingual(node, "word", file + ": " + (parent.isEmpty() ? "a command" : "a subcommand of '" + parent + "'"));
    String word = words[0];
    String fr = words[1];
    String path = (parent + " " + word).strip();
    String where = file + ": command '" + path + "'";
    unknownKeys(node, COMMAND_KEYS, where);
    List<String> aliases = new ArrayList<>();
    if (node.has("aliases")) {
      for (JsonNode a : node.get("aliases")) {
        aliases.add(word(a.asText(), where));
      }
    }
    LocalText description = description(node, where);
    boolean coordinator = node.path("coordinator").asBoolean(false);
    List<ArgSpec> args = new ArrayList<>();
    for (JsonNode a : node.path("args")) {
      args.add(arg(a, where));
    }
    distinctArgs(args, where);
    List<String> notDone = new ArrayList<>();
    node.path("not_done").forEach(n -> notDone.add(n.asText()));
    List<CommandSpec> subs = new ArrayList<>();
    if (node.has("subcommands")) {
      if (!parent.isEmpty()) {
        throw new CatalogueException(where + ": a subcommand cannot have subcommands (Discord nests two levels only)");
      }
      for (JsonNode s : node.get("subcommands")) {
        subs.add(command(s, file, word));
      }
      distinct(subs, where + ": subcommands");
    }
    CommandSpec bare = null;
    if (node.has("bare")) {
      JsonNode b = node.get("bare");
      String bareWhere = where + ": bare";
      unknownKeys(b, BARE_KEYS, bareWhere);
      if (subs.isEmpty()) {
        throw new CatalogueException(bareWhere + ": only a command with subcommands needs a name for its bare form");
      }
      String[] bareWords = bilingual(b, "word", bareWhere);
      bare = new CommandSpec(bareWords[0], bareWords[1], List.of(),
          description(b, bareWhere), b.path("coordinator").asBoolean(coordinator), args, notDone, List.of(), null, true, false);
      for (CommandSpec s : subs) {
        if (!overlap(words(s), words(bare)).isEmpty()) {
          throw new CatalogueException(bareWhere + ": '" + bare.word() + "' is also a subcommand's word");
        }
      }
    } else if (!subs.isEmpty() && !args.isEmpty()) {
      throw new CatalogueException(where + ": arguments of a command with subcommands need a 'bare' name for Discord");
    }
    return new CommandSpec(word, fr, aliases, description, coordinator, args, notDone, subs, bare,
        node.path("available").asBoolean(true), node.path("conversation").asBoolean(false));
  }

  private static ArgSpec arg(JsonNode node, String where) {
    String[] names = bilingual(node, "name", where + ": an argument");
    String name = names[0];
    String fr = names[1];
    String at = where + ": argument '" + name + "'";
    unknownKeys(node, ARG_KEYS, at);
    ArgSpec.Type type;
    try {
      type = ArgSpec.Type.valueOf(text(node, "type", at).toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CatalogueException(at + ": type must be one of member, number, date, choice, text, zone, cron, flag");
    }
    long min = node.path(type == ArgSpec.Type.MEMBER ? "least" : "min").asLong(0);
    long max = node.path(type == ArgSpec.Type.MEMBER ? "most" : "max").asLong(0);
    if ((type == ArgSpec.Type.NUMBER || type == ArgSpec.Type.MEMBER) && (max < min || max < 1)) {
      throw new CatalogueException(at + ": needs " + (type == ArgSpec.Type.MEMBER ? "least <= most" : "min <= max"));
    }
    List<ArgSpec.Choice> values = new ArrayList<>();
    for (JsonNode v : node.path("values")) {
      values.add(new ArgSpec.Choice(text(v, "value", at), LocalText.of(text(v, "fr", at), text(v, "en", at))));
    }
    if (type == ArgSpec.Type.CHOICE && values.isEmpty()) {
      throw new CatalogueException(at + ": a choice needs its values");
    }
    return new ArgSpec(name, fr, type, node.path("optional").asBoolean(false), min, max, values, description(node, at));
  }

  private static LocalText description(JsonNode node, String where) {
    JsonNode d = node.get("description");
    if (d == null || !d.isObject()) {
      throw new CatalogueException(where + ": needs a description in fr and en");
    }
    String fr = d.path("fr").asText("");
    String en = d.path("en").asText("");
    for (Lang lang : Lang.values()) {
      String s = lang == Lang.FR ? fr : en;
      if (s.isBlank() || s.length() > LONGEST_DESCRIPTION) {
        throw new CatalogueException(where + ": description " + lang.code() + " must be 1 to " + LONGEST_DESCRIPTION + " characters");
      }
    }
    return LocalText.of(fr, en);
  }

  /** {@code key: {en: stakes, fr: enjeux}}: the English and the French word. */
  private static String[] bilingual(JsonNode node, String key, String where) {
    JsonNode v = node.get(key);
    if (v == null || !v.isObject()) {
      throw new CatalogueException(where + ": '" + key + "' needs its en and fr words");
    }
    String en = text(v, "en", where + ": " + key);
    return new String[] {word(en, where + " '" + en + "'"), word(text(v, "fr", where + " '" + en + "'"), where + " '" + en + "'")};
  }

  private static String text(JsonNode node, String key, String where) {
    JsonNode v = node.get(key);
    if (v == null || !v.isValueNode() || v.asText().isBlank()) {
      throw new CatalogueException(where + ": '" + key + "' is missing");
    }
    return v.asText().strip();
  }

  private static String word(String word, String where) {
    if (!WORD.matcher(word).matches()) {
      throw new CatalogueException(where + ": '" + word + "' is not a word (lower case letters, digits, - or _, at most 32)");
    }
    return word;
  }

  private static void unknownKeys(JsonNode node, Set<String> known, String where) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw new CatalogueException(where + ": unknown key '" + key + "'");
      }
    }
  }

  /** Every word a command answers to, normalized. */
  static List<String> words(CommandSpec c) {
    List<String> w = new ArrayList<>(List.of(c.word(), CommandCatalogue.normalize(c.fr())));
    c.aliases().forEach(a -> w.add(CommandCatalogue.normalize(a)));
    return w;
  }

  private static List<String> frenchWords(CommandSpec c) {
    List<String> w = new ArrayList<>(words(c));
    w.remove(0);
    return w;
  }

  private static Set<String> overlap(List<String> a, List<String> b) {
    Set<String> s = new HashSet<>(a);
    s.retainAll(new HashSet<>(b));
    return s;
  }

  private static void distinct(List<CommandSpec> siblings, String where) {
    Map<String, String> seen = new java.util.HashMap<>();
    for (CommandSpec c : siblings) {
      for (String w : new HashSet<>(words(c))) {
        String earlier = seen.putIfAbsent(w, c.word());
        if (earlier != null) {
          throw new CatalogueException(where + ": '" + w + "' names both '" + earlier + "' and '" + c.word() + "'");
        }
      }
    }
  }

  private static void distinctArgs(List<ArgSpec> args, String where) {
    Set<String> seen = new HashSet<>();
    for (ArgSpec a : args) {
      for (String n : new HashSet<>(List.of(a.name(), a.fr()))) {
        if (!seen.add(n)) {
          throw new CatalogueException(where + ": two arguments are named '" + n + "'");
        }
      }
    }
  }
}
