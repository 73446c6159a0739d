package dev.resilint.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.resilint.core.Location;
import dev.resilint.infra.graph.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * resilint's own architecture, after ArchUnit's {@code ArchUnitArchitectureTest}: no package
 * cycles; a core every part may use; a source-neutral resource graph above it; sources (the
 * CloudFormation templates, the live account) and rules beside each other above the graph, never
 * depending on each other; and the command line (with the Maven plugin, whose module does not
 * depend on the command line) as the only place that wires sources to rules. Within the templates,
 * the evaluator ({@code cfn.eval}) and the SAM transform ({@code cfn.sam}) sit below the rest.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // the live fake's test jar
                .importPackages("dev.resilint");
    }

    @Test
    void packagesAreFreeOfCycles() {
        ArchRule rule = slices().matching("dev.resilint.(**)").should().beFreeOfCycles();
        rule.check(classes);
    }

    @Test
    void layersAreRespected() {
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Core").definedBy("dev.resilint.core..")
                .layer("Graph").definedBy("dev.resilint.infra.graph..")
                .layer("Templates").definedBy("dev.resilint.infra.cfn..")
                .layer("Live").definedBy("dev.resilint.live..")
                .layer("InfraRules").definedBy("dev.resilint.infra.rules..")
                .layer("Simulation").definedBy("dev.resilint.infra.simulate..")
                .layer("Code").definedBy("dev.resilint.code..")
                .layer("Wiring").definedBy("dev.resilint.cli..", "dev.resilint.maven..")
                .whereLayer("Wiring").mayNotBeAccessedByAnyLayer()
                .whereLayer("Templates").mayOnlyBeAccessedByLayers("Wiring")
                .whereLayer("Live").mayOnlyBeAccessedByLayers("Wiring")
                .whereLayer("InfraRules").mayOnlyBeAccessedByLayers("Simulation", "Wiring")
                .whereLayer("Simulation").mayOnlyBeAccessedByLayers("Wiring")
                .whereLayer("Code").mayOnlyBeAccessedByLayers("Wiring")
                .whereLayer("Graph").mayOnlyBeAccessedByLayers("Templates", "Live", "InfraRules", "Simulation", "Wiring")
                .withOptionalLayers(true);
        rule.check(classes);
    }

    @Test
    void evaluatorAndSamTransformDoNotDependOnTheTemplateAnalysis() {
        ArchRule rule = noClasses().that().resideInAnyPackage("dev.resilint.infra.cfn.eval..", "dev.resilint.infra.cfn.sam..")
                .should().dependOnClassesThat().resideInAPackage("dev.resilint.infra.cfn")
                .because("template loading, discovery and analysis use the evaluator and the SAM transform, not the "
                        + "other way round");
        rule.check(classes);
    }

    @Test
    void rulesReadTheGraphOnlyThroughItsContract() {
        ArchRule rule = noClasses().that().resideInAnyPackage("dev.resilint.infra.rules..", "dev.resilint.infra.simulate..")
                .should().callMethod(Resource.class, "definition")
                .orShould().callMethod(Resource.class, "properties")
                .orShould().callConstructorWhere(DescribedPredicate.describe("a constructor of Location.Template",
                        call -> call.getTarget().getOwner().isEquivalentTo(Location.Template.class)))
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.resilint.core.tree.Mark")
                .because("a rule that reads template syntax or builds template locations cannot judge a live account");
        rule.check(classes);
    }
}
