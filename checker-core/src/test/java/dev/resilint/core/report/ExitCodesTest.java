package dev.resilint.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilint.core.FailThreshold;
import dev.resilint.core.Problem;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExitCodesTest {

    @Test
    void everyCodeOnceInNumericOrderWithAOneLineMeaning() {
        assertThat(ExitCodes.all()).extracting(ExitCodes.Code::code).containsExactly(0, 1, 2, 3, 4);
        assertThat(ExitCodes.all()).extracting(ExitCodes.Code::code).containsExactly(ExitCodes.OK, ExitCodes.FINDINGS,
                ExitCodes.USAGE_ERROR, ExitCodes.INTERNAL_ERROR, ExitCodes.NOT_EVALUATED);
        for (ExitCodes.Code code : ExitCodes.all()) {
            assertThat(code.description()).as("one line of --help").isNotBlank().doesNotContain("\n")
                    .hasSizeLessThanOrEqualTo(94);
            assertThat(ExitCodes.of(code.code())).isEqualTo(code);
        }
        assertThatThrownBy(() -> ExitCodes.of(5)).hasMessageContaining("no exit code 5");
    }

    @Test
    void precedenceInternalThenUsageThenFindingsThenGapsThenOk() {
        assertThat(ExitCodes.precedenceRule()).isEqualTo("3 > 2 > 1 > 4 > 0");
        assertThat(ExitCodes.precedenceRule(EnumSet.of(ExitCodes.Code.OK, ExitCodes.Code.FINDINGS,
                ExitCodes.Code.USAGE_ERROR))).isEqualTo("2 > 1 > 0");
        assertThat(ExitCodes.decide(Set.of())).isEqualTo(ExitCodes.Code.OK);
        assertThat(ExitCodes.decide(EnumSet.allOf(ExitCodes.Code.class))).isEqualTo(ExitCodes.Code.INTERNAL_ERROR);
        assertThat(ExitCodes.decide(EnumSet.of(ExitCodes.Code.OK, ExitCodes.Code.NOT_EVALUATED, ExitCodes.Code.FINDINGS)))
                .isEqualTo(ExitCodes.Code.FINDINGS);
        assertThat(ExitCodes.decide(EnumSet.of(ExitCodes.Code.NOT_EVALUATED, ExitCodes.Code.USAGE_ERROR)))
                .isEqualTo(ExitCodes.Code.USAGE_ERROR);
        assertThat(ExitCodes.decide(EnumSet.of(ExitCodes.Code.OK, ExitCodes.Code.NOT_EVALUATED)))
                .isEqualTo(ExitCodes.Code.NOT_EVALUATED);
    }

    @Test
    void reportDecidesByPrecedence() {
        assertThat(ReportFixtures.clean().exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(ReportFixtures.withGaps().exitCode()).isEqualTo(ExitCodes.NOT_EVALUATED);
        assertThat(ReportFixtures.withGaps().applicableExitCodes())
                .containsExactlyInAnyOrder(ExitCodes.Code.OK, ExitCodes.Code.NOT_EVALUATED);
        assertThat(ReportFixtures.withoutProblems().exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(ReportFixtures.full().exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);

        Report r = ReportFixtures.full();
        Report gapsAndFindings = new Report(r.rules(), r.findings(), List.of(), List.of(), List.of(), false, List.of(),
                ReportFixtures.gaps(), r.files(), List.of(), FailThreshold.WARNING);
        assertThat(gapsAndFindings.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        Report gapsBelowThreshold = new Report(r.rules(), r.findings(), List.of(), List.of(), List.of(), false,
                List.of(), ReportFixtures.gaps(), r.files(), List.of(), FailThreshold.NONE);
        assertThat(gapsBelowThreshold.exitCode()).isEqualTo(ExitCodes.NOT_EVALUATED);
        Report gapsAndInputError = new Report(r.rules(), List.of(), List.of(), List.of(), List.of(), false,
                List.of(Problem.input("stacks/broken.yaml", 1, 1, "invalid YAML")), ReportFixtures.gaps(), r.files(),
                List.of(), FailThreshold.WARNING);
        assertThat(gapsAndInputError.exitCode()).isEqualTo(ExitCodes.USAGE_ERROR);
    }

    @Test
    void reportSortsGapsAndDropsDuplicates() {
        Report report = ReportFixtures.withGaps();
        assertThat(report.notEvaluated()).hasSize(ReportFixtures.gaps().size() - 1).isSortedAccordingTo(
                Report.NOT_EVALUATED_ORDER);
    }
}
