package org.trame.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Adapters translate: they reach the core only through its port, its texts and the facade that starts it. */
class AdapterBoundaryTest {

  @Test
  @DisplayName("the Slack, Discord and terminal adapters use only the core's port, its texts and the Trame facade")
  void adaptersUseThePortOnly() {
    // The adapters' own test helpers come in their "-tests" jars when Maven builds the whole project.
    JavaClasses adapters = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importPackages("org.trame.slack", "org.trame.discord", "org.trame.console");
    noClasses().that().resideInAnyPackage("org.trame.slack..", "org.trame.discord..", "org.trame.console..")
        .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("core internals",
            c -> c.getPackageName().startsWith("org.trame.core.") && !c.getPackageName().startsWith("org.trame.core.port")
                && !c.getPackageName().equals("org.trame.core.i18n")))
        .check(adapters);
  }
}
