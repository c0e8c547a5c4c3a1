package org.trame.core.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.Features;
import org.trame.core.turn.Feature;

class MessageOwnershipTest {

  private static final Path MESSAGES = Path.of("..", "prompts", "messages");

  @Test
  @DisplayName("each feature's message keys sit beside it and have their texts in its own messages file")
  void eachFeatureOwnsItsMessages() throws Exception {
    List<String> misplaced = new ArrayList<>();
    for (Feature feature : new Features().all()) {
      for (MessageKey key : feature.messages()) {
        // The enum lives in the feature's package, and its texts in messages/<that package>.yaml.
        String pkg = key.getClass().getPackageName();
        assertEquals(feature.getClass().getPackageName(), pkg, key + " is not beside its feature");
        String file = Files.readString(MESSAGES.resolve(pkg.substring(pkg.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) + ".yaml"));
        if (!file.contains("\n  " + key.key() + ":")) {
          misplaced.add(key.key());
        }
      }
    }
    assertTrue(misplaced.isEmpty(), "keys whose texts are not in their feature's file: " + misplaced);
  }
}
