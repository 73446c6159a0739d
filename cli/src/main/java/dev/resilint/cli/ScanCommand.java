package dev.resilint.cli;

import dev.resilint.core.FailThreshold;
import dev.resilint.core.Shard;
import dev.resilint.core.baseline.Baseline;
import dev.resilint.core.config.Config;
import dev.resilint.core.report.ExitCodes;
import dev.resilint.core.report.Report;
import dev.resilint.live.IamPolicy;
import dev.resilint.live.LiveScan;
import dev.resilint.live.ScanSettings;
import dev.resilint.live.aws.AwsChains;
import dev.resilint.live.aws.CallStats;
import dev.resilint.live.aws.ClientSettings;
import dev.resilint.live.config.AggregatorSettings;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code resilint scan}: the same rules on what runs in AWS accounts, read only. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Judge live AWS accounts and regions, read only, with the same rules and ids as templates.",
            "What cannot be read is reported as not evaluated, never as a pass.",
            "Credentials and region come from the AWS SDK's default chains (environment, profiles, SSO, instance"
                + " roles); endpoints follow AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE>."})
final class ScanCommand extends ReportingCommand {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    static final String DIRECT = "direct";
    static final String CONFIG_AGGREGATOR = "config-aggregator";

    @Option(names = "--region", paramLabel = "REGION",
            description = "A region to scan; repeat for several. Default: the SDK's region (AWS_REGION, profile).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--all-regions", description = "Scan every region enabled for each account.")
    boolean allRegions;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "The AWS profile whose credentials to use.")
    String profile;

    /** Which accounts, when not the caller's own. */
    static final class AccountSelection {
        @Option(names = "--accounts", paramLabel = "FILE",
                description = "Scan the accounts listed in FILE (one 12-digit id per line, # comments), each by "
                        + "assuming --role-name in it.")
        Path file;

        @Option(names = "--organization",
                description = "Scan the ACTIVE accounts of the caller's organization (Organizations ListAccounts).")
        boolean organization;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    AccountSelection accounts;

    @Option(names = "--role-name", paramLabel = "NAME",
            description = "The role to assume in every account but the caller's (see docs/readonly-role.yaml).")
    String roleName;

    @Option(names = "--external-id", paramLabel = "ID", description = "The external id the role's trust policy asks for.")
    String externalId;

    @Option(names = "--skip-tags",
            description = "Read tags only where a rule needs them (requiredTags): saves the tag calls of queues, "
                    + "tables, functions, cache clusters, state machines, distributions, load balancers, ECS and EKS, "
                    + "whose resilint:suppress tags are then not read.")
    boolean skipTags;

    @Option(names = "--source", paramLabel = "SOURCE",
            description = {"Where to read the accounts' resources: direct (default: each service's API in each account) "
                    + "or config-aggregator (an AWS Config aggregator, from its account alone; see --aggregator)."})
    String source = DIRECT;

    @Option(names = "--aggregator", paramLabel = "NAME",
            description = "With --source config-aggregator: the AWS Config aggregator to read. Types Config cannot "
                    + "serve are read in each account with --role-name, or not evaluated without it.")
    String aggregator;

    @Option(names = "--aggregator-region", paramLabel = "REGION",
            description = "The region the aggregator lives in. Default: the SDK's region.")
    String aggregatorRegion;

    @Option(names = "--max-age", paramLabel = "DURATION",
            description = "With --source config-aggregator: configuration items older than this (26h, 90m, 2d) make "
                    + "their type not evaluated (stale) in their account and region. Default: 26h.")
    String maxAge;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Scan only shard K of N of the accounts (1 <= K <= N), picked by a stable hash of each "
                    + "account id before any role is assumed, so that N workers of a job matrix cover the accounts "
                    + "between them; join their JSON reports with 'resilint merge'.")
    String shard;

    @Option(names = "--print-iam-policy",
            description = {"Print the read-only IAM policy the scan needs (docs/iam-policy.json) and exit; with "
                    + "--source config-aggregator, the aggregator account's (docs/iam-policy-aggregator.json)."})
    boolean printPolicy;

    @Option(names = "--print-role-template",
            description = "Print a CloudFormation template of the role to assume (docs/readonly-role.yaml) and exit.")
    boolean printRoleTemplate;

    @Override
    public Integer call() {
        requireSdk();
        if (printPolicy || printRoleTemplate) {
            boolean fromConfig = fromConfig();
            env.out().print(printPolicy ? fromConfig ? IamPolicy.aggregatorJson() : IamPolicy.json()
                    : IamPolicy.roleTemplate());
            env.out().flush();
            return ExitCodes.OK;
        }
        return super.call();
    }

    /** The AWS SDK lives in a jar of its own; a copy of resilint.jar without it cannot scan. */
    static void requireSdk() {
        try {
            Class.forName("software.amazon.awssdk.core.SdkClient", false, ScanCommand.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UserException("resilint scan needs the AWS SDK: lib/resilint-aws-sdk.jar next to resilint.jar "
                    + "(both are built into cli/target by mvn package)");
        }
    }

    @Override
    public Set<ExitCodes.Code> exitCodes() {
        return EnumSet.allOf(ExitCodes.Code.class);
    }

    @Override
    String analyzer() {
        return "live";
    }

    @Override
    List<Path> inputs() {
        return List.of();
    }

    @Override
    Report run(Config config, Optional<Baseline> baseline, FailThreshold threshold) {
        ScanSettings settings = settings();
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections",
                    String.valueOf(LiveScan.connectionsPerHost(settings.parallelScopes(), settings.callsPerService())));
        }
        TerminalProgress terminal = progress.enabled(env) ? new TerminalProgress(env.err()) : null;
        AtomicReference<String> statistics = new AtomicReference<>();
        LiveScan.Progress listener = new LiveScan.Progress() {
            @Override
            public void advanced(int accounts, int total, int scopes, CallStats stats) {
                if (terminal != null) {
                    terminal.advanced(accounts, total, scopes, stats);
                }
            }

            @Override
            public void finished(int scopes, CallStats stats) {
                statistics.set("live scan: " + scopes + " scope(s), " + stats.calls() + " call(s), " + stats.retries()
                        + " retry(ies)");
            }
        };
        Report report = analysis.run(env, Wiring.liveAnalyzer(settings, listener), List.of(), List.of(), config,
                baseline, threshold);
        if (terminal != null) {
            terminal.finish();
        }
        if (analysis.verbose && statistics.get() != null) { // run statistics are no part of the report
            env.err().println("resilint: " + statistics.get());
        }
        return report;
    }

    /** The scan's settings from the options; a usage error for what cannot work. */
    ScanSettings settings() {
        for (String r : regions) {
            if (!REGION.matcher(r).matches()) {
                throw new UserException("--region '" + r + "' is not a region name like eu-west-1");
            }
        }
        if (allRegions && !regions.isEmpty()) {
            throw new UserException("give either --region or --all-regions, not both");
        }
        ScanSettings.Accounts which = new ScanSettings.Accounts.Caller();
        if (accounts != null && accounts.file != null) {
            which = new ScanSettings.Accounts.Listed(readAccounts(env.workingDirectory().resolve(accounts.file),
                    accounts.file.toString()));
        } else if (accounts != null && accounts.organization) {
            which = new ScanSettings.Accounts.Organization();
        }
        boolean fromConfig = fromConfig();
        if (!fromConfig && !(which instanceof ScanSettings.Accounts.Caller) && roleName == null) {
            throw new UserException("--accounts and --organization need --role-name: the role to assume in each account");
        }
        if (externalId != null && roleName == null) {
            throw new UserException("--external-id needs --role-name");
        }
        Optional<String> chosen = Optional.ofNullable(profile);
        Optional<String> home = AwsChains.region(chosen).or(() -> regions.stream().findFirst());
        if (home.isEmpty()) {
            throw new UserException("no region: give --region REGION, or set AWS_REGION or a profile's region");
        }
        Optional<Shard> part = Optional.empty();
        if (shard != null) {
            try {
                part = Optional.of(Shard.parse(shard));
            } catch (IllegalArgumentException e) {
                throw new UserException("--shard '" + shard + "': " + e.getMessage());
            }
        }
        ScanSettings settings = new ScanSettings(which, regions, allRegions, Optional.ofNullable(roleName),
                Optional.ofNullable(externalId), AwsChains.credentials(chosen), home.get(), ClientSettings.defaults(), 8, 4,
                !skipTags, part);
        return fromConfig ? settings.withAggregator(aggregatorSettings(home.get())) : settings;
    }

    /** Whether {@code --source config-aggregator}; a usage error for another source or misplaced options. */
    private boolean fromConfig() {
        if (!source.equals(DIRECT) && !source.equals(CONFIG_AGGREGATOR)) {
            throw new UserException("--source '" + source + "' is not a source: give " + DIRECT + " or "
                    + CONFIG_AGGREGATOR);
        }
        boolean fromConfig = source.equals(CONFIG_AGGREGATOR);
        if (!fromConfig) {
            for (String[] option : new String[][] {{"--aggregator", aggregator}, {"--aggregator-region", aggregatorRegion},
                    {"--max-age", maxAge}}) {
                if (option[1] != null) {
                    throw new UserException(option[0] + " needs --source " + CONFIG_AGGREGATOR);
                }
            }
        }
        return fromConfig;
    }

    /** The aggregator options; a usage error naming the option for what is missing or malformed. */
    private AggregatorSettings aggregatorSettings(String home) {
        if (aggregator == null || aggregator.isBlank()) {
            throw new UserException("--source " + CONFIG_AGGREGATOR + " needs --aggregator NAME: the AWS Config "
                    + "aggregator to read");
        }
        if (aggregatorRegion != null && !REGION.matcher(aggregatorRegion).matches()) {
            throw new UserException("--aggregator-region '" + aggregatorRegion + "' is not a region name like eu-west-1");
        }
        Duration age = AggregatorSettings.DEFAULT_MAX_AGE;
        if (maxAge != null) {
            try {
                age = AggregatorSettings.parseDuration(maxAge);
            } catch (IllegalArgumentException e) {
                throw new UserException("--max-age " + e.getMessage());
            }
        }
        return new AggregatorSettings(aggregator, aggregatorRegion == null ? home : aggregatorRegion, age);
    }

    /** The account ids of an accounts file; a usage error naming the file and line for anything else. */
    static List<String> readAccounts(Path file, String display) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new UserException("--accounts " + display + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UserException("--accounts " + display + ": permission denied");
        } catch (MalformedInputException e) {
            throw new UserException("--accounts " + display + ": not a UTF-8 text file");
        } catch (IOException e) {
            throw new UserException("--accounts " + display + ": cannot read it (" + e.getMessage() + ")");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String id = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (id.isEmpty()) {
                continue;
            }
            if (!ACCOUNT.matcher(id).matches()) {
                throw new UserException(display + ":" + (i + 1) + ": not a 12-digit account id: '" + id + "'");
            }
            ids.add(id);
        }
        if (ids.isEmpty()) {
            throw new UserException("--accounts " + display + ": no account ids in it");
        }
        return ids;
    }
}
