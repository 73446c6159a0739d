package dev.resilint.bench.live;

import dev.resilint.core.Engine;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.infra.graph.InfraRule;
import dev.resilint.infra.rules.InfraRules;
import dev.resilint.live.Collectors;
import dev.resilint.live.LiveAnalyzer;
import dev.resilint.live.LiveScan;
import dev.resilint.live.ScanSettings;
import dev.resilint.live.aws.ClientSettings;
import dev.resilint.live.fake.Call;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The live scan against the fake with a latency on every call: a synthetic account of about 2,000
 * resources in two regions. Prints the calls made against the budget (the list pages plus the
 * per-resource calls the APIs make unavoidable) and the wall time against the critical-path lower
 * bound at the configured concurrency. Not a test: nothing is asserted.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.resilint.bench.live.LiveScanBenchmark [latencyMs] [runs]</pre>
 */
public final class LiveScanBenchmark {

    static final String ACCOUNT = "123456789012";
    static final List<String> REGIONS = List.of("eu-west-1", "us-east-1");

    private LiveScanBenchmark() {
    }

    public static void main(String[] args) {
        int latencyMs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int warmups = 3; // the SDK's request pipeline is JIT-compiled over the first scans
        int callsPerService = 4;
        // every service of the fake answers on one host and port, where AWS has one host per service
        // and region: keep as many connections alive as the scan runs calls, as resilint scan does
        System.setProperty("http.maxConnections", String.valueOf(LiveScan.connectionsPerHost(8, callsPerService)));
        try (FakeAws fake = FakeAws.start()) {
            fake.pageSize(1000);
            for (String region : REGIONS) {
                new SyntheticAccount(ACCOUNT, region, SyntheticAccount.Size.LARGE)
                        .serve(fake.account(ACCOUNT).region(region));
            }
            fake.inject(Fault.latency(Duration.ofMillis(latencyMs)));
            ClientSettings clients = ClientSettings.defaults().withEndpoint(fake.endpoint());
            ScanSettings settings = new ScanSettings(new ScanSettings.Accounts.Caller(), REGIONS, false,
                    Optional.empty(), Optional.empty(), FakeAws.credentials(ACCOUNT), REGIONS.get(0), clients, 8,
                    callsPerService, true);
            List<InfraRule> live = InfraRules.all().stream()
                    .filter(r -> new LiveAnalyzer(InfraRules.all()).rules().contains(r.metadata())).toList();
            System.out.printf(Locale.ROOT, "== live scan: %d resources in %d regions, %d ms latency per call, "
                    + "%d calls per service at once%n", SyntheticAccount.Size.LARGE.resources() * REGIONS.size(),
                    REGIONS.size(),
                    latencyMs, callsPerService);
            List<Double> walls = new ArrayList<>();
            List<Double> cpus = new ArrayList<>();
            Results last = null;
            for (int run = 0; run < warmups + runs; run++) {
                fake.calls().clear();
                long cpu = processCpuNanos();
                long start = System.nanoTime();
                last = new LiveScan(settings, Collectors.all(), LiveScan.Progress.NONE).run(live,
                        new Engine(Config.defaults()));
                double wall = (System.nanoTime() - start) / 1e9;
                if (run >= warmups) {
                    walls.add(wall);
                    cpus.add((processCpuNanos() - cpu) / 1e9);
                }
            }
            report(fake.calls().calls(), last, walls, latencyMs, callsPerService);
            if (!fake.problems().isEmpty()) {
                System.out.println("calls the fake could not answer (the numbers above do not count): "
                        + fake.problems().size() + ", first: " + fake.problems().get(0));
            }
            Collections.sort(cpus);
            Collections.sort(walls);
            double cpu = cpus.get(cpus.size() / 2);
            double wall = walls.get(walls.size() / 2);
            int cores = Runtime.getRuntime().availableProcessors();
            double floor = Math.max(latencyBound(latencyMs, callsPerService), cpu / cores);
            System.out.printf(Locale.ROOT, "cpu: median %.2f s per scan (scanner and fake together), %.2f ms per call; "
                    + "on %d cores no scan ends before %.2f s%n", cpu, cpu * 1000 / fake.calls().calls().size(),
                    cores, cpu / cores);
            System.out.printf(Locale.ROOT, "wall against the larger of the two bounds (%.2f s): %.2fx%n", floor,
                    wall / floor);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void report(List<Call> calls, Results results, List<Double> walls, int latencyMs, int perService) {
        Map<String, Long> made = calls.stream().filter(c -> c.iamAction() != null)
                .collect(java.util.stream.Collectors.groupingBy(Call::iamAction, TreeMap::new, java.util.stream.Collectors.counting()));
        Map<String, Integer> budget = new TreeMap<>();
        new SyntheticAccount(ACCOUNT, REGIONS.get(0), SyntheticAccount.Size.LARGE).budget()
                .forEach((op, n) -> budget.merge(op, n * REGIONS.size(), Integer::sum));
        budget.merge("sts:GetCallerIdentity", 1, Integer::sum);
        budget.merge("cloudfront:ListDistributions", 1, Integer::sum);
        budget.merge("cloudfront:ListCachePolicies", 1, Integer::sum);
        budget.merge("route53:ListHostedZones", 1, Integer::sum);
        budget.merge("route53:ListHealthChecks", 1, Integer::sum);
        long totalMade = made.values().stream().mapToLong(Long::longValue).sum();
        long totalBudget = budget.values().stream().mapToLong(Integer::longValue).sum();
        System.out.printf(Locale.ROOT, "%-52s %6s %6s%n", "operation", "made", "budget");
        java.util.Set<String> ops = new java.util.TreeSet<>(made.keySet());
        ops.addAll(budget.keySet());
        for (String op : ops) {
            long m = made.getOrDefault(op, 0L);
            int b = budget.getOrDefault(op, 0);
            System.out.printf(Locale.ROOT, "%-52s %6d %6d%s%n", op, m, b, m > b ? "  <- over" : "");
        }
        System.out.printf(Locale.ROOT, "calls: %d made, budget %d: %.2fx%n", totalMade, totalBudget,
                (double) totalMade / totalBudget);
        double bound = latencyBound(latencyMs, perService) * 1000;
        Collections.sort(walls);
        double median = walls.get(walls.size() / 2);
        System.out.printf(Locale.ROOT, "wall: median %.2f s [%.2f-%.2f] over %d runs; lower bound %.2f s: %.2fx%n",
                median, walls.get(0), walls.get(walls.size() - 1), walls.size(), bound / 1000, median * 1000 / bound);
        System.out.printf(Locale.ROOT, "findings %d, gaps %d, problems %d%n", results.findings().size(),
                results.notEvaluated().size(), results.problems().size());
    }

    /**
     * Seconds no scan can beat at this latency: one call (STS), then the account regions in parallel;
     * in each, every service's calls at most {@code perService} at a time, and no service faster than
     * its chain of dependent calls.
     */
    static double latencyBound(int latencyMs, int perService) {
        return latencyMs * (1 + new SyntheticAccount(ACCOUNT, REGIONS.get(0), SyntheticAccount.Size.LARGE)
                .criticalPath(perService)) / 1000.0;
    }

}
