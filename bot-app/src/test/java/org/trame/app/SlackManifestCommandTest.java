package org.trame.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SlackManifestCommandTest {

  @Test
  @DisplayName("'trame slack-manifest' prints a manifest to paste, whose /trame usage hint lists every command of the catalogue")
  void printsTheManifest() throws Exception {
    // when the command runs
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = new CommandLine(new Main(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).execute("slack-manifest");

    // then it is valid YAML declaring /trame, with the catalogue's commands as the hint
    assertEquals(0, code);
    JsonNode manifest = new ObjectMapper(new YAMLFactory()).readTree(out.toString(StandardCharsets.UTF_8));
    assertEquals("/trame", manifest.at("/features/slash_commands/0/command").asText());
    String hint = manifest.at("/features/slash_commands/0/usage_hint").asText();
    assertTrue(hint.startsWith("help | stakes") && hint.contains("| method |") && hint.contains("| conflict |"), hint);
  }
}
