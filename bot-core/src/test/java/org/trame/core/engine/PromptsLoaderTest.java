package org.trame.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trame.core.Features;

class PromptsLoaderTest {

  /** The repository's prompts folder, as a collective would copy it. */
  static final Path PROMPTS = Path.of("..", "prompts");

  @TempDir
  Path dir;

  @Test
  @DisplayName("the packaged prompts load and validate with every registered action")
  void packagedPromptsLoad() {
    Prompts prompts = Features.promptsLoader().loadPackaged();
    assertTrue(prompts.flow("stakes").isPresent());
  }

  @Test
  @DisplayName("every text in prompts/ exists in French and English")
  void everyTextIsTranslated() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<String> missing = new ArrayList<>();
    int texts = 0;
    try (Stream<Path> files = Files.walk(PROMPTS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        texts += collect(yaml.readTree(file.toFile()), PROMPTS.relativize(file).toString(), missing);
      }
    }
    assertTrue(texts > 40, "expected to find the texts, found " + texts);
    assertEquals(List.of(), missing);
  }

  /** A text is any mapping with an 'fr' or an 'en' key; it must have both, non-blank. */
  private static int collect(JsonNode node, String where, List<String> missing) {
    int found = 0;
    if (node.isObject()) {
      if (node.has("fr") || node.has("en")) {
        found++;
        for (String lang : List.of("fr", "en")) {
          if (!node.hasNonNull(lang) || node.get(lang).asText().isBlank()) {
            missing.add(where + " lacks '" + lang + "'");
          }
        }
      }
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        var e = it.next();
        found += collect(e.getValue(), where + "/" + e.getKey(), missing);
      }
    } else if (node.isArray()) {
      int i = 0;
      for (JsonNode n : node) {
        String id = n.has("id") ? n.get("id").asText() : Integer.toString(i);
        found += collect(n, where + "/" + id, missing);
        i++;
      }
    }
    return found;
  }

  @Test
  @DisplayName("the translation check itself fails on a text with only French")
  void translationCheckCanFail() throws Exception {
    JsonNode node = new ObjectMapper(new YAMLFactory()).readTree("steps:\n  - id: a\n    text: { fr: \"Bonjour\" }\n");
    List<String> missing = new ArrayList<>();
    collect(node, "x.yaml", missing);
    assertEquals(List.of("x.yaml/steps/a/text lacks 'en'"), missing);
  }

  private String brokenFlowError(String steps) throws Exception {
    MessageFiles.copy(PROMPTS, dir);
    Files.writeString(dir.resolve("demo.yaml"), """
        flow: demo
        title: { fr: "démo", en: "demo" }
        help: { fr: "aide", en: "help" }
        steps:
        """ + steps);
    PromptsException e = assertThrows(PromptsException.class,
        () -> new PromptsLoader(Set.of("known.action")).load(dir));
    assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
    return e.getMessage();
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "  - { id: why, kind: text, text: { fr: \"Pourquoi ?\" } }|step 'why': text has no 'en' translation|a missing English text",
      "  - { id: why, kind: essay, text: { fr: a, en: b } }|step 'why': unknown kind 'essay'|an unknown kind",
      "  - { id: why, kind: text, next: nowhere, text: { fr: a, en: b } }|step 'why': next goes to an unknown step 'nowhere'|a jump to nowhere",
      "  - { id: why, kind: text, action: send.rocket, text: { fr: a, en: b } }|step 'why': action: unknown action 'send.rocket'|an unknown action",
      "  - { id: rate, kind: scale, min: 5, max: 1, min_label: { fr: a, en: b }, max_label: { fr: a, en: b }, text: { fr: a, en: b } }|step 'rate': a scale needs min < max|a scale upside down",
      "  - { id: pick, kind: choice, text: { fr: a, en: b } }|step 'pick': 'options' is missing|a choice without options",
      "  - { id: pick, kind: choice, options: [ { value: x, label: { fr: a, en: b } } ], branch: { cases: { y: end } }, text: { fr: a, en: b } }|step 'pick': branch case 'y' is not an option of step 'pick'|a branch on a value that cannot be chosen",
      "  - { id: why, kind: text, colour: red, text: { fr: a, en: b } }|step 'why': unknown key 'colour'|a misspelt key",
      "  - { id: why, kind: text, text: { fr: a, en: b } }\\n- { id: why, kind: text, text: { fr: a, en: b } }|step 'why': id is used twice|a duplicated step id",
      "  - { id: t, kind: text, min: 50, max: 10, text: { fr: a, en: b } }|step 't': text lengths must satisfy|text bounds upside down",
      "  - { id: t, kind: text, undo: send.rocket, text: { fr: a, en: b } }|step 't': undo: unknown action 'send.rocket'|an unknown undo action",
      "  - { id: t, kind: text, share: true, undo: known.action, text: { fr: a, en: b } }|step 't': 'undo' takes back|an undo on a shared step",
  })
  @DisplayName("a broken flow file is refused with one line naming the file, the step and the problem")
  void brokenFlow(String steps, String expected, String caseName) throws Exception {
    String message = brokenFlowError(steps.replace("\\n", "\n"));
    assertTrue(message.contains("demo.yaml: " + expected), message);
  }

  @Test
  @DisplayName("invalid YAML is reported with the file and the line")
  void invalidYaml() throws Exception {
    String message = brokenFlowError("  - { id: why, kind: text\n  oops: [\n");
    assertTrue(message.contains("demo.yaml: not valid YAML at line"), message);
  }

  @Test
  @DisplayName("a missing message is named, with where it is looked for")
  void missingMessage() throws Exception {
    MessageFiles.copy(PROMPTS, dir);
    String common = Files.readString(PROMPTS.resolve("common.yaml")).replace("  paused:", "  pausedd:");
    Files.writeString(dir.resolve("common.yaml"), common);
    PromptsException e = assertThrows(PromptsException.class, () -> new PromptsLoader(Set.of()).load(dir));
    assertTrue(e.getMessage().endsWith("common.yaml (or a file of messages/): message 'paused' is missing"), e.getMessage());
  }

  @Test
  @DisplayName("a feature's messages are read from messages/, and a message in two files is refused naming both")
  void messagesOfFeatures() throws Exception {
    // given the packaged messages, where check-in texts live in messages/checkin.yaml
    MessageFiles.copy(PROMPTS, dir);
    assertTrue(Files.readString(dir.resolve("messages/checkin.yaml")).contains("  checkin_usage:"));
    assertTrue(new PromptsLoader(Set.of()).load(dir).texts() != null);

    // when common.yaml also defines one of them
    Files.writeString(dir.resolve("common.yaml"), Files.readString(dir.resolve("common.yaml"))
        + "  checkin_usage:\n    fr: \"double\"\n    en: \"twice\"\n");

    // then loading stops, naming both files
    PromptsException e = assertThrows(PromptsException.class, () -> new PromptsLoader(Set.of()).load(dir));
    assertTrue(e.getMessage().contains("messages/checkin.yaml: message 'checkin_usage' is already in")
        && e.getMessage().endsWith("common.yaml"), e.getMessage());
  }

  @Test
  @DisplayName("a flow whose name differs from its file is refused")
  void flowNameMatchesFile() throws Exception {
    MessageFiles.copy(PROMPTS, dir);
    Files.writeString(dir.resolve("other.yaml"), "flow: demo\ntitle: {fr: a, en: b}\nhelp: {fr: a, en: b}\nsteps:\n  - {id: a, kind: message, text: {fr: a, en: b}}\n");
    try {
      new PromptsLoader(Set.of()).load(dir);
      fail("expected a refusal");
    } catch (PromptsException e) {
      assertTrue(e.getMessage().contains("other.yaml: flow is 'demo' but the file is named other.yaml"), e.getMessage());
    }
  }

  @Test
  @DisplayName("a feature's message missing from its file stops the start, naming the message")
  void featureMessageMissing() throws Exception {
    // given a copy of the prompts where the stakes feature's round message was renamed
    MessageFiles.copy(PROMPTS, dir);
    Path stakes = dir.resolve("messages/stakes.yaml");
    Files.writeString(stakes, Files.readString(stakes).replace("  stakes_round_opened:", "  stakes_round_openned:"));

    // when it is loaded with the features' keys
    PromptsException e = assertThrows(PromptsException.class,
        () -> Features.promptsLoader().load(dir));

    // then both the missing key and, once it is back, the misspelt one are named
    assertTrue(e.getMessage().endsWith("message 'stakes_round_opened' is missing"), e.getMessage());
    Files.writeString(stakes, Files.readString(stakes) + "  stakes_round_opened:\n    fr: \"a\"\n    en: \"b\"\n");
    PromptsException misspelt = assertThrows(PromptsException.class,
        () -> Features.promptsLoader().load(dir));
    assertTrue(misspelt.getMessage().contains("messages/stakes.yaml: message 'stakes_round_openned': no feature says this message"),
        misspelt.getMessage());
  }

  @Test
  @DisplayName("a message whose French and English placeholders differ stops the start, naming both")
  void placeholdersDiffer() throws Exception {
    MessageFiles.copy(PROMPTS, dir);
    Path stakes = dir.resolve("messages/stakes.yaml");
    Files.writeString(stakes, Files.readString(stakes).replace("Rappel dans {reminder} h", "Rappel dans {rappel} h"));

    PromptsException e = assertThrows(PromptsException.class,
        () -> Features.promptsLoader().load(dir));

    assertTrue(e.getMessage().contains("message 'stakes_round_opened': placeholders differ between languages"), e.getMessage());
  }
}
