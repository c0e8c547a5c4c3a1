package org.trame.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Slack: the app manifest grants what the adapter uses")
class ManifestTest {

  @Test
  @DisplayName("the printed manifest's usage hint for /trame is the one the command catalogue writes, so a new command shows without editing the file")
  void usageHintFromTheCatalogue() throws Exception {
    // given the catalogue of this build
    org.trame.core.port.CommandCatalogue catalogue = org.trame.core.port.CommandCatalogue.packaged();
    // when the manifest is printed
    JsonNode printed = new ObjectMapper(new YAMLFactory()).readTree(SlackManifest.of(catalogue));
    // then Slack shows what the catalogue says, and the rest of the manifest is the committed one
    assertEquals(catalogue.slackUsageHint(), printed.at("/features/slash_commands/0/usage_hint").asText());
    assertTrue(printed.at("/features/slash_commands/0/usage_hint").asText().contains("method"));
    JsonNode committed = new ObjectMapper(new YAMLFactory()).readTree(Path.of("manifest.yml").toFile());
    assertEquals(committed.at("/oauth_config"), printed.at("/oauth_config"));
    // and the committed file's hint names no command the catalogue lacks (it may lag behind a new one)
    for (String word : committed.at("/features/slash_commands/0/usage_hint").asText().split(" \\| ")) {
      assertTrue(catalogue.find(word).isPresent(), "the committed usage hint names an unknown command: " + word);
    }
  }

  @Test
  @DisplayName("given manifest.yml, when read, then it declares /trame (escaped, so mentions come as ids), the DM and App Home events, interactivity and every scope the adapter's calls need")
  void manifestMatchesTheAdapter() throws Exception {
    // given
    JsonNode m = new ObjectMapper(new YAMLFactory()).readTree(Path.of("manifest.yml").toFile());

    // then
    assertEquals(BoltHandlers.COMMAND, m.at("/features/slash_commands/0/command").asText());
    assertTrue(m.at("/features/slash_commands/0/url").asText().endsWith(HttpEndpoint.PATH));
    assertTrue(m.at("/features/slash_commands/0/should_escape").asBoolean(), "mentions must reach the core as <@U…>");
    assertTrue(m.at("/features/app_home/home_tab_enabled").asBoolean());
    assertTrue(m.at("/settings/interactivity/is_enabled").asBoolean());
    Set<String> events = new HashSet<>();
    m.at("/settings/event_subscriptions/bot_events").forEach(e -> events.add(e.asText()));
    assertEquals(Set.of("message.im", "app_home_opened"), events);
    Set<String> scopes = new HashSet<>();
    m.at("/oauth_config/scopes/bot").forEach(s -> scopes.add(s.asText()));
    for (String needed : List.of("commands", "chat:write", "im:write", "im:history", "users:read", "channels:read",
        "groups:read", "files:write", "channels:join")) {
      assertTrue(scopes.contains(needed), "missing scope " + needed);
    }
  }
}
