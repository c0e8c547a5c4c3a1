package org.trame.core.engine;

import org.trame.core.i18n.Lang;
import org.trame.core.i18n.LocalText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.trame.core.i18n.Texts;
import org.trame.core.i18n.MessageKey;

/**
 * Reads the bot's messages ({@code common.yaml} and {@code messages/*.yaml}, through {@link
 * MessagesReader}) and one flow per other {@code *.yaml} file, and checks the flows against the
 * schema and the features' contracts. Any problem stops loading with a {@link
 * PromptsException} whose one-line message names the file, the step and what is wrong.
 */
public final class PromptsLoader {

  public static final String COMMON = "common.yaml";
  /** The folder beside {@code common.yaml} holding each feature's messages, one file per feature. */
  public static final String MESSAGES = "messages";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> FLOW_KEYS = Set.of("flow", "title", "help", "steps", "on_complete");
  private static final Set<String> STEP_KEYS = Set.of("id", "kind", "text", "help", "options", "min", "max",
      "min_label", "max_label", "optional", "share", "when", "action", "next", "branch", "undo");
  private static final Set<String> BRANCH_KEYS = Set.of("on", "action", "cases", "otherwise");
  private static final int DEFAULT_TEXT_MAX = 2000;
  private static final int LONGEST_TEXT = 20_000;

  private final Set<String> knownActions;
  private final List<FlowContract> contracts;
  private final List<MessageKey> messageKeys;

  /** @param knownActions the names of the Java actions flows may call; anything else is an error */
  public PromptsLoader(Set<String> knownActions) {
    this(knownActions, List.of());
  }

  /**
   * @param knownActions the names of the Java actions flows may call; anything else is an error
   * @param contracts    what the features' code reads in their flows; a flow file that breaks one is an error
   */
  public PromptsLoader(Set<String> knownActions, List<FlowContract> contracts) {
    this(knownActions, contracts, List.of());
  }

  /**
   * @param knownActions the names of the Java actions flows may call; anything else is an error
   * @param contracts    what the features' code reads in their flows; a flow file that breaks one is an error
   * @param messageKeys  the features' message keys, each of which must have its texts (the kernel's always must)
   */
  public PromptsLoader(Set<String> knownActions, List<FlowContract> contracts, java.util.Collection<? extends MessageKey> messageKeys) {
    this.messageKeys = List.copyOf(messageKeys);
    this.knownActions = Set.copyOf(knownActions);
    this.contracts = List.copyOf(contracts);
  }

  /** Loads the flows packaged with the bot (the {@code prompts/} folder on the class path). */
  public Prompts loadPackaged() {
    URL common = PromptsLoader.class.getClassLoader().getResource("prompts/" + COMMON);
    if (common == null) {
      throw new PromptsException("the packaged prompts are missing (prompts/" + COMMON + " is not on the class path)");
    }
    try {
      URI uri = common.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return load(fs.getPath("/prompts"), "prompts");
      }
      return load(Path.of(uri).getParent(), "prompts");
    } catch (PromptsException e) {
      throw e;
    } catch (Exception e) {
      throw new PromptsException("cannot read the packaged prompts: " + e.getMessage(), e);
    }
  }

  /** Loads a prompts directory such as the one {@code TRAME_PROMPTS} names. */
  public Prompts load(Path dir) {
    return load(dir, dir.toString());
  }

  private Prompts load(Path dir, String shownAs) {
    if (!Files.isDirectory(dir)) {
      throw new PromptsException(shownAs + ": not a directory");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      // The command catalogue is no flow: it is read on its own (port.CommandCatalogue).
      files = s.filter(p -> p.getFileName().toString().endsWith(".yaml"))
          .filter(p -> !p.getFileName().toString().equals(org.trame.core.port.CommandCatalogue.FILE)).sorted().toList();
    } catch (IOException e) {
      throw new PromptsException(shownAs + ": cannot list the folder: " + e.getMessage(), e);
    }
    Texts texts = null;
    Map<String, Flow> flows = new TreeMap<>();
    for (Path file : files) {
      String name = shownAs + "/" + file.getFileName();
      JsonNode root = read(file, name);
      if (file.getFileName().toString().equals(COMMON)) {
        texts = MessagesReader.read(dir, shownAs, root, name, messageKeys);
      } else {
        Flow flow = readFlow(root, name, file.getFileName().toString());
        if (flows.put(flow.id(), flow) != null) {
          throw new PromptsException(name + ": flow '" + flow.id() + "' is defined twice");
        }
      }
    }
    if (texts == null) {
      throw new PromptsException(shownAs + "/" + COMMON + ": missing (it holds the bot's own messages)");
    }
    ContractCheck.check(flows, contracts, shownAs);
    return new Prompts(Map.copyOf(flows), texts, shownAs);
  }

  static JsonNode read(Path file, String name) {
    try {
      JsonNode root = YAML.readTree(Files.readString(file));
      if (root == null || !root.isObject()) {
        throw new PromptsException(name + ": expected a mapping at the top of the file");
      }
      return root;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new PromptsException(name + ": not valid YAML" + where + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new PromptsException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  private Flow readFlow(JsonNode root, String name, String fileName) {
    unknownKeys(root, FLOW_KEYS, name);
    String id = requiredString(root, "flow", name);
    String expected = fileName.substring(0, fileName.length() - ".yaml".length());
    if (!id.equals(expected)) {
      throw new PromptsException(name + ": flow is '" + id + "' but the file is named " + fileName + " (they must match)");
    }
    LocalText title = localText(required(root, "title", name), name + ": title");
    LocalText help = localText(required(root, "help", name), name + ": help");
    JsonNode stepsNode = required(root, "steps", name);
    if (!stepsNode.isArray() || stepsNode.isEmpty()) {
      throw new PromptsException(name + ": 'steps' must be a non-empty list");
    }
    List<Step> steps = new ArrayList<>();
    Map<String, JsonNode> seen = new LinkedHashMap<>();
    int n = 0;
    for (JsonNode s : stepsNode) {
      n++;
      String where = name + ": step " + n;
      if (!s.isObject()) {
        throw new PromptsException(where + ": expected a mapping");
      }
      String stepId = requiredString(s, "id", where);
      where = name + ": step '" + stepId + "'";
      if (!stepId.matches("[a-z][a-z0-9_]*") || stepId.equals(Step.END)) {
        throw new PromptsException(where + ": id must be lower-case letters, digits or '_' and not 'end'");
      }
      if (seen.put(stepId, s) != null) {
        throw new PromptsException(where + ": id is used twice");
      }
      steps.add(readStep(s, stepId, where));
    }
    List<String> onComplete = new ArrayList<>();
    JsonNode oc = root.get("on_complete");
    if (oc != null) {
      if (!oc.isArray()) {
        throw new PromptsException(name + ": 'on_complete' must be a list of action names");
      }
      for (JsonNode a : oc) {
        onComplete.add(knownAction(a.asText(), name + ": on_complete"));
      }
    }
    Flow flow = new Flow(id, name, title, help, steps, onComplete);
    checkReferences(flow, name);
    return flow;
  }

  private Step readStep(JsonNode s, String id, String where) {
    unknownKeys(s, STEP_KEYS, where);
    String kindWord = requiredString(s, "kind", where);
    StepKind kind = StepKind.parse(kindWord).orElseThrow(() ->
        new PromptsException(where + ": unknown kind '" + kindWord + "' (expected one of " + StepKind.words() + ")"));
    LocalText text = localText(required(s, "text", where), where + ": text");
    LocalText help = s.has("help") ? localText(s.get("help"), where + ": help") : null;
    List<Step.Choice> options = new ArrayList<>();
    int min = 0;
    int max = 0;
    LocalText minLabel = null;
    LocalText maxLabel = null;
    switch (kind) {
      case CHOICE, MULTI_CHOICE -> {
        options = readOptions(required(s, "options", where), where);
        min = intOr(s, "min", kind == StepKind.CHOICE ? 1 : 1, where);
        max = intOr(s, "max", kind == StepKind.CHOICE ? 1 : options.size(), where);
        if (min < 1 || max < min || max > options.size()) {
          throw new PromptsException(where + ": picks must satisfy 1 <= min <= max <= number of options");
        }
      }
      case SCALE -> {
        min = intOr(s, "min", 1, where);
        max = intOr(s, "max", 5, where);
        if (max <= min || max - min > 10) {
          throw new PromptsException(where + ": a scale needs min < max and at most 11 points");
        }
        minLabel = localText(required(s, "min_label", where), where + ": min_label");
        maxLabel = localText(required(s, "max_label", where), where + ": max_label");
      }
      case TEXT -> {
        min = intOr(s, "min", 1, where);
        max = intOr(s, "max", DEFAULT_TEXT_MAX, where);
        if (min < 0 || max < Math.max(1, min) || max > LONGEST_TEXT) {
          throw new PromptsException(where + ": text lengths must satisfy 0 <= min <= max <= " + LONGEST_TEXT);
        }
      }
      default -> {
        for (String key : List.of("options", "min", "max", "min_label", "max_label")) {
          if (s.has(key)) {
            throw new PromptsException(where + ": '" + key + "' does not apply to a " + kind.word() + " step");
          }
        }
      }
    }
    boolean optional = bool(s, "optional", where);
    boolean share = bool(s, "share", where);
    if (kind == StepKind.MESSAGE && (optional || share)) {
      throw new PromptsException(where + ": a message step cannot be optional or shared");
    }
    Map<String, String> when = new LinkedHashMap<>();
    if (s.has("when")) {
      JsonNode w = s.get("when");
      if (!w.isObject() || w.isEmpty()) {
        throw new PromptsException(where + ": 'when' must map step ids to answer values");
      }
      w.fields().forEachRemaining(e -> when.put(e.getKey(), e.getValue().asText()));
    }
    String action = s.has("action") ? knownAction(s.get("action").asText(), where + ": action") : null;
    String next = s.has("next") ? s.get("next").asText() : null;
    Step.Branch branch = s.has("branch") ? readBranch(s.get("branch"), where) : null;
    if (next != null && branch != null) {
      throw new PromptsException(where + ": use either 'next' or 'branch', not both");
    }
    String undo = s.has("undo") ? knownAction(s.get("undo").asText(), where + ": undo") : null;
    if (undo != null && share) {
      throw new PromptsException(where + ": 'undo' takes back what the step's action recorded; a shared step records its answer only"
          + " after its sharing question, so it cannot have one");
    }
    return new Step(id, kind, text, help, List.copyOf(options), min, max, minLabel, maxLabel, optional, share,
        Map.copyOf(when), action, next, branch, undo);
  }

  private static List<Step.Choice> readOptions(JsonNode node, String where) {
    if (!node.isArray() || node.isEmpty()) {
      throw new PromptsException(where + ": 'options' must be a non-empty list");
    }
    List<Step.Choice> options = new ArrayList<>();
    for (JsonNode o : node) {
      String value = requiredString(o, "value", where + ": option");
      if (!value.matches("[a-z0-9_]+")) {
        throw new PromptsException(where + ": option value '" + value + "' must be lower-case letters, digits or '_'");
      }
      if (options.stream().anyMatch(c -> c.value().equals(value))) {
        throw new PromptsException(where + ": option value '" + value + "' is used twice");
      }
      options.add(new Step.Choice(value, localText(required(o, "label", where + ": option '" + value + "'"),
          where + ": option '" + value + "' label")));
    }
    return options;
  }

  private Step.Branch readBranch(JsonNode b, String where) {
    if (!b.isObject()) {
      throw new PromptsException(where + ": 'branch' must be a mapping");
    }
    unknownKeys(b, BRANCH_KEYS, where + ": branch");
    String on = b.has("on") ? b.get("on").asText() : null;
    String action = b.has("action") ? knownAction(b.get("action").asText(), where + ": branch action") : null;
    if (on != null && action != null) {
      throw new PromptsException(where + ": a branch is 'on' an answer or on an 'action', not both");
    }
    JsonNode casesNode = required(b, "cases", where + ": branch");
    if (!casesNode.isObject() || casesNode.isEmpty()) {
      throw new PromptsException(where + ": branch 'cases' must map values to step ids");
    }
    Map<String, String> cases = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = casesNode.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      cases.put(e.getKey(), e.getValue().asText());
    }
    String otherwise = b.has("otherwise") ? b.get("otherwise").asText() : null;
    return new Step.Branch(on, action, cases, otherwise);
  }

  /** Checks that every step id named anywhere exists, and branch cases match the options. */
  private static void checkReferences(Flow flow, String name) {
    for (Step step : flow.steps()) {
      String where = name + ": step '" + step.id() + "'";
      target(flow, step.next(), where + ": next");
      for (String w : step.when().keySet()) {
        if (!flow.has(w)) {
          throw new PromptsException(where + ": 'when' names an unknown step '" + w + "'");
        }
      }
      Step.Branch b = step.branch();
      if (b == null) {
        continue;
      }
      if (step.kind() == StepKind.MESSAGE && b.action() == null) {
        throw new PromptsException(where + ": a message step can only branch on an action");
      }
      Step source = b.on() == null ? step : flow.step(b.on());
      if (b.action() == null && source == null) {
        throw new PromptsException(where + ": branch is on an unknown step '" + b.on() + "'");
      }
      b.cases().forEach((value, to) -> {
        target(flow, to, where + ": branch case '" + value + "'");
        if (b.action() == null) {
          checkCaseValue(source, value, where);
        }
      });
      target(flow, b.otherwise(), where + ": branch otherwise");
    }
  }

  private static void checkCaseValue(Step source, String value, String where) {
    switch (source.kind()) {
      case CHOICE, MULTI_CHOICE -> {
        if (source.options().stream().noneMatch(o -> o.value().equals(value))) {
          throw new PromptsException(where + ": branch case '" + value + "' is not an option of step '" + source.id() + "'");
        }
      }
      case CONFIRM -> {
        if (!value.equals("yes") && !value.equals("no")) {
          throw new PromptsException(where + ": branch cases on a confirm step are 'yes' and 'no', not '" + value + "'");
        }
      }
      default -> { }
    }
  }

  private static void target(Flow flow, String to, String where) {
    if (to != null && !to.equals(Step.END) && !flow.has(to)) {
      throw new PromptsException(where + " goes to an unknown step '" + to + "'");
    }
  }

  private String knownAction(String action, String where) {
    if (!knownActions.contains(action)) {
      throw new PromptsException(where + ": unknown action '" + action + "' (known: " + String.join(", ", new TreeSet<>(knownActions)) + ")");
    }
    return action;
  }

  static LocalText localText(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw new PromptsException(where + ": expected a text with 'fr' and 'en'");
    }
    Map<Lang, String> byLang = new EnumMap<>(Lang.class);
    for (Lang lang : Lang.values()) {
      JsonNode t = node.get(lang.code());
      if (t == null || !t.isTextual() || t.asText().isBlank()) {
        throw new PromptsException(where + " has no '" + lang.code() + "' translation");
      }
      byLang.put(lang, t.asText().strip());
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (Lang.parse(key).isEmpty() || key.length() != 2) {
        throw new PromptsException(where + ": unknown language '" + key + "' (expected fr and en)");
      }
    }
    return new LocalText(byLang);
  }

  private static void unknownKeys(JsonNode node, Set<String> allowed, String where) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (!allowed.contains(key)) {
        throw new PromptsException(where + ": unknown key '" + key + "' (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
      }
    }
  }

  private static JsonNode required(JsonNode node, String key, String where) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      throw new PromptsException(where + ": '" + key + "' is missing");
    }
    return v;
  }

  private static String requiredString(JsonNode node, String key, String where) {
    JsonNode v = required(node, key, where);
    if (!v.isValueNode() || v.asText().isBlank()) {
      throw new PromptsException(where + ": '" + key + "' must be a non-empty value");
    }
    return v.asText().trim();
  }

  private static int intOr(JsonNode node, String key, int fallback, String where) {
    JsonNode v = node.get(key);
    if (v == null) {
      return fallback;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new PromptsException(where + ": '" + key + "' must be a whole number");
    }
    return v.asInt();
  }

  private static boolean bool(JsonNode node, String key, String where) {
    JsonNode v = node.get(key);
    if (v == null) {
      return false;
    }
    if (!v.isBoolean()) {
      throw new PromptsException(where + ": '" + key + "' must be true or false");
    }
    return v.asBoolean();
  }
}
