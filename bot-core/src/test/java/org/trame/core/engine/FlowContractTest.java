package org.trame.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.Features;

/** A collective's edited copy of prompts/ is checked against what the features' code reads. */
class FlowContractTest {

  @TempDir
  Path dir;

  /** A copy of the shipped prompts/ folder, as the README invites a collective to make. */
  private Path copy() throws Exception {
    try (Stream<Path> files = Files.walk(PromptsLoaderTest.PROMPTS)) {
      for (Path f : files.toList()) {
        Path to = dir.resolve(PromptsLoaderTest.PROMPTS.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    return dir;
  }

  private void edit(String file, String from, String to) throws Exception {
    Path f = dir.resolve(file);
    String before = Files.readString(f, StandardCharsets.UTF_8);
    assertTrue(before.contains(from), file + " should contain " + from);
    Files.writeString(f, before.replace(from, to), StandardCharsets.UTF_8);
  }

  private PromptsException refused() {
    return assertThrows(PromptsException.class, () -> Features.promptsLoader().load(dir));
  }

  @Test
  @DisplayName("the shipped prompts keep every step and option the features read")
  void shippedPromptsPass() throws Exception {
    copy();
    Prompts prompts = Features.promptsLoader().load(dir);
    assertEquals(23, prompts.flows().size()); // every yaml file but common.yaml and commands.yaml
    assertTrue(Features.promptsLoader().loadPackaged().flow("conflict_prep").isPresent());
  }

  @Test
  @DisplayName("renaming the step 'wish' of the preparatory phase stops the bot at start, naming the file and the step")
  void renamedStepIsRefused() throws Exception {
    copy();
    edit("conflict_prep.yaml", "id: wish", "id: souhait");
    PromptsException e = refused();
    assertTrue(e.getMessage().contains("conflict_prep.yaml: step 'wish' is missing (read by the conflict feature as a yes/no question"),
        e.getMessage());
  }

  @Test
  @DisplayName("removing an option the code compares answers with is refused, naming the option")
  void removedOptionIsRefused() throws Exception {
    copy();
    edit("withdraw.yaml", "value: erase", "value: efface");
    PromptsException e = refused();
    assertTrue(e.getMessage().contains("withdraw.yaml: step 'data': option value 'erase' is missing (the privacy feature reads it)"),
        e.getMessage());
  }

  @Test
  @DisplayName("a pace option the conflict feature cannot read as a number of days is refused")
  void unreadableOptionIsRefused() throws Exception {
    copy();
    edit("conflict_prep.yaml", "value: d7", "value: week");
    PromptsException e = refused();
    assertTrue(e.getMessage().contains("conflict_prep.yaml: step 'pace': option value 'week' is not a number of days"), e.getMessage());
  }

  @Test
  @DisplayName("a step turned into another kind, or made optional where an answer is needed, is refused")
  void wrongKindOrOptionalIsRefused() throws Exception {
    copy();
    edit("conflict_request.yaml", "id: send\n    kind: confirm", "id: send\n    kind: text");
    assertTrue(refused().getMessage().contains("conflict_request.yaml: step 'send' is a text step, but it is read by the conflict feature as a yes/no"));
    edit("conflict_request.yaml", "id: send\n    kind: text", "id: send\n    kind: confirm");
    edit("conflict_solutions.yaml", "id: idea\n    kind: text", "id: idea\n    kind: text\n    optional: true");
    assertTrue(refused().getMessage().contains("conflict_solutions.yaml: step 'idea' cannot be optional (the conflict feature needs its answer)"));
  }

  @Test
  @DisplayName("a check-in scale stretched beyond 1 to 5 is refused: the report counts answers from 1 to 5")
  void scaleRangeIsChecked() throws Exception {
    copy();
    edit("checkin.yaml", "id: trust\n    kind: scale\n    min: 1\n    max: 5", "id: trust\n    kind: scale\n    min: 1\n    max: 10");
    assertTrue(refused().getMessage().contains("checkin.yaml: step 'trust': the scale runs from 1 to 10"), refused().getMessage());
  }

  @Test
  @DisplayName("a flow file a feature runs cannot be deleted")
  void missingFlowIsRefused() throws Exception {
    copy();
    Files.delete(dir.resolve("conflict_value.yaml"));
    assertTrue(refused().getMessage().contains("conflict_value.yaml: missing (the conflict feature runs the flow 'conflict_value')"));
  }
}
