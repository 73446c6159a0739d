package dev.resilint.cli;

import dev.resilint.core.FailThreshold;
import dev.resilint.core.FileReasons;
import dev.resilint.core.RuleCatalog;
import dev.resilint.core.baseline.Baseline;
import dev.resilint.core.config.Config;
import dev.resilint.core.config.ConfigException;
import dev.resilint.core.config.ConfigLoader;
import dev.resilint.core.report.Report;
import dev.resilint.core.run.Analyzer;
import dev.resilint.core.run.InputProgress;
import dev.resilint.core.run.Runner;
import dev.resilint.core.run.RunOptions;
import dev.resilint.core.run.RunSettings;
import dev.resilint.core.run.SettingException;
import dev.resilint.core.run.StandardInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import picocli.CommandLine.Option;

/**
 * Options shared by every command that analyzes inputs ({@code check}, {@code code},
 * {@code baseline}); each command declares its own inputs, since they differ in kind.
 */
final class AnalysisOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file. Default: .resilint.yaml in the working directory or a parent.")
    Path config;

    @Option(names = {"-c", "--include-rules", "--include-checks"}, paramLabel = "PREFIX", split = ",",
            description = "Run only rules whose id starts with one of these prefixes (e.g. AZ,DR01; any case).")
    List<String> include = new ArrayList<>();

    @Option(names = {"-i", "--ignore-rules", "--ignore-checks"}, paramLabel = "PREFIX", split = ",",
            description = "Do not run rules whose id starts with one of these prefixes (any case).")
    List<String> ignore = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "Also list skipped files and other notes.")
    boolean verbose;

    @Option(names = "--today", hidden = true, paramLabel = "DATE",
            description = "Judge suppression expiry as of this date (for reproducible runs).")
    String today;

    /** Loads the configuration (exit 2 on errors) with the command-line selection applied. */
    Config loadConfig(Main.Environment env, RuleCatalog catalog) {
        ConfigLoader loader = new ConfigLoader(catalog, env.workingDirectory());
        Config loaded;
        try {
            Optional<Path> explicit = Optional.ofNullable(config).map(p -> env.workingDirectory().resolve(p));
            if (explicit.isPresent()) {
                Optional<String> missing = FileReasons.missing(explicit.get());
                if (missing.isPresent() || Files.isDirectory(explicit.get())) {
                    throw new UserException("--config " + config + ": " + missing.orElse("is a directory, not a file"));
                }
            }
            loaded = loader.load(explicit);
        } catch (ConfigException e) {
            // every mistake of the file, one line each
            throw new UserException(e.display().replace("\n", "\nresilint: "));
        }
        try {
            return RunSettings.selectRules(loaded, catalog, include, ignore);
        } catch (SettingException e) {
            throw new UserException(e.getMessage() + "; 'resilint rules' lists them");
        }
    }

    LocalDate today() {
        if (today == null) {
            // today in the default time zone, through its offset now: LocalDate.now() would load the
            // JDK's zone rules providers, whose service lookup opens every jar of the class path
            // (the AWS SDK's too) on every start
            long now = System.currentTimeMillis();
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(TimeZone.getDefault().getOffset(now) / 1000);
            return LocalDate.ofInstant(Instant.ofEpochMilli(now), offset);
        }
        try {
            return LocalDate.parse(today);
        } catch (DateTimeParseException e) {
            throw new UserException("--today expects a date like 2027-03-31");
        }
    }

    /**
     * Runs one analyzer ({@code cloudformation}, {@code code}) on {@code inputs} with everything
     * resolved.
     *
     * @param sourceRoots source directories for code findings (relative to the working directory)
     */
    Report run(Main.Environment env, String analyzer, List<Path> inputs, List<Path> sourceRoots, Config config,
            Optional<Baseline> baseline, FailThreshold threshold) {
        Analyzer found = env.analyzers().find(analyzer)
                .orElseThrow(() -> new UserException("the " + analyzer + " analyzer is missing from the class path", 3));
        return run(env, found, inputs, sourceRoots, config, baseline, threshold);
    }

    /** Runs {@code analyzer} on {@code inputs} with everything resolved. */
    Report run(Main.Environment env, Analyzer analyzer, List<Path> inputs, List<Path> sourceRoots, Config config,
            Optional<Baseline> baseline, FailThreshold threshold) {
        return run(env, analyzer, inputs, sourceRoots, config, baseline, threshold, Optional.empty(),
                InputProgress.NONE);
    }

    /** Runs one analyzer by name, with what the input {@code -} stands for, telling {@code progress} how far it got. */
    Report run(Main.Environment env, String analyzer, List<Path> inputs, List<Path> sourceRoots, Config config,
            Optional<Baseline> baseline, FailThreshold threshold, Optional<StandardInput> stdin, InputProgress progress) {
        Analyzer found = env.analyzers().find(analyzer)
                .orElseThrow(() -> new UserException("the " + analyzer + " analyzer is missing from the class path", 3));
        return run(env, found, inputs, sourceRoots, config, baseline, threshold, stdin, progress);
    }

    /** Runs {@code analyzer} with what the input {@code -} stands for, telling {@code progress} how far it got. */
    Report run(Main.Environment env, Analyzer analyzer, List<Path> inputs, List<Path> sourceRoots,
            Config config, Optional<Baseline> baseline, FailThreshold threshold, Optional<StandardInput> stdin,
            InputProgress progress) {
        RuleCatalog catalog = env.analyzers().catalog();
        List<Analyzer> analyzers = List.of(analyzer);
        RunOptions options = new RunOptions(inputs, env.workingDirectory(), config, baseline, threshold, today(),
                sourceRoots, stdin, progress);
        return new Runner(catalog).run(analyzers, options);
    }
}
