package dev.resilint.core.run;

import static dev.resilint.core.testing.Fixtures.meta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilint.core.FailThreshold;
import dev.resilint.core.RuleCatalog;
import dev.resilint.core.baseline.Baseline;
import dev.resilint.core.baseline.BaselineException;
import dev.resilint.core.config.Config;
import dev.resilint.core.config.ConfigLoader;
import dev.resilint.core.report.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSettingsTest {

    static final RuleCatalog CATALOG = new RuleCatalog(List.of(meta("AZ01", "AzSpread"), meta("AZ04", "DbMultiAz"),
            meta("DR03", "Pitr")));

    @TempDir
    Path dir;

    private Config config(String yaml) throws Exception {
        Files.writeString(dir.resolve(".resilint.yaml"), yaml);
        return new ConfigLoader(CATALOG, dir).load(Optional.empty());
    }

    @Test
    void thresholdGivenThenConfiguredThenWarning() throws Exception {
        Config none = config("failOn: none\n");
        assertThat(RunSettings.threshold("ERROR", "--fail-on", none)).isEqualTo(FailThreshold.ERROR);
        assertThat(RunSettings.threshold(" note ", "--fail-on", none)).isEqualTo(FailThreshold.NOTE);
        assertThat(RunSettings.threshold(null, "--fail-on", none)).isEqualTo(FailThreshold.NONE);
        assertThat(RunSettings.threshold("", "failOnSeverity", none)).isEqualTo(FailThreshold.NONE);
        assertThat(RunSettings.threshold(null, "--fail-on", Config.defaults())).isEqualTo(FailThreshold.WARNING)
                .isEqualTo(RunSettings.DEFAULT_THRESHOLD);
        assertThatThrownBy(() -> RunSettings.threshold("sometimes", "failOnSeverity", none))
                .isInstanceOf(SettingException.class)
                .hasMessage("failOnSeverity expects error, warning, note or none, not 'sometimes'");
    }

    @Test
    void baselineResolvedAgainstTheWorkingDirectoryAndNamedAsGiven() throws Exception {
        assertThat(RunSettings.baseline(dir, null)).isEmpty();
        Files.createDirectories(dir.resolve("ci"));
        Files.writeString(dir.resolve("ci/base.json"), Baseline.of(List.of()).toJson());
        assertThat(RunSettings.baseline(dir, Path.of("ci/base.json"))).contains(Baseline.of(List.of()));
        assertThatThrownBy(() -> RunSettings.baseline(dir, Path.of("ci/missing.json")))
                .isInstanceOf(BaselineException.class).hasMessage("ci/missing.json: no such baseline file");
    }

    @Test
    void formatsByNameInAnyCase() throws Exception {
        assertThat(RunSettings.format("SARIF", "--format")).isEqualTo(ReportFormat.SARIF);
        assertThatThrownBy(() -> RunSettings.format("pdf", "--format")).isInstanceOf(SettingException.class)
                .hasMessage("unknown --format 'pdf'; expected text, json, sarif, junit, markdown or gitlab");
    }

    @Test
    void ruleSelectionMustNameRules() throws Exception {
        Config selected = RunSettings.selectRules(Config.defaults(), CATALOG, List.of(" AZ"), List.of("AZ04"));
        assertThat(selected.isEnabled("AZ01")).isTrue();
        assertThat(selected.isEnabled("AZ04")).isFalse();
        assertThat(selected.isEnabled("DR03")).isFalse();
        assertThat(RunSettings.selectRules(Config.defaults(), CATALOG, null, null).isEnabled("DR03")).isTrue();
        assertThatThrownBy(() -> RunSettings.selectRules(Config.defaults(), CATALOG, List.of("AZ"), List.of("XX9")))
                .isInstanceOf(SettingException.class).hasMessage("unknown rule id or prefix 'XX9'");
    }
}
