package dev.resilint.live.twin;

import dev.resilint.core.Engine;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.infra.rules.InfraRules;
import dev.resilint.live.Collectors;
import dev.resilint.live.LiveAnalyzer;
import dev.resilint.live.LiveScan;
import dev.resilint.live.ScanSettings;
import dev.resilint.live.aws.ClientSettings;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.collect.Collector;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Live scans against the fake for tests: short timeouts and retry delays, the real collectors and rules. */
public final class Scans {

    private Scans() {
    }

    /** Client settings that call the fake, with retries quick enough for tests. */
    public static ClientSettings clients(FakeAws fake) {
        return ClientSettings.defaults().withEndpoint(fake.endpoint())
                .withBackoff(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(20))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(20));
    }

    /** Settings that scan the caller's account {@code account} in {@code regions}. */
    public static ScanSettings caller(FakeAws fake, String account, String region, String... more) {
        List<String> regions = new java.util.ArrayList<>(List.of(region));
        regions.addAll(List.of(more));
        return settings(fake, account, new ScanSettings.Accounts.Caller(), Optional.empty(), regions);
    }

    private static ScanSettings callerIn(FakeAws fake, String account, String... regions) {
        return settings(fake, account, new ScanSettings.Accounts.Caller(), Optional.empty(), List.of(regions));
    }

    public static ScanSettings settings(FakeAws fake, String callerAccount, ScanSettings.Accounts accounts,
            Optional<String> roleName, List<String> regions) {
        return new ScanSettings(accounts, regions, false, roleName, Optional.empty(),
                FakeAws.credentials(callerAccount), regions.isEmpty() ? "eu-west-1" : regions.get(0), clients(fake),
                4, 4);
    }

    /** Runs every live-capable rule (all enabled) over the scan's accounts. */
    public static Results run(ScanSettings settings) {
        return run(settings, Config.defaults(), Collectors.all());
    }

    public static Results run(ScanSettings settings, Config config, List<Collector> collectors) {
        List<dev.resilint.infra.graph.InfraRule> live = InfraRules.all().stream()
                .filter(r -> new LiveAnalyzer(InfraRules.all()).rules().contains(r.metadata())).toList();
        return new LiveScan(settings, collectors, LiveScan.Progress.NONE).run(live, new Engine(config));
    }
}
