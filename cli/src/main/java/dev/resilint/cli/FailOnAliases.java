package dev.resilint.cli;

import dev.resilint.core.FailThreshold;
import dev.resilint.core.config.Config;
import dev.resilint.core.run.RunSettings;
import dev.resilint.core.run.SettingException;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The names cfn-lint and checkov users know for {@code --fail-on}: cfn-lint's
 * {@code --non-zero-exit-code informational|warning|error|none} and checkov's {@code --soft-fail}
 * (exit 0 whatever the findings; input and internal errors still exit 2 and 3).
 */
final class FailOnAliases {

    /** cfn-lint's levels and the severity each means here; resilint's own labels work too. */
    private static final Map<String, FailThreshold> CFN_LINT_LEVELS = Map.of(
            "informational", FailThreshold.NOTE,
            "warning", FailThreshold.WARNING,
            "error", FailThreshold.ERROR,
            "none", FailThreshold.NONE);

    @Option(names = "--non-zero-exit-code", paramLabel = "LEVEL",
            description = "cfn-lint's name for --fail-on: informational (a note here), warning, error or none.")
    String nonZeroExitCode;

    @Option(names = "--soft-fail",
            description = "checkov's: exit 0 whatever the findings (--fail-on none); unreadable input still exits 2.")
    boolean softFail;

    /** The threshold from {@code --fail-on} ({@code failOn}, may be null) or one of its aliases, else the configuration's. */
    FailThreshold threshold(String failOn, Config config) {
        int given = (failOn != null ? 1 : 0) + (nonZeroExitCode != null ? 1 : 0) + (softFail ? 1 : 0);
        if (given > 1) {
            throw new UserException("give one of --fail-on, --non-zero-exit-code and --soft-fail");
        }
        if (softFail) {
            return FailThreshold.NONE;
        }
        if (nonZeroExitCode != null) {
            String level = nonZeroExitCode.trim().toLowerCase(Locale.ROOT);
            FailThreshold t = CFN_LINT_LEVELS.get(level);
            if (t == null) {
                t = FailThreshold.parse(level).orElseThrow(() -> new UserException("--non-zero-exit-code expects "
                        + "informational, warning, error or none, not '" + nonZeroExitCode + "'"));
            }
            return t;
        }
        try {
            return RunSettings.threshold(failOn, "--fail-on", config);
        } catch (SettingException e) {
            throw new UserException(e.getMessage());
        }
    }
}
