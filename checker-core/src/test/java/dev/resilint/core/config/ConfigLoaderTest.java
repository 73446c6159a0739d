package dev.resilint.core.config;

import static dev.resilint.core.testing.Fixtures.meta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.resilint.core.FailThreshold;
import dev.resilint.core.Location;
import dev.resilint.core.RuleCatalog;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.RuleParameter;
import dev.resilint.core.Severity;
import dev.resilint.core.Suppression;
import dev.resilint.core.SuppressionScope;
import dev.resilint.core.testing.Fixtures;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.TreeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    static final RuleMetadata AZ01 = meta("AZ01", "AzSpread");
    static final RuleMetadata AZ04 = meta("AZ04", "DbMultiAz");
    static final RuleMetadata DR01 = meta("DR01", "BackupRetention",
            RuleParameter.integer("minimumRetentionDays", 7, "Days."),
            RuleParameter.bool("strictMode", false, "Strict."),
            RuleParameter.string("vaultName", "default", "Vault."),
            RuleParameter.stringList("exemptEngines", List.of(), "Engines."));
    static final RuleMetadata OB01 = meta("OB01", "TagsRequired");
    static final RuleCatalog CATALOG = Fixtures.catalog(AZ01, AZ04, DR01, OB01);

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private Config load(String yaml) throws Exception {
        write(".resilint.yaml", yaml);
        return new ConfigLoader(CATALOG, dir).load(Optional.empty());
    }

    /** Loads {@code yaml} as {@code .resilint.yaml} and returns the error it must produce. */
    private ConfigException error(String yaml) throws IOException {
        write(".resilint.yaml", yaml);
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader(CATALOG, dir).load(Optional.empty()));
        assertThat(e).as("expected a ConfigException for:%n%s", yaml).isNotNull();
        assertThat(e.file()).isEqualTo(".resilint.yaml");
        return e;
    }

    @Test
    void pathGlobsAreRelativeToTheConfigurationFileWhereverResilintRuns() throws Exception {
        write(".resilint.yaml", """
                suppressions:
                  - {path: stacks/legacy/**, id: AZ04, reason: Legacy stack retired in Q2}
                """);
        Path sub = Files.createDirectories(dir.resolve("stacks"));
        Config fromSub = new ConfigLoader(CATALOG, sub).load(Optional.empty());
        SuppressionScope scope = fromSub.suppressions().get(0).scope();
        // seen from stacks/, a finding's file is legacy/db.yaml
        assertThat(scope.covers(new dev.resilint.core.Location.Template("legacy/db.yaml", 1, 1, "Resources/Db", "Db", "")))
                .isTrue();
        assertThat(scope.covers(new dev.resilint.core.Location.Template("other/db.yaml", 1, 1, "Resources/Db", "Db", "")))
                .isFalse();
        Config fromRoot = new ConfigLoader(CATALOG, dir).load(Optional.empty());
        assertThat(fromRoot.suppressions().get(0).scope().covers(
                new dev.resilint.core.Location.Template("stacks/legacy/db.yaml", 1, 1, "Resources/Db", "Db", "")))
                .isTrue();
    }

    @Test
    void emptyOrCommentOnlyFileMeansTheDefaults() throws Exception {
        Config empty = load("");
        assertThat(empty.file()).contains(dir.resolve(".resilint.yaml"));
        assertThat(empty.include()).isEmpty();
        Config comments = load("# nothing configured yet\n---\n# ignore: [AZ]\n");
        assertThat(comments.ignore()).isEmpty();
        assertThat(comments.isEnabled("AZ04")).isTrue();
    }

    @Test
    void parsesEveryKeyOfAFullFile() throws Exception {
        Config config = load("""
                version: 1
                include: [AZ, DR01]
                ignore:
                  - AZ04
                failOn: warning
                severity:
                  AZ01: error
                  DR01: note
                rules:
                  DR01:
                    minimumRetentionDays: 14
                    strictMode: true
                    vaultName: primary
                    exemptEngines: [aurora, redis]
                requiredTags: [owner, team]
                maxFileSizeMiB: 8
                suppressions:
                  - path: legacy/**
                    id: AZ01
                    reason: Legacy stack, retired in Q2
                    expires: 2027-03-31
                  - path: "**/*.json"
                    id: DR01
                    reason: "  Generated templates, checked upstream  "
                """);

        assertThat(config.file()).contains(dir.resolve(".resilint.yaml"));
        assertThat(config.include()).containsExactly("AZ", "DR01");
        assertThat(config.ignore()).containsExactly("AZ04");
        assertThat(config.failOn()).contains(FailThreshold.WARNING);
        assertThat(config.severity()).containsExactlyInAnyOrderEntriesOf(
                Map.of("AZ01", Severity.ERROR, "DR01", Severity.NOTE));
        assertThat(config.ruleParameters()).containsOnlyKeys("DR01");
        assertThat(config.ruleParameters().get("DR01")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "minimumRetentionDays", 14,
                "strictMode", true,
                "vaultName", "primary",
                "exemptEngines", List.of("aurora", "redis")));
        assertThat(config.requiredTags()).containsExactly("owner", "team");
        assertThat(config.maxFileSizeBytes()).isEqualTo(8L * 1024 * 1024);

        assertThat(config.suppressions()).hasSize(2);
        Suppression legacy = config.suppressions().get(0);
        assertThat(legacy.ruleId()).isEqualTo("AZ01");
        assertThat(legacy.reason()).isEqualTo("Legacy stack, retired in Q2");
        assertThat(legacy.expires()).contains(LocalDate.of(2027, 3, 31));
        assertThat(((SuppressionScope.PathGlob) legacy.scope()).glob()).isEqualTo("legacy/**");
        assertThat(legacy.format()).isEqualTo(Suppression.Format.CONFIG);
        assertThat(legacy.origin()).isEqualTo(new Location.Template(".resilint.yaml", 18, 5, "suppressions/0", "", ""));
        assertThat(legacy.origin().display()).isEqualTo(".resilint.yaml:18:5");

        Suppression generated = config.suppressions().get(1);
        assertThat(generated.ruleId()).isEqualTo("DR01");
        assertThat(generated.reason()).isEqualTo("Generated templates, checked upstream");
        assertThat(generated.expires()).isEmpty();
        assertThat(((SuppressionScope.PathGlob) generated.scope()).glob()).isEqualTo("**/*.json");
        assertThat(generated.origin().line()).isEqualTo(22);
    }

    @Test
    void singleStringsAreAcceptedWhereListsAreExpected() throws Exception {
        Config config = load("include: AZ\nrequiredTags: owner\nrules:\n  DR01:\n    exemptEngines: aurora\n");
        assertThat(config.include()).containsExactly("AZ");
        assertThat(config.requiredTags()).containsExactly("owner");
        assertThat(config.ruleParameters().get("DR01")).containsEntry("exemptEngines", List.of("aurora"));
    }

    @Test
    void keysWithoutValuesMeanEmptyListsAndMaps() throws Exception {
        // Typical after commenting out every item: must not become the prefix "" that matches every rule.
        Config config = load("""
                include:
                ignore:
                #  - OB
                severity:
                rules:
                  DR01:
                requiredTags: ~
                suppressions:
                """);
        assertThat(config.include()).isEmpty();
        assertThat(config.ignore()).isEmpty();
        assertThat(config.severity()).isEmpty();
        assertThat(config.ruleParameters()).containsOnlyKeys("DR01");
        assertThat(config.ruleParameters().get("DR01")).isEmpty();
        assertThat(config.requiredTags()).isEmpty();
        assertThat(config.suppressions()).isEmpty();
        assertThat(config.isEnabled("AZ01")).isTrue();
        assertThat(config.isEnabled("OB01")).isTrue();
        assertThat(config.isEnabled("RL01")).isTrue();
    }

    @Test
    void failOnAndSeverityAreCaseInsensitive() throws Exception {
        Config config = load("failOn: NONE\nseverity: {AZ01: Warning}\n");
        assertThat(config.failOn()).contains(FailThreshold.NONE);
        assertThat(config.severity()).containsEntry("AZ01", Severity.WARNING);
    }

    @Test
    void aPartialFileKeepsTheOtherDefaults() throws Exception {
        Config config = load("ignore: [OB]\n");
        Config defaults = Config.defaults();
        assertThat(config.ignore()).containsExactly("OB");
        assertThat(config.include()).isEmpty();
        assertThat(config.failOn()).isEmpty();
        assertThat(config.severity()).isEmpty();
        assertThat(config.ruleParameters()).isEmpty();
        assertThat(config.suppressions()).isEmpty();
        assertThat(config.maxFileSizeBytes()).isEqualTo(defaults.maxFileSizeBytes());
    }

    @Test
    void defaultsWhenNoFileExists() throws Exception {
        Path work = Files.createDirectories(dir.resolve("project/sub"));
        for (Path p = work; p != null; p = p.getParent()) {
            Path here = p;
            Assumptions.assumeTrue(ConfigLoader.FILE_NAMES.stream().noneMatch(n -> Files.exists(here.resolve(n))),
                    "a configuration file exists above the temporary directory: " + p);
        }
        ConfigLoader loader = new ConfigLoader(CATALOG, work);
        assertThat(loader.discover()).isEmpty();
        Config config = loader.load(Optional.empty());
        assertThat(config).isEqualTo(Config.defaults());
        assertThat(config.file()).isEmpty();
        assertThat(config.include()).isEmpty();
        assertThat(config.ignore()).isEmpty();
        assertThat(config.failOn()).isEmpty();
        assertThat(config.maxFileSizeBytes()).isEqualTo(TreeReader.DEFAULT_MAX_BYTES);
        assertThat(config.isEnabled("AZ01")).isTrue();
    }

    @Nested
    class Discovery {

        @Test
        void findsTheFileInAParentDirectory() throws Exception {
            Path root = write(".resilint.yaml", "ignore: [OB]\n");
            Path work = Files.createDirectories(dir.resolve("stacks/prod/eu"));
            ConfigLoader loader = new ConfigLoader(CATALOG, work);
            assertThat(loader.discover()).contains(root);
            Config config = loader.load(Optional.empty());
            assertThat(config.file()).contains(root);
            assertThat(config.ignore()).containsExactly("OB");
        }

        @Test
        void theNearestFileWins() throws Exception {
            write(".resilint.yaml", "ignore: [OB]\n");
            Path nearer = write("stacks/.resilint.yml", "ignore: [DR]\n");
            Path work = Files.createDirectories(dir.resolve("stacks/prod"));
            ConfigLoader loader = new ConfigLoader(CATALOG, work);
            assertThat(loader.discover()).contains(nearer);
            assertThat(loader.load(Optional.empty()).ignore()).containsExactly("DR");
        }

        @Test
        void yamlIsPreferredOverYmlInTheSameDirectory() throws Exception {
            Path yaml = write(".resilint.yaml", "ignore: [OB]\n");
            write(".resilint.yml", "ignore: [DR]\n");
            assertThat(new ConfigLoader(CATALOG, dir).discover()).contains(yaml);
        }

        @Test
        void anExplicitFileIsPreferredOverADiscoveredOne() throws Exception {
            write(".resilint.yaml", "ignore: [OB]\n");
            Path explicit = write("conf/custom.yaml", "ignore: [AZ04]\n");
            Config config = new ConfigLoader(CATALOG, dir).load(Optional.of(explicit));
            assertThat(config.file()).contains(explicit);
            assertThat(config.ignore()).containsExactly("AZ04");
        }

        @Test
        void errorsInAnExplicitFileNameItRelativeToTheWorkingDirectory() throws Exception {
            Path explicit = write("conf/custom.yaml", "ignore: [ZZ]\n");
            ConfigException e = catchThrowableOfType(ConfigException.class,
                    () -> new ConfigLoader(CATALOG, dir).load(Optional.of(explicit)));
            assertThat(e.display()).isEqualTo("conf/custom.yaml:1:10: ignore: unknown rule id or prefix 'ZZ'");
        }

        @Test
        void aMissingExplicitFileIsAnError() {
            Path missing = dir.resolve("nope.yaml");
            ConfigException e = catchThrowableOfType(ConfigException.class,
                    () -> new ConfigLoader(CATALOG, dir).load(Optional.of(missing)));
            assertThat(e).isNotNull();
            assertThat(e.display()).isEqualTo("nope.yaml: no such file or directory");
        }
    }

    @Nested
    class Errors {

        @Test
        void unknownTopLevelKey() throws Exception {
            ConfigException e = error("version: 1\nincldue: [AZ]\n");
            assertThat(e.mark()).isEqualTo(new Mark(2, 1));
            assertThat(e.key()).isEqualTo("incldue");
            assertThat(e.display()).isEqualTo(".resilint.yaml:2:1: incldue: unknown key; expected one of failOn, "
                    + "ignore, ignoreTemplates, include, maxFileSizeMiB, requiredTags, rules, severity, suppressions, version");
        }

        @Test
        void unknownRuleIdInSeverity() throws Exception {
            assertThat(error("severity:\n  ZZ99: error\n").display())
                    .isEqualTo(".resilint.yaml:2:3: severity.ZZ99: unknown rule id 'ZZ99'");
        }

        @Test
        void unknownRuleIdInRules() throws Exception {
            assertThat(error("rules:\n  ZZ99:\n    x: 1\n").display())
                    .isEqualTo(".resilint.yaml:2:3: rules.ZZ99: unknown rule id 'ZZ99'");
        }

        @Test
        void unknownRuleIdInInclude() throws Exception {
            assertThat(error("include: [AZ, QQ]\n").display())
                    .isEqualTo(".resilint.yaml:1:15: include: unknown rule id or prefix 'QQ'");
        }

        @Test
        void unknownRuleIdInIgnore() throws Exception {
            assertThat(error("ignore:\n  - OB01\n  - XX\n").display())
                    .isEqualTo(".resilint.yaml:3:5: ignore: unknown rule id or prefix 'XX'");
        }

        @Test
        void prefixesAndRuleIdsIgnoreCase() throws Exception {
            Config config = load("include: az\nseverity: {az04: note}\n");
            assertThat(config.isEnabled("AZ04")).isTrue();
            assertThat(config.isEnabled("DR01")).isFalse();
            assertThat(config.severity()).containsEntry("AZ04", dev.resilint.core.Severity.NOTE);
            assertThat(error("include: zz\n").display())
                    .isEqualTo(".resilint.yaml:1:10: include: unknown rule id or prefix 'zz'");
        }

        @Test
        void unknownRuleIdInSuppressions() throws Exception {
            assertThat(error("""
                    suppressions:
                      - path: a/**
                        id: ZZ99
                        reason: a long enough reason
                    """).display())
                    .isEqualTo(".resilint.yaml:3:9: suppressions[0].id: unknown rule id 'ZZ99'");
        }

        @Test
        void unknownKeyInASuppression() throws Exception {
            assertThat(error("""
                    suppressions:
                      - path: a/**
                        id: AZ01
                        reason: a long enough reason
                        until: 2027-01-01
                    """).display())
                    .isEqualTo(".resilint.yaml:5:5: suppressions[0].until: unknown key; expected path or arn, id, reason, expires");
        }

        @Test
        void unknownParameter() throws Exception {
            assertThat(error("rules:\n  DR01:\n    minimumRetention: 3\n").display())
                    .isEqualTo(".resilint.yaml:3:5: rules.DR01.minimumRetention: unknown parameter; rule DR01 has "
                            + "minimumRetentionDays, strictMode, vaultName, exemptEngines");
        }

        @Test
        void parameterOfARuleWithoutParameters() throws Exception {
            assertThat(error("rules:\n  AZ01:\n    x: 1\n").display())
                    .isEqualTo(".resilint.yaml:3:5: rules.AZ01.x: unknown parameter; rule AZ01 has no parameters");
        }

        @Test
        void stringForInteger() throws Exception {
            assertThat(error("maxFileSizeMiB: '32'\n").display())
                    .isEqualTo(".resilint.yaml:1:17: maxFileSizeMiB: expected an integer but was a string");
            assertThat(error("rules:\n  DR01:\n    minimumRetentionDays: fourteen\n").display())
                    .isEqualTo(".resilint.yaml:3:27: rules.DR01.minimumRetentionDays: expected an integer but was a string");
        }

        @Test
        void decimalForInteger() throws Exception {
            assertThat(error("maxFileSizeMiB: 1.5\n").display())
                    .isEqualTo(".resilint.yaml:1:17: maxFileSizeMiB: expected an integer but was a number");
        }

        @Test
        void stringForBoolean() throws Exception {
            assertThat(error("rules:\n  DR01:\n    strictMode: 'yes'\n").display())
                    .isEqualTo(".resilint.yaml:3:17: rules.DR01.strictMode: expected true or false but was a string");
        }

        @Test
        void listForString() throws Exception {
            assertThat(error("rules:\n  DR01:\n    vaultName: [a, b]\n").display())
                    .isEqualTo(".resilint.yaml:3:16: rules.DR01.vaultName: expected a string but was a list");
        }

        @Test
        void mapForList() throws Exception {
            assertThat(error("requiredTags: {owner: yes}\n").display())
                    .isEqualTo(".resilint.yaml:1:15: requiredTags: expected a list but was a map");
            assertThat(error("suppressions:\n  path: a/**\n").display())
                    .isEqualTo(".resilint.yaml:2:3: suppressions: expected a list but was a map");
        }

        @Test
        void listForMap() throws Exception {
            assertThat(error("severity: [AZ01]\n").display())
                    .isEqualTo(".resilint.yaml:1:11: severity: expected a map but was a list");
            assertThat(error("rules:\n  DR01: 14\n").display())
                    .isEqualTo(".resilint.yaml:2:9: rules.DR01: expected a map but was an integer");
        }

        @Test
        void anEmptyRulePrefixIsAnError() throws Exception {
            assertThat(error("ignore: [OB, '']\n").display()).isEqualTo(".resilint.yaml:1:14: ignore: "
                    + "an empty rule id prefix would match every rule; name a rule id or prefix");
        }

        @Test
        void nullForAString() throws Exception {
            assertThat(error("failOn: ~\n").display())
                    .isEqualTo(".resilint.yaml:1:9: failOn: expected a string but was null");
        }

        @Test
        void badFailOn() throws Exception {
            assertThat(error("failOn: sometimes\n").display()).isEqualTo(
                    ".resilint.yaml:1:9: failOn: expected one of error, warning, note, none but was 'sometimes'");
        }

        @Test
        void badSeverity() throws Exception {
            assertThat(error("severity:\n  AZ01: critical\n").display()).isEqualTo(
                    ".resilint.yaml:2:9: severity.AZ01: expected one of error, warning, note but was 'critical'");
        }

        @Test
        void badDate() throws Exception {
            assertThat(error("""
                    suppressions:
                      - path: a/**
                        id: AZ01
                        reason: a long enough reason
                        expires: 2027-02-30
                    """).display())
                    .isEqualTo(".resilint.yaml:5:14: suppressions[0].expires: expected a date like 2027-03-31");
            assertThat(error("""
                    suppressions:
                      - path: a/**
                        id: AZ01
                        reason: a long enough reason
                        expires: next spring
                    """).display())
                    .isEqualTo(".resilint.yaml:5:14: suppressions[0].expires: expected a date like 2027-03-31");
        }

        @Test
        void reasonTooShort() throws Exception {
            assertThat(error("""
                    suppressions:
                      - path: a/**
                        id: AZ01
                        reason: "  too short   "
                    """).display()).isEqualTo(
                    ".resilint.yaml:4:13: suppressions[0].reason: a reason of at least 10 characters is required");
        }

        @Test
        void aReasonOfExactlyTenCharactersIsEnough() throws Exception {
            Config config = load("suppressions:\n  - path: a/**\n    id: AZ01\n    reason: ten chars!\n");
            assertThat(config.suppressions()).singleElement()
                    .satisfies(s -> assertThat(s.reason()).isEqualTo("ten chars!"));
        }

        @Test
        void missingPath() throws Exception {
            assertThat(error("suppressions:\n  - id: AZ01\n    reason: a long enough reason\n").display())
                    .isEqualTo(".resilint.yaml:2:5: suppressions[0]: give either path (templates and code) or arn "
                            + "(live resources)");
        }

        @Test
        void missingId() throws Exception {
            assertThat(error("suppressions:\n  - path: a/**\n    reason: a long enough reason\n").display())
                    .isEqualTo(".resilint.yaml:2:5: suppressions[0].id: is required");
        }

        @Test
        void missingReasonInTheSecondEntry() throws Exception {
            assertThat(error("""
                    suppressions:
                      - path: a/**
                        id: AZ01
                        reason: a long enough reason
                      - path: b/**
                        id: AZ04
                    """).display()).isEqualTo(".resilint.yaml:5:5: suppressions[1].reason: is required");
        }

        @Test
        void invalidGlob() throws Exception {
            ConfigException e = error("suppressions:\n  - path: 'legacy/[ab'\n    id: AZ01\n    reason: a long enough reason\n");
            assertThat(e.display()).startsWith(".resilint.yaml:2:11: suppressions[0].path: invalid glob 'legacy/[ab'");
        }

        @Test
        void unsupportedVersion() throws Exception {
            assertThat(error("version: 2\n").display())
                    .isEqualTo(".resilint.yaml:1:10: version: unsupported version 2; this resilint reads version 1");
        }

        @Test
        void maxFileSizeOutOfRange() throws Exception {
            assertThat(error("maxFileSizeMiB: 0\n").display()).isEqualTo(
                    ".resilint.yaml:1:17: maxFileSizeMiB: expected a number of MiB from 1 to 1024 but was 0");
            assertThat(error("maxFileSizeMiB: 2048\n").display()).isEqualTo(
                    ".resilint.yaml:1:17: maxFileSizeMiB: expected a number of MiB from 1 to 1024 but was 2048");
            assertThat(error("maxFileSizeMiB: 99999999999\n").display()).isEqualTo(
                    ".resilint.yaml:1:17: maxFileSizeMiB: integer out of range: 99999999999");
        }

        @Test
        void rootThatIsNotAMap() throws Exception {
            ConfigException e = error("- AZ01\n- DR01\n");
            assertThat(e.key()).isEmpty();
            assertThat(e.display()).isEqualTo(".resilint.yaml:1:1: expected a map but was a list");
        }

        @Test
        void malformedYaml() throws Exception {
            ConfigException e = error("include: [AZ, DR01\nignore: [OB]\n");
            assertThat(e.mark().line()).isGreaterThan(0);
            assertThat(e.key()).isEmpty();
            assertThat(e.display()).startsWith(".resilint.yaml:" + e.mark().line() + ":" + e.mark().column()
                    + ": invalid YAML: ");
        }

        @Test
        void everyMistakeOfTheFileAtOnce() throws Exception {
            ConfigException e = error("""
                    incldue: [AZ]
                    ignore: [ZZ, AZ01, YY]
                    failOn: sometimes
                    severity: {AZ01: loud, XX01: error}
                    rules:
                      DR01: {minimumRetentionDays: many, nope: 1}
                    maxFileSizeMiB: 0
                    suppressions:
                      - {path: a/**, id: AZ01, reason: short}
                      - {path: b/**, id: QQ01, reason: a long enough reason}
                      - {path: c/**, id: AZ01, reason: a long enough reason}
                    """);
            assertThat(e.display().lines().toList()).containsExactly(
                    ".resilint.yaml:1:1: incldue: unknown key; expected one of failOn, ignore, ignoreTemplates, include, "
                            + "maxFileSizeMiB, requiredTags, rules, severity, suppressions, version",
                    ".resilint.yaml:2:10: ignore: unknown rule id or prefix 'ZZ'",
                    ".resilint.yaml:2:20: ignore: unknown rule id or prefix 'YY'",
                    ".resilint.yaml:3:9: failOn: expected one of error, warning, note, none but was 'sometimes'",
                    ".resilint.yaml:4:18: severity.AZ01: expected one of error, warning, note but was 'loud'",
                    ".resilint.yaml:4:24: severity.XX01: unknown rule id 'XX01'",
                    ".resilint.yaml:6:32: rules.DR01.minimumRetentionDays: expected an integer but was a string",
                    ".resilint.yaml:6:38: rules.DR01.nope: unknown parameter; rule DR01 has minimumRetentionDays, "
                            + "strictMode, vaultName, exemptEngines",
                    ".resilint.yaml:7:17: maxFileSizeMiB: expected a number of MiB from 1 to 1024 but was 0",
                    ".resilint.yaml:9:36: suppressions[0].reason: a reason of at least "
                            + Suppression.MIN_REASON_LENGTH + " characters is required",
                    ".resilint.yaml:10:22: suppressions[1].id: unknown rule id 'QQ01'");
            assertThat(e.errors()).hasSize(11);
            assertThat(e.mark()).isEqualTo(new Mark(1, 1));
        }

        @Test
        void duplicateKey() throws Exception {
            assertThat(error("ignore: [OB]\nignore: [DR]\n").display())
                    .isEqualTo(".resilint.yaml:2:1: duplicate key 'ignore' (first defined at line 1, column 1)");
        }
    }

    @Nested
    class Enabling {

        private Config config(List<String> include, List<String> ignore) {
            return Config.defaults().withSelection(include, ignore);
        }

        @Test
        void everythingIsEnabledByDefault() {
            Config c = Config.defaults();
            assertThat(c.isEnabled("AZ01")).isTrue();
            assertThat(c.isEnabled("RL01")).isTrue();
        }

        @Test
        void includeIsByPrefix() {
            Config c = config(List.of("AZ", "DR01"), List.of());
            assertThat(c.isEnabled("AZ01")).isTrue();
            assertThat(c.isEnabled("AZ04")).isTrue();
            assertThat(c.isEnabled("DR01")).isTrue();
            assertThat(c.isEnabled("DR02")).isFalse();
            assertThat(c.isEnabled("OB01")).isFalse();
        }

        @Test
        void ignoreIsByPrefix() {
            Config c = config(List.of(), List.of("OB", "AZ04"));
            assertThat(c.isEnabled("OB01")).isFalse();
            assertThat(c.isEnabled("OB02")).isFalse();
            assertThat(c.isEnabled("AZ04")).isFalse();
            assertThat(c.isEnabled("AZ01")).isTrue();
        }

        @Test
        void ignoreWinsOverInclude() {
            Config c = config(List.of("AZ04", "DR"), List.of("AZ", "DR01"));
            assertThat(c.isEnabled("AZ04")).isFalse();
            assertThat(c.isEnabled("DR01")).isFalse();
            assertThat(c.isEnabled("DR02")).isTrue();
        }

        @Test
        void withSelectionAddsToTheFilesSelection() throws Exception {
            Config file = load("include: [AZ]\nignore: [AZ04]\n");
            Config c = file.withSelection(List.of("DR"), List.of("AZ01"));
            assertThat(c.include()).containsExactly("AZ", "DR");
            assertThat(c.ignore()).containsExactly("AZ04", "AZ01");
            assertThat(c.isEnabled("AZ01")).isFalse();
            assertThat(c.isEnabled("AZ02")).isTrue();
            assertThat(c.isEnabled("DR01")).isTrue();
            assertThat(c.isEnabled("OB01")).isFalse();
            assertThat(file.isEnabled("AZ01")).as("the original is unchanged").isTrue();
        }
    }

    @Test
    void configIsImmutable() throws Exception {
        Config config = load("include: [AZ]\nrules:\n  DR01: {minimumRetentionDays: 3}\n");
        assertThatThrownBy(() -> config.include().add("DR")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.ruleParameters().get("DR01").put("strictMode", true))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
