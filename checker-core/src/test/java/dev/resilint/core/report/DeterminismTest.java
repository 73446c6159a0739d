package dev.resilint.core.report;

import static dev.resilint.core.report.ReportFixtures.options;
import static dev.resilint.core.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every format shares: same report, same bytes; LF only; sensible empty output. */
class DeterminismTest {

    static Stream<Arguments> formatsAndOptions() {
        List<Arguments> args = new ArrayList<>();
        for (ReportFormat format : ReportFormat.values()) {
            args.add(Arguments.of(format, options()));
            args.add(Arguments.of(format, options(true, true, true)));
        }
        return args.stream();
    }

    @ParameterizedTest
    @MethodSource("formatsAndOptions")
    void equalReportsRenderToIdenticalBytes(ReportFormat format, ReportOptions options) {
        List<Supplier<Report>> fixtures = List.of(ReportFixtures::full, ReportFixtures::withoutProblems,
                ReportFixtures::clean, ReportFixtures::empty);
        for (Supplier<Report> fixture : fixtures) {
            Report first = fixture.get();
            Report second = fixture.get();
            assertThat(second).isEqualTo(first).isNotSameAs(first);
            String a = render(format, first, options);
            assertThat(render(format, second, options)).isEqualTo(a);
            assertThat(render(format, first, options)).isEqualTo(a);
        }
    }

    /** JSON and SARIF keep the report's order (the run pipeline sorts); the grouped formats sort. */
    @ParameterizedTest
    @EnumSource(value = ReportFormat.class, names = {"TEXT", "MARKDOWN", "JUNIT"})
    void groupedFormatsDoNotDependOnFindingOrder(ReportFormat format) {
        Report report = ReportFixtures.withoutProblems();
        List<Finding> shuffled = new ArrayList<>(report.findings());
        Collections.reverse(shuffled);
        Report reversed = new Report(report.rules(), shuffled, report.suppressed(), report.baselined(),
                report.staleBaselineEntries(), report.baselineUsed(), report.problems(), report.files(),
                report.notes(), report.threshold());
        assertThat(render(format, reversed, options(false, false, true)))
                .isEqualTo(render(format, report, options(false, false, true)));
    }

    @ParameterizedTest
    @MethodSource("formatsAndOptions")
    void unixLineEndsAndFinalNewline(ReportFormat format, ReportOptions options) {
        for (Report report : List.of(ReportFixtures.full(), ReportFixtures.empty())) {
            String out = render(format, report, options);
            if (format == ReportFormat.PARSEABLE && out.isEmpty()) {
                continue; // one line per finding: nothing at all without findings
            }
            assertThat(out).doesNotContain("\r").endsWith("\n").doesNotEndWith("\n\n");
        }
    }

    @ParameterizedTest
    @EnumSource(value = ReportFormat.class, names = "PARSEABLE", mode = EnumSource.Mode.EXCLUDE)
    void emptyReportRenders(ReportFormat format) {
        String out = render(format, ReportFixtures.empty(), options());
        assertThat(out).isNotBlank();
        assertThat(out.lines().count()).isLessThan(60);
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void noAbsolutePathsOrTimestamps(ReportFormat format) {
        String out = render(format, ReportFixtures.full(), options(false, true, true));
        assertThat(out).doesNotContain(System.getProperty("user.dir")).doesNotContain("file:/")
                .doesNotContainPattern("20[0-9]{2}-[0-9]{2}-[0-9]{2}T");
    }
}
