package dev.tfe.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture of DESIGN.md section 4b as tests (issue 12): no package cycles; the generic
 * core names no protocol, no launcher and no notebook kernel; protocol packages do not depend on
 * one another.
 */
class ArchitectureTest {
  /** The generic core: graph, planning and execution, ring, randomness, fixed point, profile, drawing. */
  static final String[] CORE = {"dev.tfe.graph..", "dev.tfe.runtime..", "dev.tfe.ring..", "dev.tfe.random..",
      "dev.tfe.fixedpoint..", "dev.tfe.profile..", "dev.tfe.render..", "dev.tfe.progress.."};
  /** Every protocol package. */
  static final String[] PROTOCOLS = {"dev.tfe.protocol.pond..", "dev.tfe.protocol.securenn..", "dev.tfe.protocol.plain..",
      "dev.tfe.protocol.aby3.."};

  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.tfe");
  }

  /**
   * No package cycles, with no exception: {@code api.Tfe} creates private models and private
   * training, which are written against {@code program.Program} below it.
   */
  @Test
  void noPackageCycles() {
    slices().matching("dev.tfe.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void privateModelsAndTrainingSitBelowTheEntryPoint() {
    noClasses().that().resideInAnyPackage("dev.tfe.model..", "dev.tfe.program..").should().dependOnClassesThat().resideInAPackage("dev.tfe.api..")
        .because("Tfe creates them; they use the Program interface, so api stays on top").check(classes);
  }

  @Test
  void coreNamesNoProtocol() {
    noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat().resideInAnyPackage(PROTOCOLS)
        .because("the generic core must run any protocol without naming it").check(classes);
  }

  @Test
  void coreNamesNoProtocolInterface() {
    noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat().resideInAnyPackage("dev.tfe.protocol..",
        "dev.tfe.api..", "dev.tfe.model..").check(classes);
  }

  @Test
  void protocolsAreIndependentOfOneAnother() {
    for (String p : PROTOCOLS) {
      String[] others = java.util.Arrays.stream(PROTOCOLS).filter(o -> !o.equals(p)).toArray(String[]::new);
      noClasses().that().resideInAPackage(p).should().dependOnClassesThat().resideInAnyPackage(others)
          .because("protocols share building blocks through dev.tfe.protocol.share, never one another").check(classes);
    }
  }

  @Test
  void sharedBuildingBlocksNameNoProtocol() {
    noClasses().that().resideInAPackage("dev.tfe.protocol.share..").should().dependOnClassesThat()
        .resideInAnyPackage(PROTOCOLS).check(classes);
  }

  /**
   * No mutable statics for sessions or kernels in the core and the protocols: every static field
   * is final (op sets are per-session instances). In {@code api} too, but for one:
   * {@code Launchers.local}, the hook a launcher module registers itself in (sessions are never
   * held statically: the notebook kernel's magics find them among the cells' variables).
   */
  @Test
  void coreAndProtocolsHaveNoMutableStatics() {
    fields().that().areDeclaredInClassesThat().resideInAnyPackage(CORE).and().areStatic().should().beFinal().check(classes);
    fields().that().areDeclaredInClassesThat().resideInAnyPackage("dev.tfe.protocol..").and().areStatic().should().beFinal()
        .check(classes);
    fields().that().areDeclaredInClassesThat().resideInAnyPackage("dev.tfe.api..").and().areStatic()
        .and().areDeclaredInClassesThat().doNotHaveFullyQualifiedName(dev.tfe.api.Launchers.class.getName())
        .should().beFinal().check(classes);
  }

  @Test
  void coreNamesNoLauncherAndNoNotebookKernel() {
    noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat()
        .resideInAnyPackage("dev.tfe.launcher..", "dev.tfe.kernel..").check(classes);
  }
}
