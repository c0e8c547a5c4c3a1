package org.trame.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.engine.ConversationState;

/** The structure rules of the core, checked on its compiled classes. */
class ArchitectureTest {

  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.trame.core");
  }

  @Test
  @DisplayName("the core imports no platform library and no adapter: Slack, Discord and the terminal are reached through the port")
  void noPlatformInTheCore() {
    noClasses().that().resideInAPackage("org.trame.core..")
        .should().dependOnClassesThat().resideInAnyPackage("com.slack..", "net.dv8tion..", "org.trame.slack..",
            "org.trame.discord..", "org.trame.console..", "org.trame.app..")
        .check(core);
  }

  @Test
  @DisplayName("the core's packages form no cycle: each can be read knowing only those below it")
  void noPackageCycles() {
    slices().matching("org.trame.core.(*)..").should().beFreeOfCycles().check(core);
  }

  @Test
  @DisplayName("features read a flow's answers only through the steps they declared, which the prompts loader checks")
  void answersAreReadThroughDeclaredSteps() {
    noClasses().that().resideOutsideOfPackages("org.trame.core.engine..", "org.trame.core.storage..")
        .should().accessField(ConversationState.class, "answers")
        .because("a step id read by name escapes the flow contract: a collective's renamed step would then read as unanswered")
        .check(core);
  }
}
